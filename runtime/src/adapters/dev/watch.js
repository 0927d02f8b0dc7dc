// @ts-check
/**
 * Watches files by polling their status (modification time, size, inode) every `intervalMs`: it sees
 * editors that save by renaming a new file over the old one, and works the same on every file system.
 * Each group (a function) has its own set of files; a change reports the groups that hold the file.
 */
import { statSync } from "node:fs";

/** @param {string} path */
function signature(path) {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return "missing";
  }
}

export class FileWatcher {
  /**
   * @param {{intervalMs?: number, onChange: (group: string, files: string[]) => void}} options
   */
  constructor({ intervalMs = 250, onChange }) {
    this.intervalMs = intervalMs;
    this.onChange = onChange;
    /** @type {Map<string, Map<string, string>>} group -> file -> signature */
    this.groups = new Map();
    /** @type {ReturnType<typeof setInterval> | undefined} */
    this.timer = undefined;
  }

  /** Replaces a group's files (their current state is the baseline). @param {string} group @param {Iterable<string>} files */
  set(group, files) {
    const watched = new Map();
    for (const file of files) watched.set(file, this.groups.get(group)?.get(file) ?? signature(file));
    this.groups.set(group, watched);
  }

  /** Adds a file to a group. @param {string} group @param {string} file */
  add(group, file) {
    const watched = this.groups.get(group) ?? new Map();
    if (!watched.has(file)) watched.set(file, signature(file));
    this.groups.set(group, watched);
  }

  start() {
    this.timer ??= setInterval(() => this.poll(), this.intervalMs);
    this.timer.unref?.();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Checks every file once; reports each group with changed files. */
  poll() {
    /** @type {Map<string, string>} */
    const current = new Map();
    for (const [group, watched] of this.groups) {
      const changed = [];
      for (const [file, before] of watched) {
        const now = current.get(file) ?? signature(file);
        current.set(file, now);
        if (now !== before) {
          watched.set(file, now);
          changed.push(file);
        }
      }
      if (changed.length > 0) this.onChange(group, changed);
    }
  }
}
