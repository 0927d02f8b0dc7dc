// Small helpers shared by the app's handlers (a relative import, which esbuild compiles in).

/** A JSON response. (TypeScript 4.8's DOM library has no `Response.json`.) */
export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
}

/** What a caught error looks like, for the tests to compare across platforms. */
export function errorReport(error: unknown) {
  const e = error as Error;
  return { name: e.name, isTypeError: e instanceof TypeError, isRangeError: e instanceof RangeError, message: e.message };
}
