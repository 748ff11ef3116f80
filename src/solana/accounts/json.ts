/** Turns decoder output into JSON-safe values: what tool results and the shared cache can carry. */
import { getBase64Decoder, isOption } from "@solana/kit";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const base64 = getBase64Decoder();

/**
 * bigint becomes a decimal string (u64 does not fit a JSON number), `Option` its value or null,
 * bytes base64, a Map an object, and codama's `__kind` tag plain `kind`.
 */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value instanceof Uint8Array) return base64.decode(value);
  if (isOption(value)) return value.__option === "Some" ? toJson(value.value) : null;
  if (value instanceof Map) {
    return Object.fromEntries([...value.entries()].map(([key, item]) => [String(key), toJson(item)]));
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) out[key === "__kind" ? "kind" : key] = toJson(item);
    return out;
  }
  return String(value);
}
