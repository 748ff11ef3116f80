/**
 * What a holder should know about a mint, read from the mint's own state: who can still mint or
 * freeze, and the Token-2022 extensions that let someone else move, tax, block or pause the
 * holder's tokens.
 */
import type { Json } from "../accounts/json";
import type { DecodedMint } from "../accounts/token";

export type TokenRisk =
  | { risk: "mint-authority"; authority: string }
  | { risk: "freeze-authority"; authority: string }
  | { risk: "permanent-delegate"; delegate: string }
  | { risk: "transfer-hook"; program: string }
  | { risk: "transfer-fee"; basisPoints: number; maximumFee: string }
  | { risk: "non-transferable" }
  | { risk: "default-frozen" }
  | { risk: "pausable"; paused: boolean };

/** Token-2022 writes an unset optional address as 32 zero bytes, which reads as this. */
const NO_ADDRESS = "11111111111111111111111111111111";

type Fields = { [key: string]: Json };

const isSet = (value: Json | undefined): value is string => typeof value === "string" && value !== NO_ADDRESS;

function extensionsByName(extensions: readonly Json[]): Map<string, Fields> {
  const found = new Map<string, Fields>();
  for (const item of extensions) {
    if (item && typeof item === "object" && !Array.isArray(item) && typeof item.extension === "string")
      found.set(item.extension, item);
  }
  return found;
}

export function mintRisks(mint: Pick<DecodedMint, "mintAuthority" | "freezeAuthority" | "extensions">): TokenRisk[] {
  const risks: TokenRisk[] = [];
  if (mint.mintAuthority) risks.push({ risk: "mint-authority", authority: mint.mintAuthority });
  if (mint.freezeAuthority) risks.push({ risk: "freeze-authority", authority: mint.freezeAuthority });
  const extensions = extensionsByName(mint.extensions);
  const delegate = extensions.get("PermanentDelegate")?.delegate;
  if (isSet(delegate)) risks.push({ risk: "permanent-delegate", delegate });
  const hook = extensions.get("TransferHook")?.programId;
  if (isSet(hook)) risks.push({ risk: "transfer-hook", program: hook });
  // The newer fee is the one in force from its epoch on: the one a holder pays now or soon.
  const fee = extensions.get("TransferFeeConfig")?.newerTransferFee as Fields | undefined;
  if (fee && Number(fee.transferFeeBasisPoints) > 0)
    risks.push({
      risk: "transfer-fee",
      basisPoints: Number(fee.transferFeeBasisPoints),
      maximumFee: String(fee.maximumFee),
    });
  if (extensions.has("NonTransferable")) risks.push({ risk: "non-transferable" });
  if (extensions.get("DefaultAccountState")?.state === "frozen") risks.push({ risk: "default-frozen" });
  const pausable = extensions.get("PausableConfig");
  if (pausable) risks.push({ risk: "pausable", paused: pausable.paused === true });
  return risks;
}

/** One risk in a few words, for text. */
export function riskText(risk: TokenRisk): string {
  switch (risk.risk) {
    case "mint-authority":
      return `mint authority ${risk.authority} can mint more`;
    case "freeze-authority":
      return `freeze authority ${risk.authority} can freeze holders`;
    case "permanent-delegate":
      return `permanent delegate ${risk.delegate} can move or burn any holder's tokens`;
    case "transfer-hook":
      return `transfers run program ${risk.program}`;
    case "transfer-fee":
      return `transfer fee ${risk.basisPoints / 100} % (at most ${risk.maximumFee} raw)`;
    case "non-transferable":
      return "cannot be transferred";
    case "default-frozen":
      return "new accounts start frozen";
    case "pausable":
      return risk.paused ? "paused: transfers blocked now" : "pausable by its authority";
  }
}
