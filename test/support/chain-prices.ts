/**
 * For the price and portfolio tests: Pyth PriceUpdateV2 accounts in the receiver's own layout
 * (written with the receiver's codec, which reproduces a real mainnet update byte for byte) at
 * the feeds' derived addresses, with publish times relative to the local chain's clock; and
 * classic SPL mints and token accounts at given addresses (the verified mints' mainnet addresses),
 * encoded with the token program's codecs and written with Surfnet's setAccount.
 */
import { type Address, getBase16Encoder } from "@solana/kit";
import { AccountState, getMintEncoder, getTokenEncoder, TOKEN_PROGRAM_ADDRESS } from "@solana-program/token";
import { feedAccount } from "../../src/solana/prices/feeds";
import {
  PRICE_UPDATE_DISCRIMINATOR,
  PYTH_RECEIVER_PROGRAM,
  priceUpdateCodec,
} from "../../src/solana/prices/price-update";
import { chain, SYSTEM_PROGRAM, setAccount } from "./tool-client";

/** The receiver allocates every update for the longer (Partial) verification variant. */
const PRICE_UPDATE_SIZE = 134;

export interface FeedPrice {
  price: bigint;
  conf: bigint;
  exponent?: number;
  publishTime: bigint;
  partial?: boolean;
}

/** Writes a price update for `feedId` at its shard-0 account; returns the account. */
export async function loadPriceFeed(feedId: string, feed: FeedPrice): Promise<Address> {
  const address = await feedAccount(feedId);
  const data = new Uint8Array(PRICE_UPDATE_SIZE);
  data.set(
    priceUpdateCodec().encode({
      discriminator: PRICE_UPDATE_DISCRIMINATOR,
      writeAuthority: "7Le6mdL4UGFtA2mzGYJ9KZm2WJEnhw7q5iU1RZsMnPZC" as Address,
      verificationLevel: feed.partial ? { __kind: "Partial", numSignatures: 5 } : { __kind: "Full" },
      feedId: getBase16Encoder().encode(feedId),
      price: feed.price,
      conf: feed.conf,
      exponent: feed.exponent ?? -8,
      publishTime: feed.publishTime,
      prevPublishTime: feed.publishTime - 1n,
      emaPrice: feed.price,
      emaConf: feed.conf,
      postedSlot: 1n,
    }),
  );
  await setAccount(address, { lamports: 1_825_020, owner: PYTH_RECEIVER_PROGRAM, data });
  return address;
}

/** Leaves no price at the feed's account: an empty system account. */
export async function clearPriceFeed(feedId: string): Promise<void> {
  await setAccount(await feedAccount(feedId), { lamports: 1_000_000, owner: SYSTEM_PROGRAM, data: new Uint8Array() });
}

export async function loadSplMint(address: string, decimals: number, mintAuthority: string | null): Promise<void> {
  const data = new Uint8Array(
    getMintEncoder().encode({
      mintAuthority: mintAuthority as Address | null,
      supply: 10n ** 15n,
      decimals,
      isInitialized: true,
      freezeAuthority: null,
    }),
  );
  const lamports = await chain<number>("getMinimumBalanceForRentExemption", [data.length]);
  await setAccount(address, { lamports, owner: TOKEN_PROGRAM_ADDRESS, data });
}

export async function loadSplTokenAccount(address: string, mint: string, owner: string, amount: bigint): Promise<void> {
  const data = new Uint8Array(
    getTokenEncoder().encode({
      mint: mint as Address,
      owner: owner as Address,
      amount,
      delegate: null,
      state: AccountState.Initialized,
      isNative: null,
      delegatedAmount: 0n,
      closeAuthority: null,
    }),
  );
  await setAccount(address, { lamports: 2_039_280, owner: TOKEN_PROGRAM_ADDRESS, data });
}
