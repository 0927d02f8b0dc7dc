// @ts-check
/**
 * Builds an example with the real `distlang` binary into a fresh temporary folder, as a user would
 * (`distlang build <spec> --out <dir>`), and reads what the build says about names: the manifest's
 * physical names of functions and resources per environment. Everything else the platforms need
 * comes from the generated files themselves (CloudFormation, wrangler.toml, code roots, bundles).
 *
 * The binary is `$DISTLANG_BIN`, else `.build/debug/distlang` in the repository (`swift build`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** @returns {string} the distlang binary to build with */
export function distlangBinary() {
  const binary = process.env.DISTLANG_BIN ?? join(REPOSITORY, ".build/debug/distlang");
  if (!existsSync(binary)) throw new Error(`no distlang binary at ${binary}: run \`swift build\` first, or set DISTLANG_BIN`);
  return binary;
}

/**
 * @typedef {object} BuiltFunction
 * @property {string} name the spec's name
 * @property {{aws?: string, cloudflare?: string}} physical
 * @property {string[]} http
 * @property {string[]} schedules
 * @property {{queue: string, batch_size: number} | undefined} consumes
 * @property {string[]} secrets
 * @property {Record<string, string>} uses
 */

/**
 * @typedef {object} BuiltResource
 * @property {string} name
 * @property {"kv" | "bucket" | "queue" | "database"} type
 * @property {string} binding
 * @property {{aws?: string, cloudflare?: string}} physical
 * @property {{aws?: string, cloudflare?: string}} [deadLetter]
 */

/**
 * @typedef {object} Build
 * @property {string} example the example's folder name
 * @property {string} specDir the example's folder
 * @property {string} out the build's output folder (dist)
 * @property {string[]} environments
 * @property {(environment: string) => {app: string, functions: BuiltFunction[], resources: BuiltResource[]}} environment
 * @property {() => void} remove
 */

/**
 * @param {string} example a folder under examples/
 * @returns {Build}
 */
export function buildExample(example) {
  const specDir = join(REPOSITORY, "examples", example);
  const spec = ["distlang.yaml", "distlang.json"].map((name) => join(specDir, name)).find(existsSync);
  if (!spec) throw new Error(`examples/${example} has no distlang.yaml or distlang.json`);
  const out = mkdtempSync(join(tmpdir(), `distlang-example-${example}-`));
  try {
    execFileSync(distlangBinary(), ["build", spec, "--out", out, "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    const stderr = /** @type {any} */ (error).stderr?.toString() ?? "";
    throw new Error(`distlang build of examples/${example} failed:\n${stderr}`);
  }
  const manifest = JSON.parse(readFileSync(join(out, "distlang-manifest.json"), "utf8"));
  return {
    example,
    specDir,
    out,
    environments: Object.keys(manifest.environments).sort(),
    environment(name) {
      const found = manifest.environments[name];
      if (!found) throw new Error(`examples/${example} has no environment ${name}`);
      return {
        app: found.app,
        functions: found.functions.map((/** @type {any} */ f) => ({
          name: f.name,
          physical: f.physical_names,
          http: f.http ?? [],
          schedules: f.schedules ?? [],
          consumes: f.consumes,
          secrets: f.secrets ?? [],
          uses: f.uses ?? {},
        })),
        resources: found.resources.map((/** @type {any} */ r) => ({
          name: r.name,
          type: r.type,
          binding: r.binding,
          physical: r.physical_names,
          deadLetter: r.dead_letter_names,
        })),
      };
    },
    remove: () => rmSync(out, { recursive: true, force: true }),
  };
}
