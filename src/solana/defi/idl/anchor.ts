/**
 * Anchor IDLs, both the legacy shape (before 0.30: camelCase names, no discriminators, so each is
 * sha256("global:<snake_name>")[0..8]) and the 0.30+ shape (snake_case names, discriminators in the
 * file). Reads what naming and decoding need and nothing more.
 */
import type { DefiError } from "../types";
import {
  argumentsReader,
  arrayDecoder,
  booleanDecoder,
  bytesDecoder,
  type EnumVariant,
  enumDecoder,
  integerDecoder,
  type JsonDecoder,
  numberDecoder,
  optionDecoder,
  prefixed,
  publicKeyDecoder,
  structDecoder,
  tupleDecoder,
  utf8Decoder,
} from "./codecs";
import {
  camelCase,
  type IdlInstruction,
  isObject,
  type JsonObject,
  list,
  objects,
  once,
  type ProgramIdl,
  snakeCase,
  text,
} from "./table";

/** Anchor's instruction discriminator for a legacy IDL, through the platform's own SHA-256. */
async function sighash(name: string): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`global:${snakeCase(name)}`));
  return new Uint8Array(digest, 0, 8);
}

export async function readAnchorIdl(idl: JsonObject): Promise<ProgramIdl> {
  const types = new Map(objects(idl.types).map((type) => [text(type.name), type]));
  const decode = typeReader(types);
  const instructions = await Promise.all(
    objects(idl.instructions).map(async (instruction): Promise<IdlInstruction> => {
      const name = text(instruction.name);
      const given = list(instruction.discriminator);
      const args = objects(instruction.args);
      const discriminator = given.length > 0 ? Uint8Array.from(given, Number) : await sighash(name);
      return {
        name: camelCase(name),
        discriminator,
        accounts: accountNames(instruction.accounts),
        args:
          args.length > 0
            ? once(() =>
                argumentsReader(
                  args.map((arg) => [camelCase(text(arg.name)), decode(arg.type)]),
                  discriminator.length,
                ),
              )
            : undefined,
      };
    }),
  );
  const errors = new Map<number, DefiError>();
  for (const error of objects(idl.errors)) {
    if (typeof error.code !== "number") continue;
    errors.set(error.code, {
      name: text(error.name),
      ...(typeof error.msg === "string" ? { message: error.msg } : {}),
    });
  }
  return { instructions, errors };
}

/** Account names in order; a composite account (a group of accounts) is spelled out in place. */
function accountNames(accounts: unknown): string[] {
  return objects(accounts).flatMap((account) =>
    Array.isArray(account.accounts) ? accountNames(account.accounts) : [camelCase(text(account.name))],
  );
}

/** A decoder per Anchor type; defined types are looked up in the IDL and built once each. */
function typeReader(types: ReadonlyMap<string, JsonObject>): (type: unknown) => JsonDecoder {
  const built = new Map<string, JsonDecoder>();

  const defined = (name: string): JsonDecoder => {
    const known = built.get(name);
    if (known) return known;
    const definition = types.get(name);
    if (!definition || !isObject(definition.type)) throw new Error(`IDL: type ${name} is not defined`);
    if (typeof definition.serialization === "string" && definition.serialization !== "borsh") {
      throw new Error(`IDL: ${definition.serialization} layout of ${name} is not read`);
    }
    const decoder = layout(definition.type);
    built.set(name, decoder);
    return decoder;
  };

  const fields = (value: unknown): JsonDecoder => {
    const items = list(value);
    return items.every((item) => isObject(item) && typeof item.name === "string")
      ? structDecoder(objects(items).map((field) => [camelCase(text(field.name)), decode(field.type)]))
      : tupleDecoder(items.map(decode));
  };

  const layout = (type: JsonObject): JsonDecoder => {
    if (type.kind === "struct") return fields(type.fields);
    if (type.kind === "enum") {
      return enumDecoder(
        objects(type.variants).map((variant): EnumVariant => {
          const name = text(variant.name);
          return list(variant.fields).length > 0 ? { name, fields: fields(variant.fields) } : { name };
        }),
      );
    }
    if (type.kind === "alias" || type.kind === "type") return decode(type.value ?? type.alias);
    throw new Error(`IDL: type kind ${String(type.kind)} is not read`);
  };

  const decode = (type: unknown): JsonDecoder => {
    if (typeof type === "string") return primitive(type);
    if (!isObject(type)) throw new Error("IDL: a type is missing");
    if ("vec" in type) return arrayDecoder(decode(type.vec), integerDecoder("u32"));
    if ("option" in type) return optionDecoder(decode(type.option));
    if ("coption" in type) return optionDecoder(decode(type.coption), integerDecoder("u32"));
    if ("array" in type) {
      const [item, count] = list(type.array);
      if (typeof count !== "number") throw new Error("IDL: generic array lengths are not read");
      return arrayDecoder(decode(item), count);
    }
    if ("defined" in type) return defined(isObject(type.defined) ? text(type.defined.name) : text(type.defined));
    throw new Error(`IDL: type ${JSON.stringify(type).slice(0, 60)} is not read`);
  };

  return decode;
}

function primitive(type: string): JsonDecoder {
  if (type === "bool") return booleanDecoder();
  if (type === "publicKey" || type === "pubkey") return publicKeyDecoder();
  if (type === "string") return prefixed(utf8Decoder(), integerDecoder("u32"));
  if (type === "bytes") return prefixed(bytesDecoder(), integerDecoder("u32"));
  const number = numberDecoder(type);
  if (!number) throw new Error(`IDL: type ${type} is not read`);
  return number;
}
