/**
 * Stake activation as the runtime computes it, against hand computations of its warmup and
 * cooldown (9 % of the cluster's effective stake per epoch, shared by weight).
 */
import { describe, expect, it } from "vitest";
import { type ClusterStake, stakeActivation, stakeState } from "./activation";

const MAX = 0xffff_ffff_ffff_ffffn;
const SOL = 1_000_000_000n;

describe("stake activation", () => {
  const none = new Map<bigint, ClusterStake>();

  it("a delegation in the current epoch is activating in full", () => {
    const activation = stakeActivation({ stake: 5n * SOL, activationEpoch: 10n, deactivationEpoch: MAX }, 10n, none);
    expect(activation).toEqual({ effective: 0n, activating: 5n * SOL, deactivating: 0n });
    expect(stakeState(activation)).toBe("activating");
  });

  it("with no history for its epoch (a new chain), an older delegation is fully active", () => {
    const activation = stakeActivation({ stake: 5n * SOL, activationEpoch: 10n, deactivationEpoch: MAX }, 12n, none);
    expect(stakeState(activation)).toBe("active");
    expect(activation.effective).toBe(5n * SOL);
  });

  it("warms up by its share of 9 % of the cluster's effective stake", () => {
    // Epoch 10: 1,000 SOL effective, 200 SOL activating (ours: 100). Ours gets 100/200 of
    // 9 % of 1,000 = 45 SOL in epoch 11, the target: 45 effective, 55 still activating.
    const history = new Map<bigint, ClusterStake>([
      [10n, { effective: 1_000n * SOL, activating: 200n * SOL, deactivating: 0n }],
      [11n, { effective: 1_090n * SOL, activating: 0n, deactivating: 0n }],
    ]);
    const activation = stakeActivation(
      { stake: 100n * SOL, activationEpoch: 10n, deactivationEpoch: MAX },
      11n,
      history,
    );
    expect(activation).toEqual({ effective: 45n * SOL, activating: 55n * SOL, deactivating: 0n });
    expect(stakeState(activation)).toBe("activating");
  });

  it("deactivating in its deactivation epoch, by what was effective", () => {
    const activation = stakeActivation({ stake: 7n * SOL, activationEpoch: 3n, deactivationEpoch: 9n }, 9n, none);
    expect(activation).toEqual({ effective: 7n * SOL, activating: 0n, deactivating: 7n * SOL });
    expect(stakeState(activation)).toBe("deactivating");
  });

  it("cools down by its share, and is inactive once out of history", () => {
    // Epoch 9: 1,000 SOL effective, 50 SOL deactivating (ours: 20): 20/50 of 90 = 36 > 20, so all
    // of it cools in epoch 10.
    const history = new Map<bigint, ClusterStake>([
      [9n, { effective: 1_000n * SOL, activating: 0n, deactivating: 50n * SOL }],
    ]);
    const cooled = stakeActivation({ stake: 20n * SOL, activationEpoch: 3n, deactivationEpoch: 9n }, 10n, history);
    expect(stakeState(cooled)).toBe("inactive");
    const gone = stakeActivation({ stake: 20n * SOL, activationEpoch: 3n, deactivationEpoch: 9n }, 11n, none);
    expect(gone).toEqual({ effective: 0n, activating: 0n, deactivating: 0n });
  });

  it("delegated and deactivated in one epoch: never effective, inactive", () => {
    const activation = stakeActivation({ stake: 2n * SOL, activationEpoch: 4n, deactivationEpoch: 4n }, 4n, none);
    expect(stakeState(activation)).toBe("inactive");
  });

  it("bootstrap stake (activation epoch u64::MAX) is effective from genesis", () => {
    const activation = stakeActivation({ stake: 3n * SOL, activationEpoch: MAX, deactivationEpoch: MAX }, 0n, none);
    expect(stakeState(activation)).toBe("active");
  });
});
