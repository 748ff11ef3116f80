/**
 * Pyth push-feed prices: a real mainnet PriceUpdateV2 decoded and checked against its bytes read
 * at the receiver's offsets by hand; the feed PDAs against the published SOL/USD and USDC/USD
 * accounts; and the rules (staleness by the chain's clock, confidence, cents from integers).
 */
import { getBase64Encoder } from "@solana/kit";
import { describe, expect, it } from "vitest";
import fixture from "../../../test/fixtures/pyth/sol-usd-price-update.json";
import { feedAccount, feedIdOf, SOL_USD_FEED_ID } from "./feeds";
import { decodePriceUpdate, PRICE_UPDATE_DISCRIMINATOR, priceUpdateCodec } from "./price-update";
import { checkPrice, formatUsd, usdCents } from "./rules";

const USDC_USD_FEED_ID = "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a";
const bytes = new Uint8Array(getBase64Encoder().encode(fixture.account.data[0] as string));
const view = new DataView(bytes.buffer);

describe("PriceUpdateV2", () => {
  it("decodes a real mainnet SOL/USD update, field for field against its bytes", () => {
    const update = decodePriceUpdate(bytes);
    // Offsets of the receiver's layout (Full verification takes one byte): discriminator 0, write
    // authority 8, verification 40, feed id 41, price 73, conf 81, exponent 89, publish time 93,
    // previous publish time 101, EMA price 109, EMA conf 117, posted slot 125.
    const hex = (from: number, to: number) =>
      [...bytes.slice(from, to)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    expect(bytes[40]).toBe(1);
    expect(update).toMatchObject({
      verification: "full",
      numSignatures: null,
      feedId: hex(41, 73),
      price: view.getBigInt64(73, true).toString(),
      conf: view.getBigUint64(81, true).toString(),
      exponent: view.getInt32(89, true),
      publishTime: view.getBigInt64(93, true).toString(),
      prevPublishTime: view.getBigInt64(101, true).toString(),
      emaPrice: view.getBigInt64(109, true).toString(),
      emaConf: view.getBigUint64(117, true).toString(),
      postedSlot: view.getBigUint64(125, true).toString(),
    });
    expect(update?.feedId).toBe(SOL_USD_FEED_ID);
    expect(update?.exponent).toBe(-8);
  });

  it("writes the receiver's layout back byte for byte", () => {
    const encoded = new Uint8Array(priceUpdateCodec().encode(priceUpdateCodec().decode(bytes)));
    // The account is allocated for the longer (Partial) variant: one trailing zero byte.
    expect([...encoded, 0]).toEqual([...bytes]);
  });

  it("is no price when the discriminator or the length is wrong", () => {
    expect(decodePriceUpdate(bytes.slice(0, 60))).toBeUndefined();
    const other = bytes.slice();
    other[0] = (other[0] ?? 0) ^ 1;
    expect(decodePriceUpdate(other)).toBeUndefined();
    expect([...PRICE_UPDATE_DISCRIMINATOR]).toEqual([...bytes.slice(0, 8)]);
  });
});

describe("feed accounts", () => {
  it("derive to the published sponsored feeds: SOL/USD and USDC/USD on shard 0", async () => {
    expect(await feedAccount(SOL_USD_FEED_ID)).toBe("7UVimffxr9ow1uXYxsr4LHAcV58mLzhmwaeKvJ1pjLiE");
    expect(await feedAccount(USDC_USD_FEED_ID)).toBe("Dpw1EAVrSB1ibxiDQyTAW6Zip3J4Btk2x4SgApQCeFbX");
    expect(fixture.pubkey).toBe(await feedAccount(SOL_USD_FEED_ID));
    // Another shard is another account.
    expect(await feedAccount(SOL_USD_FEED_ID, 1)).not.toBe("7UVimffxr9ow1uXYxsr4LHAcV58mLzhmwaeKvJ1pjLiE");
  });

  it("map the verified mints that have a feed, and no other", () => {
    expect(feedIdOf("So11111111111111111111111111111111111111112")).toBe(SOL_USD_FEED_ID);
    expect(feedIdOf("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v")).toBe(USDC_USD_FEED_ID);
    expect(feedIdOf("4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T")).toBeUndefined();
  });
});

describe("price rules", () => {
  const update = decodePriceUpdate(bytes);
  if (!update) throw new Error("fixture did not decode");
  const published = BigInt(update.publishTime);

  it("a price is fresh up to the limit by the chain's clock, stale past it", () => {
    expect(checkPrice(update, published + 60n, 60)).toEqual({ status: "fresh", ageSeconds: 60 });
    expect(checkPrice(update, published + 61n, 60)).toEqual({ status: "stale", ageSeconds: 61 });
    // Published "after" the chain's clock (a lagging node): age 0, not negative.
    expect(checkPrice(update, published - 5n, 60)).toEqual({ status: "fresh", ageSeconds: 0 });
  });

  it("a confidence wider than 2 % of the price is uncertain; exactly 2 % is not", () => {
    const at = (conf: bigint) => checkPrice({ ...update, price: "10000", conf: conf.toString() }, published, 60);
    expect(at(200n).status).toBe("fresh");
    expect(at(201n).status).toBe("uncertain");
    expect(checkPrice({ ...update, verification: "partial" }, published, 60).status).toBe("partially-verified");
    expect(checkPrice({ ...update, price: "0" }, published, 60).status).toBe("invalid");
  });

  it("values from integers, rounded once to the cent (half up)", () => {
    // 2.5 SOL at $150.12345678: $375.30864195, so $375.31.
    expect(formatUsd(usdCents(2_500_000_000n, 9, 15_012_345_678n, -8))).toBe("375.31");
    // 0.000001 USDC at $0.99995: $0.00000099995, so $0.00; 1,234.5 USDC: $1234.438275, so $1234.44.
    expect(formatUsd(usdCents(1n, 6, 99_995_000n, -8))).toBe("0.00");
    expect(formatUsd(usdCents(1_234_500_000n, 6, 99_995_000n, -8))).toBe("1234.44");
    // Exactly half a cent rounds up: 0.005 USD.
    expect(formatUsd(usdCents(5n, 3, 1n, 0))).toBe("0.01");
    // A positive exponent: 3 tokens at 2 × 10^2 USD.
    expect(formatUsd(usdCents(3n, 0, 2n, 2))).toBe("600.00");
  });
});
