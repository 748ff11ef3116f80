// Small helpers the local chain's modules share: waiting, error text for logs, JSON with bigints.

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** @param {unknown} err */
export function errorMessage(err) {
  if (!(err instanceof Error)) return String(err);
  // fetch() wraps the interesting part ("ECONNREFUSED ...") in `cause`.
  const cause = /** @type {any} */ (err).cause;
  return cause instanceof Error && !err.message.includes(cause.message)
    ? `${err.message}: ${cause.message}`
    : err.message;
}

/** @param {string} s */
export function firstLine(s) {
  return s.split("\n")[0] ?? s;
}

/** @param {string} _key @param {unknown} value */
export function bigintReplacer(_key, value) {
  return typeof value === "bigint" ? value.toString() : value;
}
