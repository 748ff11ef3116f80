/** simulate_transaction: run a signed or unsigned wire transaction against current state, never submitting it. */
import {
  type Base64EncodedWireTransaction,
  getBase64Encoder,
  getCompiledTransactionMessageDecoder,
  getTransactionDecoder,
} from "@solana/kit";
import * as z from "zod";
import { toJson } from "../solana/accounts/json";
import { ServiceError } from "../solana/errors";
import { lamportsToSol } from "../solana/format";
import { resolveRead } from "./read";
import { commitment, logLimit, network, readContext } from "./schemas";
import { chainJson, chainText } from "./text";
import { defineTool, READ_ONLY_REMOTE } from "./tool";

/** The largest packet a Solana transaction may occupy. */
const MAX_TRANSACTION_BYTES = 1232;
const DEFAULT_LOG_LINES = 50;
/** A log line is shown up to this many characters in text (base64 `Program data:` lines run long); `logs` keeps it whole. */
const LOG_LINE_MAX = 1000;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface Parsed {
  version: string;
  feePayer: string;
  signatures: number;
  /** null for message versions whose instructions this summary does not count. */
  instructions: number | null;
  size: number;
}

function invalid(message: string): ServiceError {
  return new ServiceError("INVALID_INPUT", message);
}

/** Checks the input is a wire transaction before spending a request on it. */
function parseWireTransaction(transaction: string): Parsed {
  if (!BASE64.test(transaction)) {
    throw invalid(
      "transaction is not valid base64: expected a serialized wire transaction encoded as standard base64 (A-Z, a-z, 0-9, +, /, = padding).",
    );
  }
  const bytes = getBase64Encoder().encode(transaction);
  if (bytes.length > MAX_TRANSACTION_BYTES) {
    throw invalid(
      `transaction is ${bytes.length} bytes; a Solana transaction is at most ${MAX_TRANSACTION_BYTES} bytes.`,
    );
  }
  try {
    const decoded = getTransactionDecoder().decode(bytes);
    const message = getCompiledTransactionMessageDecoder().decode(decoded.messageBytes);
    return {
      version: String(message.version),
      feePayer: message.staticAccounts[0] ?? "",
      signatures: Object.keys(decoded.signatures).length,
      instructions: "instructions" in message ? message.instructions.length : null,
      size: bytes.length,
    };
  } catch {
    throw invalid(
      "transaction is base64 but not a Solana wire transaction (signatures, then a legacy or version 0 message).",
    );
  }
}

export const simulateTransaction = defineTool({
  name: "simulate_transaction",
  title: "Simulate a transaction",
  description:
    "Simulate a transaction (base64 wire bytes, at most 1232) without sending it: status, error, unitsConsumed, fee, feePayer, sizeBytes, logs (of logCount). By default unsigned or stale ones work (no sigVerify; replacementBlockhash replaces its blockhash).",
  schemas: () => ({
    inputSchema: {
      transaction: z.string().trim().min(1).describe("Base64 of the wire bytes, as wallets produce."),
      sigVerify: z.boolean().optional().describe("Default false; not with replaceRecentBlockhash."),
      replaceRecentBlockhash: z.boolean().optional().describe("Default true (false with sigVerify)."),
      logLimit: logLimit(DEFAULT_LOG_LINES),
      network: network(),
      commitment: commitment(),
    },
    outputSchema: {
      status: z.enum(["success", "failed"]),
      error: z.unknown().describe("null on success."),
      unitsConsumed: z.string().nullable().describe("Compute units."),
      fee: z.string().nullable().describe("Lamports, when the node says."),
      feePayer: z.string(),
      version: z.string().describe("legacy or 0."),
      sizeBytes: z.number().int(),
      returnData: z.object({ programId: z.string(), base64: z.string() }).nullable().describe("programId and base64."),
      replacementBlockhash: z.string().nullable(),
      logs: z.array(z.string()).describe("First logLimit lines."),
      logCount: z.number().int(),
      ...readContext(),
    },
  }),
  annotations: { title: "Simulate a transaction", ...READ_ONLY_REMOTE },
  async handler(args, ctx) {
    const read = resolveRead(args, ctx);
    const sigVerify = args.sigVerify ?? false;
    const replaceRecentBlockhash = args.replaceRecentBlockhash ?? !sigVerify;
    if (sigVerify && replaceRecentBlockhash) {
      throw invalid(
        "sigVerify and replaceRecentBlockhash cannot both be true: a replaced blockhash would invalidate the signatures. Set one to false.",
      );
    }
    const parsed = parseWireTransaction(args.transaction);
    const wire = args.transaction as Base64EncodedWireTransaction;
    const rpc = ctx.solana.rpc(read.network);
    const config = { commitment: read.commitment, encoding: "base64" } as const;
    const { context, value } = await (replaceRecentBlockhash
      ? rpc.simulateTransaction(wire, { ...config, replaceRecentBlockhash: true, sigVerify: false })
      : rpc.simulateTransaction(wire, { ...config, replaceRecentBlockhash: false, sigVerify })
    ).send({ abortSignal: ctx.signal });
    const allLogs = value.logs ?? [];
    const logs = allLogs.slice(0, args.logLimit ?? DEFAULT_LOG_LINES);
    const status: "success" | "failed" = value.err ? "failed" : "success";
    const error = toJson(value.err);
    const fee = value.fee === null || value.fee === undefined ? null : value.fee.toString();
    const lines = [
      `Simulation on ${read.network} at slot ${context.slot}: the transaction would ${status === "success" ? "succeed" : `FAIL with ${chainJson(error)}`}; ${value.unitsConsumed ?? "?"} compute units${fee ? `, fee ${lamportsToSol(BigInt(fee))} SOL` : ""}. Not submitted.`,
      `Version ${parsed.version}, ${parsed.size} bytes, ${parsed.instructions ?? "?"} instructions, fee payer ${parsed.feePayer}.`,
    ];
    if (logs.length) {
      const more = allLogs.length - logs.length;
      lines.push(
        // Programs write their logs: each line is quoted and escaped, so none reads as the server's words.
        `Logs, on-chain program output (${logs.length} of ${allLogs.length}${more ? `; raise logLimit for the other ${more}` : ""}):`,
        ...logs.map((line) => `  ${chainText(line, LOG_LINE_MAX)}`),
      );
    }
    return {
      text: lines.join("\n"),
      structured: {
        status,
        error,
        unitsConsumed: value.unitsConsumed?.toString() ?? null,
        fee,
        feePayer: parsed.feePayer,
        version: parsed.version,
        sizeBytes: parsed.size,
        returnData: value.returnData
          ? { programId: value.returnData.programId, base64: value.returnData.data[0] }
          : null,
        replacementBlockhash: value.replacementBlockhash?.blockhash ?? null,
        logs,
        logCount: allLogs.length,
        network: read.network,
        commitment: read.commitment,
        slot: Number(context.slot),
      },
    };
  },
});
