/**
 * Pyth's PriceUpdateV2 account (the push-feed price the Pyth receiver program writes), declared
 * with kit codecs in the receiver's own order: Anchor's 8-byte discriminator, the write authority,
 * the verification level (a Borsh enum: Partial carries the number of signatures, Full nothing),
 * the price message (feed id, price, confidence, exponent, publish time, previous publish time,
 * EMA price and confidence) and the slot it was posted at.
 */
import {
  type Address,
  fixCodecSize,
  getAddressCodec,
  getBase16Decoder,
  getBytesCodec,
  getDiscriminatedUnionCodec,
  getI32Codec,
  getI64Codec,
  getStructCodec,
  getU8Codec,
  getU64Codec,
  getUnitCodec,
  type ReadonlyUint8Array,
} from "@solana/kit";

/** The Pyth receiver, which owns every PriceUpdateV2 account. */
export const PYTH_RECEIVER_PROGRAM = "rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ" as Address;

/** sha256("account:PriceUpdateV2")[0..8], Anchor's account discriminator. */
export const PRICE_UPDATE_DISCRIMINATOR = Uint8Array.of(34, 241, 35, 99, 157, 126, 244, 205);

let codec: ReturnType<typeof buildCodec> | undefined;

function buildCodec() {
  return getStructCodec([
    ["discriminator", fixCodecSize(getBytesCodec(), 8)],
    ["writeAuthority", getAddressCodec()],
    [
      "verificationLevel",
      getDiscriminatedUnionCodec([
        ["Partial", getStructCodec([["numSignatures", getU8Codec()]])],
        ["Full", getUnitCodec()],
      ]),
    ],
    ["feedId", fixCodecSize(getBytesCodec(), 32)],
    ["price", getI64Codec()],
    ["conf", getU64Codec()],
    ["exponent", getI32Codec()],
    ["publishTime", getI64Codec()],
    ["prevPublishTime", getI64Codec()],
    ["emaPrice", getI64Codec()],
    ["emaConf", getU64Codec()],
    ["postedSlot", getU64Codec()],
  ]);
}

/** The account's codec: the receiver's layout, for decoding and (in tests) writing one. */
export function priceUpdateCodec() {
  codec ??= buildCodec();
  return codec;
}

/** A decoded price update, JSON-safe (integers as decimal strings, the feed id in hex). */
export interface PriceUpdate {
  writeAuthority: string;
  /** "full", or "partial" with the number of guardian signatures checked. */
  verification: "full" | "partial";
  numSignatures: number | null;
  feedId: string;
  price: string;
  conf: string;
  exponent: number;
  publishTime: string;
  prevPublishTime: string;
  emaPrice: string;
  emaConf: string;
  postedSlot: string;
}

const hex = getBase16Decoder();

const sameBytes = (a: ReadonlyUint8Array, b: ReadonlyUint8Array) =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);

/** The update in `data`, or undefined when the bytes are not a PriceUpdateV2. */
export function decodePriceUpdate(data: ReadonlyUint8Array): PriceUpdate | undefined {
  if (data.length < 8 || !sameBytes(data.slice(0, 8), PRICE_UPDATE_DISCRIMINATOR)) return undefined;
  try {
    const update = priceUpdateCodec().decode(data);
    const level = update.verificationLevel;
    return {
      writeAuthority: update.writeAuthority,
      verification: level.__kind === "Full" ? "full" : "partial",
      numSignatures: level.__kind === "Partial" ? level.numSignatures : null,
      feedId: hex.decode(update.feedId),
      price: update.price.toString(),
      conf: update.conf.toString(),
      exponent: update.exponent,
      publishTime: update.publishTime.toString(),
      prevPublishTime: update.prevPublishTime.toString(),
      emaPrice: update.emaPrice.toString(),
      emaConf: update.emaConf.toString(),
      postedSlot: update.postedSlot.toString(),
    };
  } catch {
    return undefined;
  }
}
