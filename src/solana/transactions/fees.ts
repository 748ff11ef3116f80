/**
 * A transaction's fee in parts, by the runtime's rule: 5,000 lamports per signature (the
 * transaction's own and those its precompile instructions verify), plus the priority fee,
 * ceil(compute-unit price × limit / 10^6), where the limit is what SetComputeUnitLimit asked for,
 * clamped to 1,400,000, or else the runtime's default. Only top-level Compute Budget instructions
 * count. The parts are checked against the fee the node reports: when they do not add up (older
 * fee rules, another signature price) they are unknown, not guessed.
 */
import type { Action, FeeParts, PlacedInstruction } from "./types";

export const LAMPORTS_PER_SIGNATURE = 5_000n;
export const MAX_COMPUTE_UNIT_LIMIT = 1_400_000n;
/** Agave's default per instruction that is not a builtin (SIMD-0170)… */
export const DEFAULT_INSTRUCTION_COMPUTE_UNIT_LIMIT = 200_000n;
/** …and what it reserves for a builtin's. */
export const MAX_BUILTIN_ALLOCATION_COMPUTE_UNIT_LIMIT = 3_000n;
const MICRO_LAMPORTS_PER_LAMPORT = 1_000_000n;

const COMPUTE_BUDGET = "ComputeBudget111111111111111111111111111111";

/** Programs the runtime still runs natively; Stake, Config and Address Lookup Table now run as on-chain programs. */
const BUILTINS = new Set([
  "11111111111111111111111111111111",
  "Vote111111111111111111111111111111111111111",
  COMPUTE_BUDGET,
  "BPFLoaderUpgradeab1e11111111111111111111111",
  "BPFLoader2111111111111111111111111111111111",
  "BPFLoader1111111111111111111111111111111111",
  "LoaderV411111111111111111111111111111111111",
  "Ed25519SigVerify111111111111111111111111111",
  "KeccakSecp256k11111111111111111111111111111",
  "Secp256r1SigVerify1111111111111111111111111",
  "ZkE1Gama1Proof11111111111111111111111111111",
]);

/** Precompiles whose first data byte counts the signatures they verify, each paid like a transaction signature. */
const PRECOMPILES = new Set([
  "Ed25519SigVerify111111111111111111111111111",
  "KeccakSecp256k11111111111111111111111111111",
  "Secp256r1SigVerify1111111111111111111111111",
]);

/**
 * The default limit when no SetComputeUnitLimit is given: per top-level instruction, Compute
 * Budget ones included (they are builtins too), as Agave 2.x and 3.x count it.
 */
export function defaultComputeUnitLimit(topLevel: readonly PlacedInstruction[]): bigint {
  let limit = 0n;
  for (const ix of topLevel) {
    limit += BUILTINS.has(ix.programAddress)
      ? MAX_BUILTIN_ALLOCATION_COMPUTE_UNIT_LIMIT
      : DEFAULT_INSTRUCTION_COMPUTE_UNIT_LIMIT;
  }
  return limit < MAX_COMPUTE_UNIT_LIMIT ? limit : MAX_COMPUTE_UNIT_LIMIT;
}

export function feeParts(
  fee: bigint,
  signatureCount: number,
  instructions: readonly PlacedInstruction[],
  actions: ReadonlyMap<string, Action>,
): FeeParts {
  const topLevel = instructions.filter((ix) => ix.depth === 1);
  let limit: bigint | undefined;
  let price = 0n;
  let signatures = BigInt(signatureCount);
  for (const ix of topLevel) {
    if (PRECOMPILES.has(ix.programAddress)) signatures += BigInt(ix.data[0] ?? 0);
    const action = ix.programAddress === COMPUTE_BUDGET ? actions.get(ix.position) : undefined;
    if (action?.type === "setComputeUnitLimit") limit = BigInt(String(action.info.units));
    if (action?.type === "setComputeUnitPrice") price = BigInt(String(action.info.microLamports));
  }
  const units = limit === undefined ? defaultComputeUnitLimit(topLevel) : limit;
  const clamped = units < MAX_COMPUTE_UNIT_LIMIT ? units : MAX_COMPUTE_UNIT_LIMIT;
  const base = signatures * LAMPORTS_PER_SIGNATURE;
  const product = price * clamped;
  const priority = (product + MICRO_LAMPORTS_PER_LAMPORT - 1n) / MICRO_LAMPORTS_PER_LAMPORT;
  const adds = base + priority === fee;
  return {
    total: fee.toString(),
    base: adds ? base.toString() : null,
    priority: adds ? priority.toString() : null,
    computeUnitLimit: clamped.toString(),
    computeUnitPrice: price.toString(),
  };
}
