/**
 * How much of a delegation is effective, activating or deactivating at an epoch, as the runtime
 * computes it (`Delegation::stake_activating_and_deactivating`): stake warms up and cools down by a
 * share of the cluster's effective stake per epoch, read from the StakeHistory sysvar. The runtime
 * does this in f64 and truncates; JavaScript numbers are the same doubles, and bigint → double
 * conversion rounds to nearest as Rust's `as f64` does, so the figures match the runtime's.
 * The warmup/cooldown rate is 9 % per epoch, the rate since the reduce-stake-warmup-cooldown feature,
 * active on mainnet, devnet and testnet; an epoch before that feature (25 %) is not told apart.
 */

export interface Delegation {
  stake: bigint;
  activationEpoch: bigint;
  deactivationEpoch: bigint;
}

export interface ClusterStake {
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}

export interface StakeActivation {
  effective: bigint;
  activating: bigint;
  deactivating: bigint;
}

export type StakeState = "activating" | "active" | "deactivating" | "inactive";

const U64_MAX = 0xffff_ffff_ffff_ffffn;
const WARMUP_COOLDOWN_RATE = 0.09;

/** The runtime's `(x as f64 * rate) as u64`, with at least 1 (its `.max(1)`). */
function share(weight: number, clusterEffective: bigint): bigint {
  const value = Math.trunc(weight * (Number(clusterEffective) * WARMUP_COOLDOWN_RATE));
  const amount = value > 0 ? BigInt(value) : 0n;
  return amount > 1n ? amount : 1n;
}

/** (effective, activating) before any deactivation, as `stake_and_activating` computes it. */
function effectiveAndActivating(
  delegation: Delegation,
  target: bigint,
  history: ReadonlyMap<bigint, ClusterStake>,
): [bigint, bigint] {
  const { stake, activationEpoch, deactivationEpoch } = delegation;
  if (activationEpoch === U64_MAX) return [stake, 0n]; // bootstrap stake: effective from genesis
  if (activationEpoch === deactivationEpoch) return [0n, 0n];
  if (target === activationEpoch) return [0n, stake];
  if (target < activationEpoch) return [0n, 0n];
  let previousEpoch = activationEpoch;
  let cluster = history.get(previousEpoch);
  // No history (a new chain, or dropped out of the sysvar's window): fully effective.
  if (!cluster) return [stake, 0n];
  let effective = 0n;
  for (;;) {
    const epoch = previousEpoch + 1n;
    if (cluster.activating === 0n) break;
    const weight = Number(stake - effective) / Number(cluster.activating);
    effective += share(weight, cluster.effective);
    if (effective >= stake) {
      effective = stake;
      break;
    }
    if (epoch >= target || epoch >= deactivationEpoch) break;
    const next = history.get(epoch);
    if (!next) break;
    previousEpoch = epoch;
    cluster = next;
  }
  return [effective, stake - effective];
}

export function stakeActivation(
  delegation: Delegation,
  target: bigint,
  history: ReadonlyMap<bigint, ClusterStake>,
): StakeActivation {
  const [effective, activating] = effectiveAndActivating(delegation, target, history);
  const { deactivationEpoch } = delegation;
  if (target < deactivationEpoch) return { effective, activating, deactivating: 0n };
  if (target === deactivationEpoch) return { effective, activating: 0n, deactivating: effective };
  let previousEpoch = deactivationEpoch;
  let cluster = history.get(previousEpoch);
  // No history at the deactivation epoch: fully deactivated.
  if (!cluster) return { effective: 0n, activating: 0n, deactivating: 0n };
  let remaining = effective;
  for (;;) {
    const epoch = previousEpoch + 1n;
    if (cluster.deactivating === 0n) break;
    const weight = Number(remaining) / Number(cluster.deactivating);
    const cooled = share(weight, cluster.effective);
    remaining = remaining > cooled ? remaining - cooled : 0n;
    if (remaining === 0n || epoch >= target) break;
    const next = history.get(epoch);
    if (!next) break;
    previousEpoch = epoch;
    cluster = next;
  }
  return { effective: remaining, activating: 0n, deactivating: remaining };
}

/** The state a wallet shows, as the RPC's getStakeActivation named it. */
export function stakeState(activation: StakeActivation): StakeState {
  if (activation.deactivating > 0n) return "deactivating";
  if (activation.activating > 0n) return "activating";
  if (activation.effective > 0n) return "active";
  return "inactive";
}
