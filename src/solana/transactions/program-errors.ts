/**
 * The built-in programs' error names by code, as their Codama clients number them (a test checks
 * each name against the client's own `…_ERROR__…` constant). The clients carry the names only as
 * constant identifiers, and their messages only in development builds, so the names are written here.
 */

const SYSTEM = [
  "AccountAlreadyInUse",
  "ResultWithNegativeLamports",
  "InvalidProgramId",
  "InvalidAccountDataLength",
  "MaxSeedLengthExceeded",
  "AddressWithSeedMismatch",
  "NonceNoRecentBlockhashes",
  "NonceBlockhashNotExpired",
  "NonceUnexpectedBlockhashValue",
];

/** SPL Token's; Token-2022 numbers these the same and adds its own after them. */
const TOKEN = [
  "NotRentExempt",
  "InsufficientFunds",
  "InvalidMint",
  "MintMismatch",
  "OwnerMismatch",
  "FixedSupply",
  "AlreadyInUse",
  "InvalidNumberOfProvidedSigners",
  "InvalidNumberOfRequiredSigners",
  "UninitializedState",
  "NativeNotSupported",
  "NonNativeHasBalance",
  "InvalidInstruction",
  "InvalidState",
  "Overflow",
  "AuthorityTypeNotSupported",
  "MintCannotFreeze",
  "AccountFrozen",
  "MintDecimalsMismatch",
  "NonNativeNotSupported",
];

const ASSOCIATED_TOKEN = ["InvalidOwner"];

const STAKE = [
  "NoCreditsToRedeem",
  "LockupInForce",
  "AlreadyDeactivated",
  "TooSoonToRedelegate",
  "InsufficientStake",
  "MergeTransientStake",
  "MergeMismatch",
  "CustodianMissing",
  "CustodianSignatureMissing",
  "InsufficientReferenceVotes",
  "VoteAddressMismatch",
  "MinimumDelinquentEpochsForDeactivationNotMet",
  "InsufficientDelegation",
  "RedelegateTransientOrInactiveStake",
  "RedelegateToSameVoteAccount",
  "RedelegatedStakeMustFullyActivateBeforeDeactivationIsPermitted",
  "EpochRewardsActive",
];

export const PROGRAM_ERRORS: Readonly<Record<string, readonly string[]>> = {
  "11111111111111111111111111111111": SYSTEM,
  TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA: TOKEN,
  TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb: TOKEN,
  ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL: ASSOCIATED_TOKEN,
  Stake11111111111111111111111111111111111111: STAKE,
};

/** A built-in program's name for its custom error code, or undefined. */
export function builtinErrorName(programAddress: string, code: number): string | undefined {
  return PROGRAM_ERRORS[programAddress]?.[code];
}
