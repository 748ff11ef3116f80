/**
 * The DeFi programs that carry Solana's swap volume: their display names, the bundled IDL each is
 * read with (public/idl/, see its SOURCE.md), and whether a program routes (aggregator) or trades
 * (venue). A program without a permissively licensed IDL has a name and no IDL.
 */

export type DefiRole = "aggregator" | "venue";

export interface DefiProgram {
  name: string;
  role: DefiRole;
  /** File name under the static assets' /idl/ folder. */
  idl?: string;
}

const DEFI_PROGRAMS: Readonly<Record<string, DefiProgram>> = {
  JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4: { name: "Jupiter v6", role: "aggregator", idl: "jupiter-v6.json" },
  "6m2CDdhRgxpH4WjvdzxAYbGxwdGUz5MziiL5jek2kBma": {
    name: "OKX DEX router",
    role: "aggregator",
    idl: "okx-dex-router.json",
  },
  routeUGWgWzqBWFcrCfv8tritsqukccJPu3q5GPP3xS: { name: "Raydium Router", role: "aggregator" },
  "675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8": { name: "Raydium AMM v4", role: "venue", idl: "raydium-amm-v4.json" },
  CPMMoo8L3F4NbTegBCKVNunggL7H1ZpdTHKxQB5qKP1C: { name: "Raydium CPMM", role: "venue", idl: "raydium-cpmm.json" },
  CAMMCzo5YL8w4VFF8KVHrK22GGUsp5VTaW7grrKgrWqK: { name: "Raydium CLMM", role: "venue", idl: "raydium-clmm.json" },
  whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc: { name: "Orca Whirlpool", role: "venue", idl: "orca-whirlpool.json" },
  LBUZKhRxPF3XUpBCjp4YzTKgLccjZhTSDM9YuVaPwxo: { name: "Meteora DLMM", role: "venue", idl: "meteora-dlmm.json" },
  Eo7WjKq67rjJQSZxS6z3YkapzY3eMj6Xy8X5EQVn5UaB: { name: "Meteora DAMM v1", role: "venue", idl: "meteora-damm-v1.json" },
  cpamdpZCGKUy5JxQXB4dcpGPiikHawvSWAd6mEn1sGG: { name: "Meteora DAMM v2", role: "venue" },
  "6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P": { name: "Pump.fun", role: "venue", idl: "pump-fun.json" },
  pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA: { name: "PumpSwap", role: "venue", idl: "pump-swap.json" },
  PhoeNiXZ8ByJGLkxNfZRnkUfjvmuYqLR89jjFHGqdXY: { name: "Phoenix", role: "venue" },
  opnb2LAfJYbRMAHHvqjCwQxanZn7ReEHp1k81EohpZb: { name: "OpenBook v2", role: "venue", idl: "openbook-v2.json" },
  // Venues Jupiter routes through often, named so that a route reads in full.
  SoLFiHG9TfgtdUXUjWAxi3LtvYuFyDLVhBWxdMZxyCe: { name: "SolFi", role: "venue" },
  obriQD1zbpyLz95G5n7nJe6a4DPjpFwa5XYPoNm113y: { name: "Obric v2", role: "venue" },
  ZERor4xhbUycZ6gb9ntrhqscUcZmAbQDjEAtCf4hbZY: { name: "ZeroFi", role: "venue" },
};

/** The DeFi program at this address, or undefined when it is not one we know. */
export function defiProgram(programAddress: string): DefiProgram | undefined {
  return Object.hasOwn(DEFI_PROGRAMS, programAddress) ? DEFI_PROGRAMS[programAddress] : undefined;
}

/** "Jupiter v6", "Orca Whirlpool", ...; undefined for a program that is not a known DeFi program. */
export function defiProgramName(programAddress: string): string | undefined {
  return defiProgram(programAddress)?.name;
}
