/**
 * What is saved for an agent (per 2025 session, or per user under 2026-07-28), and the rules for
 * changing it: pure functions over plain JSON values, with their bounds. Storage lives in `store.ts`.
 */
import { base58Problem, isKnownAddress } from "../solana/base58";
import { ServiceError } from "../solana/errors";
import type { Network } from "../solana/networks";
import type { Commitment } from "../solana/types";

/** Bounds on what is saved; each is a clear error when hit, except results, where the oldest is evicted. */
export const LIMITS = {
  labels: 100,
  /** getMultipleAccounts reads 100 accounts per request: the whole watchlist's SOL in one request. */
  watchlist: 100,
  /** Token balances cost about three requests per owner. */
  tokenWatches: 20,
  results: 20,
  /** Characters of stored results at once, all of them together (a result alone is cut at 1,000,000). */
  resultChars: 4_000_000,
  resultTtlSeconds: 3600,
  /**
   * Open 2025 sessions per signed-in user: opening one more ends the oldest. With the bounds
   * above per session, this bounds what one user stores across all their sessions.
   */
  sessionsPerUser: 10,
} as const;

/**
 * Labels are 1 to 31 characters: a Solana address is 32 to 44, so no label can be mistaken for one.
 * They start with a letter, so a mistyped address rarely looks like a label.
 */
export const LABEL_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,30}$/;
export const LABEL_FORM = "a saved label (1 to 31 characters: a letter, then letters, digits, _ . or -)";

export interface SessionDefaults {
  network?: Network;
  commitment?: Commitment;
  maxAgeSeconds?: number;
}

export interface WatchEntry {
  address: string;
  /** Also track SPL Token and Token-2022 balances of this owner. */
  tokens: boolean;
}

/** The persisted state; call counts come along only when something else is written. */
export interface SavedState {
  defaults: SessionDefaults;
  /** label -> address, in the order they were saved. */
  labels: Record<string, string>;
  watchlist: WatchEntry[];
  callCounts: Record<string, number>;
  /** Whether the client subscribed to `solana://session`. */
  subscribed: boolean;
  updatedAt: number;
}

export function emptyState(): SavedState {
  return { defaults: {}, labels: {}, watchlist: [], callCounts: {}, subscribed: false, updatedAt: 0 };
}

const invalid = (message: string) => new ServiceError("INVALID_INPUT", message);

export function isLabel(value: string): boolean {
  return LABEL_PATTERN.test(value) && !isKnownAddress(value);
}

/** A readable list of the saved labels for error messages. */
export function savedLabels(state: SavedState): string {
  const names = Object.keys(state.labels);
  if (names.length === 0) return "no labels are saved yet (save one with label_address)";
  const shown = names.slice(0, 20).join(", ");
  return `saved labels: ${shown}${names.length > 20 ? `, and ${names.length - 20} more (list_labels)` : ""}`;
}

/** The address a value names: itself when it is an address, else the address saved under that label. */
export function resolveAddress(state: SavedState, value: string, addressForm: string): string {
  if (isKnownAddress(value)) return value;
  const saved = state.labels[value];
  if (saved) return saved;
  if (!LABEL_PATTERN.test(value)) throw invalid(invalidAddressMessage(value, addressForm));
  // It has the form of a label: the saved ones are what the caller most likely meant.
  const notBase58 = base58Problem(value);
  const why = `${notBase58 ? `${notBase58}; ` : ""}an address is ${addressForm}`;
  throw invalid(`"${value}" is neither an address nor a saved label: ${why}; ${savedLabels(state)}.`);
}

/**
 * Why a value that is no label is no address either (its first non-base58 character, else its
 * length), then what is expected: one sentence, with no parentheses inside parentheses.
 */
export function invalidAddressMessage(value: string, addressForm: string): string {
  const shown = `"${value.length > 50 ? `${value.slice(0, 50)}…` : value}"`;
  const problem = base58Problem(value) ?? `it has ${value.length} characters and decodes to no 32-byte address`;
  return `Invalid address ${shown}: ${problem}; expected ${addressForm}, or ${LABEL_FORM}.`;
}

/** Merges new defaults over the old ones; `reset` starts from none. Undefined leaves a default as it was. */
export function withDefaults(state: SavedState, change: SessionDefaults, reset: boolean): SavedState {
  const defaults: SessionDefaults = reset ? {} : { ...state.defaults };
  if (change.network !== undefined) defaults.network = change.network;
  if (change.commitment !== undefined) defaults.commitment = change.commitment;
  if (change.maxAgeSeconds !== undefined) defaults.maxAgeSeconds = change.maxAgeSeconds;
  return { ...state, defaults };
}

/** Saves or moves a label; the bound counts distinct labels, so relabelling is always allowed. */
export function withLabel(state: SavedState, label: string, address: string): SavedState {
  if (!isLabel(label)) throw invalid(`Invalid label "${label}": expected ${LABEL_FORM}.`);
  if (!(label in state.labels) && Object.keys(state.labels).length >= LIMITS.labels) {
    throw invalid(
      `This session already has ${LIMITS.labels} labels, the most it keeps. Remove one with label_address { label, remove: true }.`,
    );
  }
  return { ...state, labels: { ...state.labels, [label]: address } };
}

export function withoutLabel(state: SavedState, label: string): SavedState {
  if (!(label in state.labels)) throw invalid(`No label "${label}": ${savedLabels(state)}.`);
  const { [label]: _removed, ...labels } = state.labels;
  return { ...state, labels };
}

/** Adds addresses to the watchlist (or changes whether their tokens are tracked), within the bounds. */
export function withWatched(state: SavedState, addresses: readonly string[], tokens: boolean): SavedState {
  const watchlist = [...state.watchlist];
  for (const address of new Set(addresses)) {
    const existing = watchlist.findIndex((entry) => entry.address === address);
    if (existing >= 0) watchlist[existing] = { address, tokens };
    else watchlist.push({ address, tokens });
  }
  if (watchlist.length > LIMITS.watchlist) {
    throw invalid(
      `The watchlist holds at most ${LIMITS.watchlist} addresses; it has ${state.watchlist.length} and this adds ${watchlist.length - state.watchlist.length}. Unwatch some first.`,
    );
  }
  const tokenWatches = watchlist.filter((entry) => entry.tokens).length;
  if (tokenWatches > LIMITS.tokenWatches) {
    throw invalid(
      `Token balances can be tracked for at most ${LIMITS.tokenWatches} watched addresses (this would make ${tokenWatches}). Watch the rest with tokens: false.`,
    );
  }
  return { ...state, watchlist };
}

export function withoutWatched(
  state: SavedState,
  addresses: readonly string[],
): { state: SavedState; removed: string[] } {
  const gone = new Set(addresses);
  const removed = state.watchlist.filter((entry) => gone.has(entry.address)).map((entry) => entry.address);
  return { state: { ...state, watchlist: state.watchlist.filter((entry) => !gone.has(entry.address)) }, removed };
}

/** The label saved for an address, for display (the first one when several name it). */
export function labelOf(state: SavedState, address: string): string | null {
  return Object.entries(state.labels).find(([, saved]) => saved === address)?.[0] ?? null;
}

/** The balances one check_watchlist saw, kept so the next check can report the change. */
export interface WatchCheck {
  network: Network;
  commitment: Commitment;
  slot: number;
  checkedAt: number;
  /** address -> lamports */
  sol: Record<string, string>;
  /** owner -> mint -> raw amount and decimals, for owners whose tokens are tracked */
  tokens: Record<string, Record<string, { amount: string; decimals: number | null }>>;
}
