/** Names of well-known Solana programs, so that results say "Token Program" instead of a bare address. */
import { defiProgramName } from "./defi/registry";

// The DeFi programs (Jupiter, Raydium, Orca, Meteora, Pump.fun, ...) are named in defi/registry.ts.

const PROGRAM_NAMES: Readonly<Record<string, string>> = {
  "11111111111111111111111111111111": "System Program",
  TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA: "Token Program",
  TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb: "Token-2022 Program",
  ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL: "Associated Token Account Program",
  MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr: "Memo Program",
  Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo: "Memo Program (v1)",
  ComputeBudget111111111111111111111111111111: "Compute Budget Program",
  AddressLookupTab1e1111111111111111111111111: "Address Lookup Table Program",
  Stake11111111111111111111111111111111111111: "Stake Program",
  Vote111111111111111111111111111111111111111: "Vote Program",
  Config1111111111111111111111111111111111111: "Config Program",
  BPFLoaderUpgradeab1e11111111111111111111111: "BPF Upgradeable Loader",
  BPFLoader2111111111111111111111111111111111: "BPF Loader 2",
  BPFLoader1111111111111111111111111111111111: "BPF Loader (deprecated)",
  LoaderV411111111111111111111111111111111111: "Loader v4",
  NativeLoader1111111111111111111111111111111: "Native Loader",
  Ed25519SigVerify111111111111111111111111111: "Ed25519 SigVerify Precompile",
  KeccakSecp256k11111111111111111111111111111: "Secp256k1 SigVerify Precompile",
  Secp256r1SigVerify1111111111111111111111111: "Secp256r1 SigVerify Precompile",
  ZkE1Gama1Proof11111111111111111111111111111: "ZK ElGamal Proof Program",
  SysvarC1ock11111111111111111111111111111111: "Clock Sysvar",
  SysvarRent111111111111111111111111111111111: "Rent Sysvar",
  Sysvar1nstructions1111111111111111111111111: "Instructions Sysvar",
  SysvarRecentB1ockHashes11111111111111111111: "Recent Blockhashes Sysvar",
  SysvarS1otHashes111111111111111111111111111: "Slot Hashes Sysvar",
  SysvarStakeHistory1111111111111111111111111: "Stake History Sysvar",
  SysvarEpochSchedu1e111111111111111111111111: "Epoch Schedule Sysvar",
  metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s: "Metaplex Token Metadata",
  SQDS4ep65T869zMMBKyuUq6aD6EgTu8psMjkvj52pCf: "Squads Multisig v4",
};

/** The program's well-known name, or undefined when it is not one we know. */
export function programName(address: string): string | undefined {
  return PROGRAM_NAMES[address] ?? defiProgramName(address);
}

/** "Token Program (Tokenkeg...)" style label for text output. */
export function programLabel(address: string): string {
  const name = programName(address);
  return name ? `${name} (${address})` : address;
}
