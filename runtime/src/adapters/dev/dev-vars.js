// @ts-check
/**
 * Secrets in dev: from `.dev.vars` next to the spec (dotenv format, as wrangler reads it), else from
 * the environment `distlang dev` runs in, which wins when both have a name (as dotenv does). Never
 * from the spec.
 */
import { readFileSync } from "node:fs";

/**
 * `NAME=value` lines: `#` comments and blank lines skipped, an optional `export `, values optionally
 * in single quotes (taken as they are) or double quotes (with \n, \r, \t, \" and \\ escapes, and line
 * breaks inside); an unquoted value ends at ` #`. Throws a SyntaxError naming the line.
 * @param {string} text @param {string} [file] for messages
 * @returns {Map<string, string>}
 */
export function parseDevVars(text, file = ".dev.vars") {
  /** @type {Map<string, string>} */
  const values = new Map();
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!match) throw new SyntaxError(`${file}:${i + 1}: expected NAME=value, found ${JSON.stringify(trimmed.slice(0, 40))}`);
    const [, name, rest] = match;
    const quote = rest[0];
    if (quote === "'" || quote === '"') {
      let body = rest.slice(1);
      const start = i;
      // A double-quoted value may span lines; a single-quoted one may too (taken literally).
      while (!closes(body, quote)) {
        if (++i >= lines.length) throw new SyntaxError(`${file}:${start + 1}: the value of ${name} has no closing ${quote}`);
        body += `\n${lines[i]}`;
      }
      const end = closingIndex(body, quote);
      const after = body.slice(end + 1).trim();
      if (after !== "" && !after.startsWith("#")) throw new SyntaxError(`${file}:${i + 1}: unexpected text after the quoted value of ${name}`);
      const raw = body.slice(0, end);
      values.set(name, quote === '"' ? unescape(raw) : raw);
    } else {
      values.set(name, rest.replace(/\s+#.*$/, "").trim());
    }
  }
  return values;
}

/** @param {string} body @param {string} quote */
function closes(body, quote) {
  return closingIndex(body, quote) >= 0;
}

/** @param {string} body @param {string} quote */
function closingIndex(body, quote) {
  for (let j = 0; j < body.length; j++) {
    if (quote === '"' && body[j] === "\\") j++;
    else if (body[j] === quote) return j;
  }
  return -1;
}

/** @param {string} raw */
function unescape(raw) {
  return raw.replace(/\\([nrt"\\])/g, (_, c) => ({ n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" })[c] ?? c);
}

/**
 * Reads the file (absent: no values).
 * @param {string | undefined} path
 * @returns {Map<string, string>}
 */
export function readDevVars(path) {
  if (!path) return new Map();
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return new Map();
    throw error;
  }
  return parseDevVars(text, path);
}

/**
 * Where a secret's value comes from: the process environment, then the file.
 * @param {Map<string, string>} fileValues @param {Record<string, string | undefined>} processEnv
 */
export function secretSource(fileValues, processEnv) {
  return (/** @type {string} */ name) => processEnv[name] ?? fileValues.get(name);
}
