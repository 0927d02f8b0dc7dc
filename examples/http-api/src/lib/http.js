// Small HTTP helpers for the notes API (a relative import: the build packages it with api.js).

/** A JSON response. */
export const json = (value, status = 200, headers = {}) => Response.json(value, { status, headers });

/** A JSON error response: `{ "error": message }`. */
export const failure = (status, message) => json({ error: message }, status);

/**
 * The request's JSON body, or a 400 response to return instead.
 * @returns {Promise<{ value: any } | { response: Response }>}
 */
export async function readJson(request) {
  const text = await request.text();
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { response: failure(400, "the body is not JSON") };
  }
}

/** One log line as JSON, written when `level` is at or above the function's LOG_LEVEL. */
export function logger(env) {
  const levels = ["debug", "info", "warn", "error"];
  const threshold = Math.max(0, levels.indexOf(env.LOG_LEVEL ?? "info"));
  const write = (level) => (message, fields = {}) => {
    if (levels.indexOf(level) >= threshold) console.log(JSON.stringify({ level, message, ...fields }));
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
