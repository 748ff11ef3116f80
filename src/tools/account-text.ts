/**
 * One-line summaries of decoded accounts, for the text the model reads first. Strings anyone can
 * write on chain (a Token-2022 mint's metadata, a validator's published info) are quoted, escaped
 * and marked as on-chain (`chainText`), so they read as data and never as the server's words.
 */
import type { DecodedAccount } from "../solana/accounts";
import type { Json } from "../solana/accounts/json";
import { chainJson, chainText } from "./text";

function field(decoded: DecodedAccount, name: string): string {
  const value = decoded[name];
  return value === null || value === undefined
    ? "none"
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
}

function extensionNames(decoded: DecodedAccount): string {
  const extensions = (decoded.extensions ?? []) as Json[];
  const names = extensions.map((item) =>
    item && typeof item === "object" && !Array.isArray(item) ? String(item.extension) : "?",
  );
  return names.length ? `; extensions: ${names.join(", ")}${tokenMetadata(extensions)}` : "";
}

/** A Token-2022 mint's own metadata (name, symbol, URI), as the on-chain data it is. */
function tokenMetadata(extensions: Json[]): string {
  const metadata = extensions.find(
    (item): item is { [key: string]: Json } =>
      typeof item === "object" && item !== null && !Array.isArray(item) && item.extension === "TokenMetadata",
  );
  if (!metadata) return "";
  const text = (name: string) => chainText(typeof metadata[name] === "string" ? (metadata[name] as string) : "");
  return `; metadata (on-chain data, as the mint's authority wrote it): name ${text("name")}, symbol ${text("symbol")}, uri ${text("uri")}`;
}

export function describeDecoded(decoded: DecodedAccount): string {
  const f = (name: string) => field(decoded, name);
  switch (decoded.kind) {
    case "mint":
      return `Token mint (${f("program")}): supply ${f("uiSupply")} (raw ${f("supply")}), ${f("decimals")} decimals, mint authority ${f("mintAuthority")}, freeze authority ${f("freezeAuthority")}${extensionNames(decoded)}.`;
    case "token-account":
      return `Token account (${f("program")}) of mint ${f("mint")}, owner ${f("owner")}: ${decoded.uiAmount !== undefined ? `${f("uiAmount")} (raw ${f("amount")}${decoded.uiAmountRule && decoded.uiAmountRule !== "decimals" ? `, ${f("uiAmountRule")} UI amount` : ""})` : `raw ${f("amount")}`}, ${f("state")}${decoded.delegate ? `, delegate ${f("delegate")} may move raw ${f("delegatedAmount")}` : ""}${extensionNames(decoded)}.`;
    case "nonce":
      return `Durable nonce account (${f("state")}): authority ${f("authority")}, nonce ${f("nonce")}.`;
    case "lookup-table":
      return `Address lookup table with ${f("addressCount")} addresses, authority ${f("authority")}${decoded.deactivationSlot ? `, deactivated at slot ${f("deactivationSlot")}` : ""}.`;
    case "stake":
      return `Stake account (${f("state")}): staker ${f("staker")}, withdrawer ${f("withdrawer")}, delegation ${f("delegation")}.`;
    case "vote":
      return `Vote account (${f("version")}): node ${f("nodePubkey")}, withdrawer ${f("authorizedWithdrawer")}, commission ${f("commission")}%, last voted slot ${f("lastVotedSlot")}, root ${f("rootSlot")}, credits ${f("credits")}.`;
    case "multisig":
      return `Token multisig (${f("program")}): ${f("m")} of ${f("n")} signers required: ${(decoded.signers as string[]).join(", ")}.`;
    case "sysvar":
      return `Sysvar ${f("sysvar")}.`;
    case "stake-config":
      return `Stake config: warmup/cooldown rate ${f("warmupCooldownRate")}, slash penalty ${f("slashPenalty")}.`;
    case "validator-info":
      return `Validator info (on-chain data, as the validator published it): ${chainJson(decoded.info ?? null)}.`;
    case "program":
      return `Upgradeable program: program data ${f("programData")}, ${decoded.upgradeAuthority ? `upgrade authority ${f("upgradeAuthority")}` : "immutable (no upgrade authority)"}, last deployed at slot ${f("lastDeploySlot")}.`;
    case "program-data":
      return `Program data: upgrade authority ${f("upgradeAuthority")}, last deployed at slot ${f("lastDeploySlot")}, ${f("programSize")} bytes of program.`;
    default:
      return `Decoded as ${decoded.kind}.`;
  }
}
