/** The decoded form of an account's data, as tools return it. */
import type { Json } from "./json";

export interface DecodedAccount {
  /** What the data is: "mint", "token-account", "nonce", "lookup-table", "stake", "vote", "program", ... */
  kind: string;
  /** Fields of that kind, JSON-safe (u64 as decimal strings). */
  [field: string]: Json;
}
