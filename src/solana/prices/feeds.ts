/**
 * Which Pyth feed prices which mint, and where that feed's account lives. A push feed's account is
 * the program-derived address of [shard as u16 little-endian, feed id] under the Pyth push oracle;
 * shard 0 is the one Pyth keeps updated (sponsored). Feed ids are Pyth's published ones for the
 * USD price of each token; a mint without one here is unpriced, never priced by a guess.
 */
import { type Address, getBase16Encoder, getU16Encoder } from "@solana/kit";
import { findProgramAddress } from "../accounts/metaplex";

/** The Pyth push oracle program, under which the sponsored feeds' accounts are derived. */
export const PYTH_PUSH_ORACLE_PROGRAM = "pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT" as Address;

export const WRAPPED_SOL_MINT = "So11111111111111111111111111111111111111112";

/** Crypto.SOL/USD: the price of native SOL and of wrapped SOL. */
export const SOL_USD_FEED_ID = "ef0d8b6fda2ceba41da15d4095d1da392a0d2f8ed0c6c7bc0f4cfac8c280b56d";

// [mint, feed id of its USD price]
const FEEDS: readonly (readonly [string, string])[] = [
  [WRAPPED_SOL_MINT, SOL_USD_FEED_ID],
  ["EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a"],
  ["Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", "2b89b9dc8fdf9f34709a5b106b472f0f39bb6ca9ce04b0fd7f2e971688e2e53b"],
  ["2b1kV6DkPAnxd5ixfnxCpjxmKwqjjaYmCZfHsFu24GXo", "c1da1b73d7f01e7ddd54b3766cf7fcd644395ad14f70aa706ec5384c59e76692"],
  ["HzwqbKZw8HxMN6bF2yFZNrht3c2iXXzpKcFu7uBEDKtr", "76fa85158bf14ede77087fe3ae472f66213f6ea2f5b411cb2de472794990fa5c"],
  ["A1KLoBrKBde8Ty9qtNQUtq3C2ortoC3u7twggz7sEto6", "e393449f6aff8a4b6d3e1165a7c9ebec103685f3b41e60db4277b5b6d10e7326"],
  ["JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN", "0a0408d619e9380abad35060f9192039ed5042fa6f82301d0e48bb52be830996"],
  ["DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", "72b021217ca3fe68922a19aaf990109cb9d84e9ad004b4d2025ad6f529314419"],
  ["mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So", "c2289a6a43d2ce91c6f55caec370f4acc38a2ed477f58813334c6d03749ff2a4"],
  ["J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn", "67be9f519b95cf24338801051f9a808eff0a578ccb388db73b7f6fe1de019ffb"],
  ["bSo13r4TkiE4KumL71LsHTPpL2euBYLFx6h9HP3piy1", "89875379e70f8fbadc17aef315adf3a8d5d160b811435537e03c97e8aac97d9c"],
  ["7dHbWXmci3dT8UFYWYZweBLXgycu7Y3iL6trKn1Y7ARj", "a1a6465f4c2ebf244c31d80bc95c27345a3424e428c2def33eced9e90d3f701b"],
  ["5oVNBeEEQvYi1cX3ir8Dx5n1P7pdxydbGF2X4TxVusJm", "f51570985c642c49c2d6e50156390fdba80bb6d5f7fa389d2f012ced4f7d208f"],
  ["LSTxxxnJzKDFSLr4dUkPcmCf5VyryEqzPLz5j4bpxFp", "12fb674ee496045b1d9cf7d5e65379acb026133c2ad69f3ed996fb9fe68e3a37"],
  ["jtojtomepa8beP8AuQc6eXt5FriJwfFMwQx2v2f9mCL", "b43660a5f790c69354b0729a5ef9d50d68f1df92107540210b9cccba1f947cc2"],
  ["HZ1JovNiVvGrGNiiYvEozEVgZ58xaU3RKwX8eACQBCt3", "0bbf28e9a841a1cc788f6a361b17ca072d0ea3098a1e5df1c3922d06719579ff"],
  ["EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm", "4ca4beeca86f0d164160323817a4e42b10010a724c2217c6ee41b54cd4cc61fc"],
  ["4k3Dyjzvzp8eMZWUXbBCjEvwSkkk59S5iCNLY3QrkX6R", "91568baa8beb53db23eb3fb7f22c6e8bd303d103919e19733f2bb642d3e7987a"],
  ["orcaEKTdK7LKz57vaAYr9QeNsVEPfiu6QeMU1kektZE", "37505261e557e251290b8c8899453064e8d760ed5c65a779726f2490980da74c"],
  ["85VBFQZC9TZkfaptBWjvUw7YbZjy52A6mjtPGjstQAmQ", "eff7446475e218517566ea99e72a4abec2e1bd8498b43b7d8331e29dcb059389"],
  ["27G8MtK7VtTcCHkpASjSDdkWWYfoqT6ggEuKidVJidD4", "c811abc82b4bad1f9bd711a2773ccaa935b03ecef974236942cec5e0eb845a3a"],
  ["7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr", "b9312a7ee50e189ef045aa3c7842e099b061bd9bdc99ac645956c3b660dc8cce"],
  ["rndrizKT3MK1iimdxRdWabcF7Zg7AR5T4nud4EkHBof", "3d4a2bd9535be6ce8059d75eadeba507b043257321aa544717c56fa19b49e35d"],
  ["hntyVP6YFm1Hg25TN9WGLqM12b8TQmcknKrdu1oxWux", "649fdd7ec08e8e2a20f425729854e90293dcbe2376abc47197a14da6ff339756"],
  ["mb1eu7TzEc71KxDpsmsKoucSSuuoGLv1drys1oP2jh6", "ff4c53361e36a9b837433c87d290c229e1f01aec5ef98d9f3f70953a20a629ce"],
  ["7vfCXTUXx5WJV5JADk17DUJ4ksgau7utNKj4b963voxs", "ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace"],
  ["3NZ9JMVBmGAqocybic2c7LQCJScmgsAZ6vQqTDzcqmJh", "c9d8b075a5c69303365ae23633d4e085199bf5c520a3b90fed1322a0342ffc33"],
  ["MEW1gQWJ3nEXg2qgERiKu7FAFj79PHvQVREQUzScPP5", "514aed52ca5294177f20187ae883cec4a018619772ddce41efcc36a6448f5d5d"],
  ["ukHH6c7mMyiWCf1b9pnWe25TSpkDDt3H5pQZgZ74J82", "30e4780570973e438fdb3f1b7ad22618b2fc7333b65c7853a7ca144c39052f7a"],
  ["DriFtupJYLTosbwoN8koMbEYSx54aFAVLddWsbksjwg7", "5c1690b27bb02446db17cdda13ccc2c1d609ad6d2ef5bf4983a85ea8b6f19d07"],
  ["TNSRxcUxoT9xBG3de7PiJyTDYu7kskLqcpddxnEJAS6", "05ecd4597cd48fe13d6cc3596c62af4f9675aee06e2e0b94c06d8bee2b659e05"],
  ["KMNo3nJsBXfcpJTVhZcXLW7RmTwTt4GVFE7suUBo9sS", "b17e5bc5de742a8a378b54c9c75442b7d51e30ada63f28d9bd28d3c0e26511a0"],
  ["7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU", "49601625e1a342c1f90c3fe6a03ae0251991a1d76e480d2741524c29037be28a"],
  ["MNDEFzGvMt87ueuHvVU9VcTqsAP5b3fTGPsHuuPA5ey", "3607bf4d7b78666bd3736c7aacaf2fd2bc56caa8667d3224971ebe3c0623292a"],
  ["SHDWyBxihqiCj6YekG2GUr7wqKLeLAMK1gHZck9pL6y", "823df7874b35e0a6ad4f1f3a8298e1ec8bf3c20d188edbc1e2b56886adb73d38"],
  ["WENWENvqqNya429ubCdR81ZmD69brwQaaBYY6p3LCpk", "5169491cd7e2a44c98353b779d5eb612e4ac32e073f5cc534303d86307c2f1bc"],
  ["HhJpBhRRn4g56VsyLuT8DL5Bv31HkXqsrahTTUCZeZg4", "6c19a9df349e8951d6bbae02f11ce54a025cd549b482403a0d897bb0bdbfd424"],
  ["7BgBvyjrZX1YKz4oh9mjb8ZScatkkwb8DzFx7LoiVkM3", "1a483c4a63876d286991ac0d6e090298db42e88c3826b6e0cff89daca498eed5"],
  ["ZEUS1aR7aX8DFFJf5QjWj2ftDDdNTroMNGo8YoQm3Gq", "31558e9ccb18c151af6c52bf78afd03098a7aca1b9cf171a65b693b464c2f066"],
  ["BZLbGTNCSFfoth2GYDtwr7e4imWzpR5jqcUuGEwr646K", "82595d1509b770fa52681e260af4dda9752b87316d7c048535d8ead3fa856eb1"],
];

const feedByMint = new Map(FEEDS);

/** The feed id (hex) that prices `mint` in USD, if any. */
export function feedIdOf(mint: string): string | undefined {
  return feedByMint.get(mint);
}

const addresses = new Map<string, Promise<Address>>();

/** The push feed's account for a feed id: PDA of [shard u16 LE, feed id] under the push oracle. */
export function feedAccount(feedId: string, shard = 0): Promise<Address> {
  const key = `${shard}:${feedId}`;
  let found = addresses.get(key);
  if (!found) {
    found = findProgramAddress(PYTH_PUSH_ORACLE_PROGRAM, [
      getU16Encoder().encode(shard),
      getBase16Encoder().encode(feedId),
    ]);
    addresses.set(key, found);
  }
  return found;
}
