/**
 * IDL types as kit decoders that yield JSON: u64 and wider as decimal strings, bytes as hex,
 * public keys as base58, enums as their variant's name (or { name: fields }). Both IDL readers
 * build on these, so one instruction decodes the same whichever standard described it.
 */
import {
  addDecoderSizePrefix,
  createDecoder,
  type Decoder,
  fixDecoderSize,
  getAddressDecoder,
  getArrayDecoder,
  getBase16Decoder,
  getBooleanDecoder,
  getBytesDecoder,
  getF32Decoder,
  getF64Decoder,
  getI8Decoder,
  getI16Decoder,
  getI32Decoder,
  getI64Decoder,
  getI128Decoder,
  getNullableDecoder,
  getShortU16Decoder,
  getStructDecoder,
  getTupleDecoder,
  getU8Decoder,
  getU16Decoder,
  getU32Decoder,
  getU64Decoder,
  getU128Decoder,
  getUtf8Decoder,
  isFixedSize,
  transformDecoder,
} from "@solana/kit";
import type { Json } from "../types";
import type { ArgumentsReader } from "./table";

export type JsonDecoder = Decoder<Json>;
type IntegerDecoder = Decoder<number> | Decoder<bigint>;

const wide = (decoder: Decoder<bigint>): JsonDecoder => transformDecoder(decoder, (value) => value.toString());

const NUMBERS: Readonly<Record<string, () => JsonDecoder>> = {
  u8: getU8Decoder,
  u16: getU16Decoder,
  u32: getU32Decoder,
  u64: () => wide(getU64Decoder()),
  u128: () => wide(getU128Decoder()),
  i8: getI8Decoder,
  i16: getI16Decoder,
  i32: getI32Decoder,
  i64: () => wide(getI64Decoder()),
  i128: () => wide(getI128Decoder()),
  f32: getF32Decoder,
  f64: getF64Decoder,
  shortU16: getShortU16Decoder,
};

/** A number format ("u8", "u64", ...); undefined for one we do not know. */
export function numberDecoder(format: string): JsonDecoder | undefined {
  return Object.hasOwn(NUMBERS, format) ? NUMBERS[format]?.() : undefined;
}

/** A number format that prefixes a length, a count or an option. */
export function integerDecoder(format: string): IntegerDecoder {
  if (format === "u8") return getU8Decoder();
  if (format === "u16") return getU16Decoder();
  if (format === "u32") return getU32Decoder();
  if (format === "u64") return getU64Decoder();
  throw new Error(`IDL: ${format} cannot prefix a length`);
}

export const publicKeyDecoder = (): JsonDecoder => getAddressDecoder();
export const booleanDecoder = (size: IntegerDecoder = getU8Decoder()): JsonDecoder => getBooleanDecoder({ size });
/** The remaining bytes, as hex. */
export const bytesDecoder = (): JsonDecoder =>
  transformDecoder(getBytesDecoder(), (bytes) => getBase16Decoder().decode(bytes));
export const utf8Decoder = (): JsonDecoder => getUtf8Decoder();

export const prefixed = (inner: JsonDecoder, size: IntegerDecoder): JsonDecoder => addDecoderSizePrefix(inner, size);
export const fixedSize = (inner: JsonDecoder, size: number): JsonDecoder => fixDecoderSize(inner, size);

/** A list whose length is a prefix, a fixed count, or whatever bytes remain. */
export function arrayDecoder(item: JsonDecoder, size: IntegerDecoder | number | "remainder"): JsonDecoder {
  return getArrayDecoder(item, { size });
}

export function optionDecoder(item: JsonDecoder, prefix: IntegerDecoder = getU8Decoder()): JsonDecoder {
  return getNullableDecoder(item, { prefix });
}

export function structDecoder(fields: readonly (readonly [string, JsonDecoder])[]): Decoder<Record<string, Json>> {
  return getStructDecoder(fields.map(([name, decoder]) => [name, decoder] as [string, JsonDecoder]));
}

export function tupleDecoder(items: readonly JsonDecoder[]): JsonDecoder {
  return getTupleDecoder([...items]) as JsonDecoder;
}

export interface EnumVariant {
  name: string;
  fields?: JsonDecoder;
}

/** Borsh enums: the variant's index, then its fields if it has any. */
export function enumDecoder(variants: readonly EnumVariant[], tag: IntegerDecoder = getU8Decoder()): JsonDecoder {
  return createDecoder<Json>({
    read(bytes, offset) {
      const [index, next] = tag.read(bytes, offset);
      const variant = variants[Number(index)];
      if (!variant) throw new Error(`IDL: enum variant ${index} is not in the IDL`);
      if (!variant.fields) return [variant.name, next];
      const [value, end] = variant.fields.read(bytes, next);
      return [{ [variant.name]: value }, end];
    },
  });
}

type Field = readonly [string, JsonDecoder];

/**
 * Reads an instruction's arguments from `offset`. When the whole struct cannot be read (a route
 * plan naming an AMM newer than the IDL, say), the fixed-size fields before the first variable one
 * and after the last are still read, from the start and from the end of the data: Jupiter's
 * amounts and slippage survive a route step it does not know.
 */
export function argumentsReader(fields: readonly Field[], offset: number): ArgumentsReader {
  const whole = structDecoder(fields);
  return (data) => {
    try {
      return whole.read(data, offset)[0];
    } catch (error) {
      const edges = edgeFields(fields, data, offset);
      if (!edges) throw error;
      return edges;
    }
  };
}

function edgeFields(fields: readonly Field[], data: Uint8Array, offset: number): Record<string, Json> | undefined {
  const read: Record<string, Json> = {};
  let first = 0;
  let at = offset;
  for (; first < fields.length; first++) {
    const [name, decoder] = fields[first] as Field;
    if (!isFixedSize(decoder)) break;
    [read[name], at] = decoder.read(data, at);
  }
  let end = data.length;
  const tail: [string, Json][] = [];
  for (let last = fields.length - 1; last > first; last--) {
    const [name, decoder] = fields[last] as Field;
    if (!isFixedSize(decoder)) break;
    end -= decoder.fixedSize;
    tail.unshift([name, decoder.read(data, end)[0]]);
  }
  if (first === fields.length || end < at || Object.keys(read).length + tail.length === 0) return undefined;
  return { ...read, ...Object.fromEntries(tail) };
}
