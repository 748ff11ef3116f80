/**
 * The generators and checkers for fuzzing `/mcp` in one import, one module a job under fuzz/:
 * the seeded random source, the chain's valid values, hostile values, schema-derived arguments,
 * whole requests, the 2026-07-28 envelope and headers, and what a well-formed answer is.
 *
 * The bench imports this file with Node as it is (it takes its seeded random source from here),
 * so these modules name each other with their `.ts` extension.
 */
export * from "./fuzz/answers.ts";
export * from "./fuzz/hostile.ts";
export * from "./fuzz/pools.ts";
export * from "./fuzz/random.ts";
export * from "./fuzz/requests.ts";
export * from "./fuzz/schema-arguments.ts";
export * from "./fuzz/stateless.ts";
