// The Worker entry must load in workerd without nodejs_compat: the import graph of the Cloudflare
// adapter (and the core it uses) may reach no Node built-in and use no Buffer or process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, resolve, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Source without comments and string/template literal contents (import specifiers are read first). */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:\\])\/\/.*$/gm, "$1")
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, "``")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''");
}

/** Static imports and re-exports, dynamic imports, bare imports. */
const SPECIFIERS = /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

/** @param {string} text */
const specifiersOf = (text) => [...text.matchAll(SPECIFIERS)].map((m) => m[1] ?? m[2] ?? m[3]);

/** Every module reachable from `entry` through static and dynamic imports, with its specifiers. */
function importGraph(entry) {
  const seen = new Map();
  const visit = (file) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, "utf8");
    const specifiers = specifiersOf(text);
    seen.set(file, { text, specifiers });
    for (const s of specifiers) if (s.startsWith(".")) visit(resolve(dirname(file), s));
  };
  visit(entry);
  return seen;
}

test("the Cloudflare adapter's import graph has no Node built-ins, bare packages, Buffer or process", () => {
  const graph = importGraph(resolve(root, "src/adapters/cloudflare-workers/index.js"));
  const files = [...graph.keys()].map((f) => relative(root, f)).sort();
  assert.deepEqual(files, [
    "src/adapters/cloudflare-workers/bindings.js",
    "src/adapters/cloudflare-workers/index.js",
    "src/core/access.js",
    "src/core/app.js",
    "src/core/batch.js",
    "src/core/encoding.js",
    "src/core/errors.js",
    "src/core/limits.js",
    "src/core/router.js",
    "src/core/sql.js",
  ]);
  for (const [file, { text, specifiers }] of graph) {
    const name = relative(root, file);
    for (const s of specifiers) assert.ok(s.startsWith("./") || s.startsWith("../"), `${name} imports ${s}: only relative modules may be imported`);
    const body = code(text);
    assert.doesNotMatch(body, /\bBuffer\b/, `${name} uses Buffer`);
    assert.doesNotMatch(body, /\bprocess\b/, `${name} uses process`);
    assert.doesNotMatch(body, /\brequire\s*\(/, `${name} uses require`);
  }
});

test("every core module is platform-neutral too", () => {
  const graph = importGraph(resolve(root, "src/core/index.js"));
  assert.ok(graph.size >= 9);
  for (const [file, { text, specifiers }] of graph) {
    assert.ok(specifiers.every((s) => s.startsWith(".")), relative(root, file));
    assert.doesNotMatch(code(text), /\b(Buffer|process)\b/, relative(root, file));
  }
});

test("the checker sees what it must refuse", () => {
  assert.match(code('import { x } from "node:fs";\nconst b = Buffer.from("a"); // Buffer in a comment'), /\bBuffer\b/);
  assert.doesNotMatch(code('const s = "process"; // process\n/* Buffer */'), /\b(Buffer|process)\b/);
  const specifiers = specifiersOf('import { a } from "node:fs";\nexport * from "./x.js";\nawait import("./y.js");\nimport "./z.js";');
  assert.deepEqual(specifiers, ["node:fs", "./x.js", "./y.js", "./z.js"]);
});
