/**
 * One IDL file, whatever standard wrote it, read into a program table once per isolate: the tables
 * are kept by file name for the isolate's life (they never change within a deployment), and a read
 * that fails or finds nothing is not kept, so the next call tries again.
 */
import type { IdlLoader } from "../types";
import { readAnchorIdl } from "./anchor";
import { readCodamaIdl } from "./codama";
import { isObject, type ProgramIdl } from "./table";

const tables = new Map<string, Promise<ProgramIdl | undefined>>();

export function programIdl(file: string, load: IdlLoader): Promise<ProgramIdl | undefined> {
  const known = tables.get(file);
  if (known) return known;
  const table = load(file).then((idl) => (idl === undefined ? undefined : readIdl(idl)));
  tables.set(file, table);
  table.then(
    (read) => read ?? tables.delete(file),
    () => tables.delete(file),
  );
  return table;
}

/** A Codama root node or an Anchor IDL (legacy or 0.30+). */
export async function readIdl(idl: unknown): Promise<ProgramIdl> {
  if (isObject(idl) && idl.kind === "rootNode") return readCodamaIdl(idl);
  if (isObject(idl) && Array.isArray(idl.instructions)) return readAnchorIdl(idl);
  throw new Error("IDL: neither an Anchor IDL nor a Codama root node");
}
