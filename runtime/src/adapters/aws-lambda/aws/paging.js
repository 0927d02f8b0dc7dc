// @ts-check
/** Page sizes of kv and bucket lists: 1..1000, as Cloudflare KV and R2 allow. */

export const MAX_LIST_LIMIT = 1000;

/** @param {unknown} limit -> 1..1000; the default (and anything not a number) is 1000 */
export function listLimit(limit) {
  const n = Math.floor(Number(limit ?? MAX_LIST_LIMIT));
  return Number.isFinite(n) ? Math.min(MAX_LIST_LIMIT, Math.max(1, n)) : MAX_LIST_LIMIT;
}
