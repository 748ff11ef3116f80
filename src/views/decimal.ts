/**
 * Orders exact decimal strings ("-12.5", "0.000000001") without floating point, so a sorted
 * table puts 9007199254740993 after 9007199254740992 and never rounds two amounts into a tie.
 */

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** The decimal as an integer of `scale` fractional digits, or undefined when it is not a decimal string. */
function scaled(value: string, scale: number): bigint | undefined {
  const match = DECIMAL.exec(value);
  if (!match) return undefined;
  const [, sign, whole = "0", fraction = ""] = match;
  const digits = BigInt(whole + fraction.padEnd(scale, "0"));
  return sign === "-" ? -digits : digits;
}

function fractionDigits(value: string): number {
  return DECIMAL.exec(value)?.[3]?.length ?? 0;
}

/** Negative, zero or positive as `a` is less than, equal to or greater than `b`; non-numbers sort last. */
export function compareDecimal(a: string | null, b: string | null): number {
  const scale = Math.max(fractionDigits(a ?? ""), fractionDigits(b ?? ""));
  const left = a === null ? undefined : scaled(a, scale);
  const right = b === null ? undefined : scaled(b, scale);
  if (left === undefined || right === undefined) return (left === undefined ? 1 : 0) - (right === undefined ? 1 : 0);
  return left < right ? -1 : left > right ? 1 : 0;
}
