// TypeScript sources under the dev host: Node (22.18 and later) strips the types itself, and the
// resolve hook finds the files TypeScript's imports mean (`./x.js` for x.ts, `./x` for x.ts or
// x/index.ts), as `distlang build` compiles them (docs/typescript.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModuleLoader } from "../../src/adapters/dev/modules.js";

const stripsTypes = Boolean(/** @type {any} */ (process.features).typescript);

test("a TypeScript module and the TypeScript it imports load, by .js, extensionless and folder imports", { skip: !stripsTypes && "this Node.js does not strip types" }, async () => {
  const root = mkdtempSync(join(tmpdir(), "distlang-dev-ts-"));
  const write = (path, text) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("src/api.ts", `import type { Env } from "../types.js";
import { a } from "./lib/a.js";
import { b } from "./lib/b";
import { c } from "./lib/c";
import { d } from "./lib/d.mjs";
import plain from "./plain.js";
export default { answer: (env: Env): string => [a, b, c, d, plain, env.NAME].join(" ") };
`);
  write("src/lib/a.ts", "export const a: string = 'a';\n");
  write("src/lib/b.ts", "export const b: string = 'b';\n");
  write("src/lib/c/index.ts", "export const c: string = 'c';\n");
  write("src/lib/d.mts", "export const d: string = 'd';\n");
  write("src/plain.js", "export default 'js';\n");
  write("src/missing.ts", "import { x } from './nowhere.js';\nexport default x;\n");
  const loader = new ModuleLoader();
  const module = await loader.load(join(root, "src/api.ts"), "api.1");
  assert.equal(module.default.answer({ NAME: "ts" }), "a b c d js ts");
  assert.ok(loader.filesOf("api.1").has(join(root, "src/lib/a.ts")), "the TypeScript files are watched");
  await assert.rejects(loader.load(join(root, "src/missing.ts"), "missing.1"), (error) => error.code === "ERR_MODULE_NOT_FOUND" && /nowhere\.js/.test(error.message));
});
