/** Text rendering helpers: results lead with a summary and cut long lists with a count. */

/** The first `limit` lines, then one line saying how many were left out and where they are. */
export function cutLines(lines: readonly string[], limit: number, rest: string): string[] {
  if (lines.length <= limit) return [...lines];
  return [...lines.slice(0, limit), `… ${lines.length - limit} more ${rest}`];
}

/** ISO 8601 time for a Unix timestamp in seconds, or null when the node did not give one. */
export function isoTime(unixSeconds: bigint | number | null | undefined): string | null {
  if (unixSeconds === null || unixSeconds === undefined) return null;
  return new Date(Number(unixSeconds) * 1000).toISOString();
}

/** " (served from cache, 12 s old)" when the answer did not come straight from the node. */
export function cacheNote(cache: { hit: boolean; ageSeconds: number }): string {
  return cache.hit ? ` (from cache, ${cache.ageSeconds} s old)` : "";
}
