// @ts-check
/**
 * Files the dev host's stores keep: every write goes to a temporary file in the same folder, is
 * fsynced, renamed over the target and the folder fsynced, so a crash at any point leaves either the
 * old file or the new one, and a write that was acknowledged survives a crash of the host (or of the
 * machine). Synchronous on purpose: a store's writes are ordered without locks, and dev data is small.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, unlinkSync, writeSync, readSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, dirname, join } from "node:path";

const TEMPORARY_PREFIX = ".tmp-";
let counter = 0;

/** Creates a folder and its parents. @param {string} dir */
export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
}

/**
 * Replaces `path` with `chunks` atomically and durably.
 * @param {string} path @param {(string | Uint8Array)[]} chunks
 */
export function writeFileAtomic(path, chunks) {
  const dir = dirname(path);
  ensureDir(dir);
  const temporary = join(dir, `${TEMPORARY_PREFIX}${process.pid}-${++counter}-${basename(path)}`);
  const fd = openSync(temporary, "w", 0o600);
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      let offset = 0;
      while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  syncDir(dir);
}

/** Removes a file (absent is fine) and makes the removal durable. @param {string} path */
export function removeFile(path) {
  try {
    unlinkSync(path);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return;
    throw error;
  }
  syncDir(dirname(path));
}

/** fsync a folder, so a rename or unlink in it survives a crash. @param {string} dir */
export function syncDir(dir) {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The names of the files in `dir` (none when it does not exist), after deleting temporary files a
 * crash left behind (their write was never acknowledged).
 * @param {string} dir
 */
export function listFiles(dir) {
  /** @type {string[]} */
  let names;
  try {
    names = readdirSync(dir);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return [];
    throw error;
  }
  const kept = [];
  for (const name of names) {
    if (name.startsWith(TEMPORARY_PREFIX)) rmSync(join(dir, name), { force: true });
    else kept.push(name);
  }
  return kept.sort();
}

/** A file name for any key: the SHA-256 of its UTF-8 (keys may hold `/`, and be 1,024 bytes long). @param {string} key */
export function hashName(key) {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** Compares strings by their UTF-8 bytes, the order kv and buckets list in. @param {string} a @param {string} b */
export function byteOrder(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * A record file: one line of JSON (the header), then the raw bytes of the value.
 * @param {unknown} header @param {Uint8Array} body
 * @returns {(string | Uint8Array)[]}
 */
export function recordChunks(header, body) {
  return [`${JSON.stringify(header)}\n`, body];
}

/**
 * Reads a record file's header, and its body when asked. Null when the file does not exist.
 * @param {string} path @param {{body?: boolean}} [options]
 * @returns {{header: any, body?: Uint8Array} | null}
 */
export function readRecord(path, options = {}) {
  let fd;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return null;
    throw error;
  }
  try {
    /** @type {Buffer[]} */
    const parts = [];
    let newline = -1;
    let total = 0;
    // Headers are small (keys and metadata are limited); a body is read only when asked.
    for (;;) {
      const chunk = Buffer.alloc(options.body ? 1 << 16 : 8192);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const part = chunk.subarray(0, read);
      if (newline < 0) {
        const at = part.indexOf(0x0a);
        if (at >= 0) newline = total + at;
      }
      parts.push(part);
      total += read;
      if (newline >= 0 && !options.body) break;
    }
    const all = Buffer.concat(parts);
    if (newline < 0) throw new Error(`${path} is not a record of the dev host (no header line)`);
    const header = JSON.parse(all.subarray(0, newline).toString("utf8"));
    if (!options.body) return { header };
    const body = all.subarray(newline + 1);
    return { header, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  } finally {
    closeSync(fd);
  }
}
