/**
 * The verified list: the most-held mints on Solana mainnet, by address. A mint on it is marked
 * `verified: true` and named from here where the chain holds no metadata for it; a mint elsewhere
 * that claims one of these symbols or names is flagged as an imitation (see look-alike.ts).
 * Addresses are mainnet's; on other networks the same address is simply not found.
 */

export interface VerifiedToken {
  mint: string;
  symbol: string;
  name: string;
  /** Other words a fake would use to pass for this token ("SOL" for wrapped SOL). */
  aliases?: readonly string[];
}

// [mint, symbol, name]
const LIST: readonly (readonly [string, string, string, ...string[]])[] = [
  ["So11111111111111111111111111111111111111112", "wSOL", "Wrapped SOL", "SOL", "Solana"],
  ["EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "USDC", "USD Coin"],
  ["Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB", "USDT", "Tether USD"],
  ["2b1kV6DkPAnxd5ixfnxCpjxmKwqjjaYmCZfHsFu24GXo", "PYUSD", "PayPal USD"],
  ["HzwqbKZw8HxMN6bF2yFZNrht3c2iXXzpKcFu7uBEDKtr", "EURC", "Euro Coin"],
  ["A1KLoBrKBde8Ty9qtNQUtq3C2ortoC3u7twggz7sEto6", "USDY", "Ondo US Dollar Yield"],
  ["JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN", "JUP", "Jupiter"],
  ["DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", "BONK", "Bonk"],
  ["mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So", "mSOL", "Marinade staked SOL"],
  ["J1toso1uCk3RLmjorhTtrVwY9HJ7X8V9yYac6Y7kGCPn", "JitoSOL", "Jito Staked SOL"],
  ["bSo13r4TkiE4KumL71LsHTPpL2euBYLFx6h9HP3piy1", "bSOL", "BlazeStake Staked SOL"],
  ["jupSoLaHXQiZZTSfEWMTRRgpnyFm8f6sZdosWBjx93v", "JupSOL", "Jupiter Staked SOL"],
  ["7dHbWXmci3dT8UFYWYZweBLXgycu7Y3iL6trKn1Y7ARj", "stSOL", "Lido Staked SOL"],
  ["5oVNBeEEQvYi1cX3ir8Dx5n1P7pdxydbGF2X4TxVusJm", "INF", "Infinity"],
  ["LSTxxxnJzKDFSLr4dUkPcmCf5VyryEqzPLz5j4bpxFp", "LST", "Liquid Staking Token"],
  ["jtojtomepa8beP8AuQc6eXt5FriJwfFMwQx2v2f9mCL", "JTO", "Jito"],
  ["HZ1JovNiVvGrGNiiYvEozEVgZ58xaU3RKwX8eACQBCt3", "PYTH", "Pyth Network"],
  ["EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm", "WIF", "dogwifhat"],
  ["4k3Dyjzvzp8eMZWUXbBCjEvwSkkk59S5iCNLY3QrkX6R", "RAY", "Raydium"],
  ["orcaEKTdK7LKz57vaAYr9QeNsVEPfiu6QeMU1kektZE", "ORCA", "Orca"],
  ["85VBFQZC9TZkfaptBWjvUw7YbZjy52A6mjtPGjstQAmQ", "W", "Wormhole"],
  ["27G8MtK7VtTcCHkpASjSDdkWWYfoqT6ggEuKidVJidD4", "JLP", "Jupiter Perps LP"],
  ["7GCihgDB8fe6KNjn2MYtkzZcRjQy3t9GHdC8uHYmW2hr", "POPCAT", "Popcat"],
  ["rndrizKT3MK1iimdxRdWabcF7Zg7AR5T4nud4EkHBof", "RENDER", "Render Token"],
  ["hntyVP6YFm1Hg25TN9WGLqM12b8TQmcknKrdu1oxWux", "HNT", "Helium Network Token"],
  ["mb1eu7TzEc71KxDpsmsKoucSSuuoGLv1drys1oP2jh6", "MOBILE", "Helium Mobile"],
  ["7vfCXTUXx5WJV5JADk17DUJ4ksgau7utNKj4b963voxs", "ETH", "Ether (Portal)"],
  ["3NZ9JMVBmGAqocybic2c7LQCJScmgsAZ6vQqTDzcqmJh", "WBTC", "Wrapped BTC (Portal)"],
  ["cbbtcf3aa214zXHbiAZQwf4122FBYbraNdFqgw4iMij", "cbBTC", "Coinbase Wrapped BTC"],
  ["6p6xgHyF7AeE6TZkSmFsko444wqoP15icUSqi2jfGiPN", "TRUMP", "OFFICIAL TRUMP"],
  ["MEW1gQWJ3nEXg2qgERiKu7FAFj79PHvQVREQUzScPP5", "MEW", "cat in a dogs world"],
  ["ukHH6c7mMyiWCf1b9pnWe25TSpkDDt3H5pQZgZ74J82", "BOME", "BOOK OF MEME"],
  ["DriFtupJYLTosbwoN8koMbEYSx54aFAVLddWsbksjwg7", "DRIFT", "Drift"],
  ["TNSRxcUxoT9xBG3de7PiJyTDYu7kskLqcpddxnEJAS6", "TNSR", "Tensor"],
  ["KMNo3nJsBXfcpJTVhZcXLW7RmTwTt4GVFE7suUBo9sS", "KMNO", "Kamino"],
  ["2zMMhcVQEXDtdE6vsFS7S7D5oUodfJHE8vd1gnBouauv", "PENGU", "Pudgy Penguins"],
  ["9BB6NFEcjBCtnNLFko2FqVQBq8HHM13kCyYcdQbgpump", "Fartcoin", "Fartcoin"],
  ["7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU", "SAMO", "Samoyed Coin"],
  ["MNDEFzGvMt87ueuHvVU9VcTqsAP5b3fTGPsHuuPA5ey", "MNDE", "Marinade"],
  ["SHDWyBxihqiCj6YekG2GUr7wqKLeLAMK1gHZck9pL6y", "SHDW", "Shadow Token"],
  ["WENWENvqqNya429ubCdR81ZmD69brwQaaBYY6p3LCpk", "WEN", "Wen"],
  ["HhJpBhRRn4g56VsyLuT8DL5Bv31HkXqsrahTTUCZeZg4", "MYRO", "Myro"],
  ["7BgBvyjrZX1YKz4oh9mjb8ZScatkkwb8DzFx7LoiVkM3", "SLERF", "Slerf"],
  ["ZEUS1aR7aX8DFFJf5QjWj2ftDDdNTroMNGo8YoQm3Gq", "ZEUS", "Zeus Network"],
  ["BZLbGTNCSFfoth2GYDtwr7e4imWzpR5jqcUuGEwr646K", "IO", "IO"],
  ["Grass7B4RdKfBCjTKgSqnXkqjwiGvQyFbuSCUJr3XXjs", "GRASS", "Grass"],
  ["2qEHjDLDLbuBgRYvsxhc5D6uDWAivNFZGan56P1tpump", "PNUT", "Peanut the Squirrel"],
  ["ED5nyyWEzpPPiWimP8vYm7sD7TD3LAt3Q3gRTWHzPJBY", "MOODENG", "Moo Deng"],
  ["CzLSujWBLFsSjncfkh59rUFqvafWcY5tzedWJSuypump", "GOAT", "Goatseus Maximus"],
];

export const VERIFIED_TOKENS: readonly VerifiedToken[] = LIST.map(([mint, symbol, name, ...aliases]) => ({
  mint,
  symbol,
  name,
  ...(aliases.length ? { aliases } : {}),
}));

const byMint = new Map(VERIFIED_TOKENS.map((token) => [token.mint, token]));

export function verifiedToken(mint: string): VerifiedToken | undefined {
  return byMint.get(mint);
}
