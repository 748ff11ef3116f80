/**
 * Codama IDLs (a `rootNode`, as Codama and the program-metadata program store them). Reads the
 * nodes that name instructions, select them (field and constant discriminators at offset 0) and
 * type their arguments; a node it does not know leaves that instruction's arguments undecoded.
 */
import { getBase16Encoder, getBase58Encoder, getBase64Encoder, getUtf8Encoder } from "@solana/kit";
import type { DefiError } from "../types";
import {
  argumentsReader,
  arrayDecoder,
  booleanDecoder,
  bytesDecoder,
  enumDecoder,
  fixedSize,
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
  type IdlInstruction,
  isObject,
  type JsonObject,
  objects,
  once,
  type ProgramIdl,
  pascalCase,
  text,
} from "./table";

export function readCodamaIdl(root: JsonObject): ProgramIdl {
  const program = isObject(root.program) ? root.program : {};
  const types = new Map(objects(program.definedTypes).map((type) => [text(type.name), type.type]));
  const decode = typeReader(types);
  const instructions = objects(program.instructions).map((instruction): IdlInstruction => {
    const args = objects(instruction.arguments);
    const discriminator = discriminatorOf(instruction, args);
    // The discriminator and other omitted arguments are bytes the caller never chose: not shown.
    const shown = new Set(args.filter((arg) => arg.defaultValueStrategy !== "omitted").map((arg) => text(arg.name)));
    return {
      name: text(instruction.name),
      discriminator,
      accounts: objects(instruction.accounts).map((account) => text(account.name)),
      args:
        shown.size > 0
          ? once(() => {
              // Codama types the discriminator as the first argument: the whole data is read.
              const read = argumentsReader(
                args.map((arg) => [text(arg.name), decode(arg.type)]),
                0,
              );
              return (data) => Object.fromEntries(Object.entries(read(data)).filter(([name]) => shown.has(name)));
            })
          : undefined,
    };
  });
  const errors = new Map<number, DefiError>();
  for (const error of objects(program.errors)) {
    if (typeof error.code !== "number") continue;
    const message = typeof error.message === "string" && error.message ? { message: error.message } : {};
    errors.set(error.code, { name: pascalCase(text(error.name)), ...message });
  }
  return { instructions, errors };
}

/** The bytes at offset 0 that select this instruction, from its first usable discriminator node. */
function discriminatorOf(instruction: JsonObject, args: JsonObject[]): Uint8Array {
  for (const node of objects(instruction.discriminators)) {
    if ((node.offset ?? 0) !== 0) continue;
    if (node.kind === "fieldDiscriminatorNode") {
      const field = args.find((arg) => arg.name === node.name);
      if (field) return valueBytes(field.type, field.defaultValue);
    }
    if (node.kind === "constantDiscriminatorNode" && isObject(node.constant)) {
      return valueBytes(node.constant.type, node.constant.value);
    }
  }
  return new Uint8Array();
}

function valueBytes(type: unknown, value: unknown): Uint8Array {
  if (!isObject(type) || !isObject(value)) return new Uint8Array();
  if (type.kind === "fixedSizeTypeNode") return valueBytes(type.type, value);
  if (value.kind === "bytesValueNode") {
    const data = text(value.data);
    if (value.encoding === "base16")
      return Uint8Array.from(getBase16Encoder().encode(data.length % 2 ? `0${data}` : data));
    if (value.encoding === "base58") return Uint8Array.from(getBase58Encoder().encode(data));
    if (value.encoding === "base64") return Uint8Array.from(getBase64Encoder().encode(data));
    return Uint8Array.from(getUtf8Encoder().encode(data));
  }
  if (value.kind === "numberValueNode" && type.kind === "numberTypeNode" && typeof value.number === "number") {
    const size = { u8: 1, u16: 2, u32: 4, u64: 8 }[String(type.format)] ?? 0;
    return Uint8Array.from({ length: size }, (_, i) => Math.floor(Number(value.number) / 256 ** i) % 256);
  }
  return new Uint8Array();
}

function typeReader(types: ReadonlyMap<string, unknown>): (type: unknown) => JsonDecoder {
  const built = new Map<string, JsonDecoder>();
  const integer = (node: unknown) => integerDecoder(isObject(node) ? String(node.format) : "");

  const decode = (node: unknown): JsonDecoder => {
    if (!isObject(node)) throw new Error("IDL: a type is missing");
    switch (node.kind) {
      case "numberTypeNode": {
        if (node.endian === "be") throw new Error("IDL: big-endian numbers are not read");
        const number = numberDecoder(String(node.format));
        if (!number) throw new Error(`IDL: number ${String(node.format)} is not read`);
        return number;
      }
      case "amountTypeNode":
      case "solAmountTypeNode":
      case "dateTimeTypeNode":
        return decode(node.number);
      case "publicKeyTypeNode":
        return publicKeyDecoder();
      case "booleanTypeNode":
        return booleanDecoder(integer(node.size));
      case "bytesTypeNode":
        return bytesDecoder();
      case "stringTypeNode":
        if (node.encoding !== "utf8") throw new Error("IDL: only utf8 strings are read");
        return utf8Decoder();
      case "fixedSizeTypeNode":
        return fixedSize(decode(node.type), Number(node.size));
      case "sizePrefixTypeNode":
        return prefixed(decode(node.type), integer(node.prefix));
      case "optionTypeNode":
        if (node.fixed) throw new Error("IDL: fixed options are not read");
        return optionDecoder(decode(node.item), integer(node.prefix));
      case "arrayTypeNode":
        return arrayDecoder(decode(node.item), count(node.count, integer));
      case "structTypeNode":
        return structDecoder(objects(node.fields).map((field) => [text(field.name), decode(field.type)]));
      case "tupleTypeNode":
        return tupleDecoder(objects(node.items).map(decode));
      case "enumTypeNode":
        return enumDecoder(
          objects(node.variants).map((variant) => {
            const name = text(variant.name);
            if (variant.kind === "enumStructVariantTypeNode") return { name, fields: decode(variant.struct) };
            if (variant.kind === "enumTupleVariantTypeNode") return { name, fields: decode(variant.tuple) };
            return { name };
          }),
          integer(node.size),
        );
      case "definedTypeLinkNode": {
        const name = text(node.name);
        const known = built.get(name);
        if (known) return known;
        if (!types.has(name)) throw new Error(`IDL: type ${name} is not defined`);
        const decoder = decode(types.get(name));
        built.set(name, decoder);
        return decoder;
      }
      default:
        throw new Error(`IDL: ${String(node.kind)} is not read`);
    }
  };
  return decode;
}

function count(node: unknown, integer: (node: unknown) => ReturnType<typeof integerDecoder>) {
  if (!isObject(node)) throw new Error("IDL: an array count is missing");
  if (node.kind === "fixedCountNode") return Number(node.value);
  if (node.kind === "remainderCountNode") return "remainder" as const;
  return integer(node.prefix);
}
