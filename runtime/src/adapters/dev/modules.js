// @ts-check
/**
 * Loading a function's module so that it can be loaded again after an edit: Node caches ES modules by
 * URL, so each load imports the source with a new `?distlang=<function>.<n>` tag, which the resolve
 * hook (hooks.js) passes on to every file the module imports. The hook reports each file resolved
 * under a tag; `filesOf(tag)` are the files a load read (outside node_modules), to be watched.
 * Earlier versions stay in Node's module cache: memory grows a little with each reload.
 */
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";
import { fileURLToPath, pathToFileURL } from "node:url";

export class ModuleLoader {
  constructor() {
    const { port1, port2 } = new MessageChannel();
    /** @type {Map<string, Set<string>>} */
    this.files = new Map();
    /** @type {((tag: string, file: string) => void) | undefined} */
    this.onFile = undefined;
    port1.on("message", (/** @type {{tag: string, file: string}} */ { tag, file }) => {
      if (file.includes("/node_modules/")) return;
      const path = fileURLToPath(file);
      const set = this.files.get(tag) ?? new Set();
      set.add(path);
      this.files.set(tag, set);
      this.onFile?.(tag, path);
    });
    port1.unref();
    register(new URL("./hooks.js", import.meta.url), { data: { port: port2 }, transferList: [port2] });
  }

  /**
   * Imports `source` (an absolute path) afresh under `tag`.
   * @param {string} source @param {string} tag
   */
  async load(source, tag) {
    const url = pathToFileURL(source);
    url.searchParams.set("distlang", tag);
    this.files.set(tag, new Set([source, ...(this.files.get(tag) ?? [])]));
    return import(url.href);
  }

  /** @param {string} tag */
  filesOf(tag) {
    return this.files.get(tag) ?? new Set();
  }

  /** Forgets a tag's files (a newer load replaced it). @param {string} tag */
  forget(tag) {
    this.files.delete(tag);
  }
}
