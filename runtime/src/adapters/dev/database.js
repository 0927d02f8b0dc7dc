// @ts-check
/**
 * database (Cloudflare D1's API) on SQLite through Node's built-in `node:sqlite` (Node.js 22.13 or
 * later: no package to install; D1 is SQLite too). The file is the database; the spec's migrations
 * (`*.sql` in the folder, in name order) are applied at start and recorded in `d1_migrations`, as
 * wrangler records them, each in a transaction. `batch` runs in one transaction (all or nothing), as
 * D1's does. Values: D1's conversions (booleans as 1/0, bytes and arrays of bytes as BLOBs, BLOBs read
 * as arrays of numbers; `undefined` is refused). No access checks here: the core does those.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ensureDir } from "./files.js";
import { splitStatements } from "../../core/sql.js";

/** Node's module, loaded once; a clear error on a Node.js without it. */
let sqliteModule;

/** @param {string} resource */
async function loadSqlite(resource) {
  if (sqliteModule) return sqliteModule;
  const emit = process.emitWarning;
  // node:sqlite is "experimental" on Node 22/24 and says so once on stderr; the host keeps its output clean.
  process.emitWarning = (/** @type {any} */ warning, /** @type {any[]} */ ...rest) => {
    const text = typeof warning === "string" ? warning : warning?.message;
    if (/SQLite is an experimental feature/.test(text ?? "")) return;
    return emit.call(process, warning, ...rest);
  };
  try {
    sqliteModule = await import("node:sqlite");
  } catch {
    throw new Error(
      `database ${resource}: the dev host runs databases on node:sqlite, which Node.js ${process.version} does not have; ` +
        "use Node.js 22.13 or later (set DISTLANG_NODE to its node if it is not the first on PATH)",
    );
  } finally {
    process.emitWarning = emit;
  }
  return sqliteModule;
}

/**
 * Opens (creating it if needed) the database file and applies the migrations it has not had yet.
 * @param {{resource: string, file: string, migrations?: string, log?: (line: string) => void}} options
 */
export async function openDatabase({ resource, file, migrations, log = () => {} }) {
  const { DatabaseSync } = await loadSqlite(resource);
  ensureDir(dirname(file));
  const db = new DatabaseSync(file);
  db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
  const applied = applyMigrations(db, resource, migrations);
  for (const name of applied) log(`database ${resource}: applied migration ${name}`);
  return new D1Database(db, resource);
}

/**
 * Applies each `*.sql` file of `folder` not yet in `d1_migrations`, in name order, each in a
 * transaction. Returns the names applied; throws naming the file that failed (nothing of it applied).
 * @param {any} db @param {string} resource @param {string | undefined} folder
 */
export function applyMigrations(db, resource, folder) {
  db.exec(
    "CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)",
  );
  if (!folder) return [];
  let files;
  try {
    files = readdirSync(folder).filter((name) => name.endsWith(".sql")).sort();
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") throw new Error(`database ${resource}: the migrations folder ${folder} does not exist`);
    throw error;
  }
  const done = new Set(db.prepare("SELECT name FROM d1_migrations").all().map((/** @type {any} */ row) => row.name));
  const applied = [];
  for (const name of files) {
    if (done.has(name)) continue;
    const sql = readFileSync(join(folder, name), "utf8");
    db.exec("BEGIN");
    try {
      db.exec(sql);
      db.prepare("INSERT INTO d1_migrations (name) VALUES (?)").run(name);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw new Error(`database ${resource}: migration ${join(folder, name)} failed: ${error instanceof Error ? error.message : error}`);
    }
    applied.push(name);
  }
  return applied;
}

/** A D1Database over one node:sqlite connection. */
export class D1Database {
  /** @param {any} db a DatabaseSync @param {string} resource */
  constructor(db, resource) {
    this.db = db;
    this.resource = resource;
    this.counters = db.prepare("SELECT total_changes() AS total, last_insert_rowid() AS id");
  }

  /** @param {string} sql */
  prepare(sql) {
    return new D1PreparedStatement(this, sql, []);
  }

  /**
   * Runs every statement in one transaction; the results in order, or the first error (none applied).
   * @param {D1PreparedStatement[]} statements
   */
  async batch(statements) {
    if (!Array.isArray(statements) || !statements.every((s) => s instanceof D1PreparedStatement && s.database === this)) {
      throw new TypeError("D1_ERROR: batch takes an array of statements made by this database's prepare()");
    }
    this.db.exec("BEGIN");
    try {
      const results = statements.map((s) => s.execute());
      this.db.exec("COMMIT");
      return results;
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }

  /**
   * Runs SQL without bindings (one or more statements).
   * @param {string} sql
   */
  async exec(sql) {
    const start = performance.now();
    const count = splitStatements(sql).filter((s) => s.words.length > 0).length;
    try {
      this.db.exec(sql);
    } catch (error) {
      throw d1Error(error);
    }
    return { count, duration: performance.now() - start };
  }

  /**
   * Runs one statement: its rows and D1's meta.
   * @param {string} sql @param {unknown[]} params @param {{arrays?: boolean}} [options]
   */
  run(sql, params, options = {}) {
    const start = performance.now();
    try {
      const statement = this.db.prepare(sql);
      if (options.arrays && typeof statement.setReturnArrays === "function") statement.setReturnArrays(true);
      const before = this.counters.get().total;
      const rows = statement.all(...params);
      const after = this.counters.get();
      const columns = typeof statement.columns === "function" ? statement.columns().map((/** @type {any} */ c) => c.name) : undefined;
      const changes = after.total - before;
      return {
        rows: rows.map((/** @type {any} */ row) => (options.arrays && !Array.isArray(row) ? Object.values(row) : row)).map(fromSqlite),
        columns: columns ?? (rows[0] ? Object.keys(rows[0]) : []),
        meta: {
          duration: performance.now() - start,
          changes,
          last_row_id: Number(after.id),
          changed_db: changes > 0,
          size_after: this.size(),
          rows_read: rows.length,
          rows_written: changes,
        },
      };
    } catch (error) {
      throw d1Error(error);
    }
  }

  size() {
    const row = this.db.prepare("SELECT page_count * page_size AS size FROM pragma_page_count(), pragma_page_size()").get();
    return Number(row?.size ?? 0);
  }

  close() {
    this.db.close();
  }
}

/** A D1PreparedStatement: immutable; bind() makes a new one. */
export class D1PreparedStatement {
  /** @param {D1Database} database @param {string} sql @param {unknown[]} params */
  constructor(database, sql, params) {
    this.database = database;
    this.sql = sql;
    this.params = params;
  }

  /** @param {unknown[]} values */
  bind(...values) {
    return new D1PreparedStatement(this.database, this.sql, values.map(toSqlite));
  }

  /** The D1Result of running the statement (used by batch too). */
  execute() {
    const { rows, meta } = this.database.run(this.sql, this.params);
    return { success: true, meta, results: rows };
  }

  async all() {
    return this.execute();
  }

  async run() {
    return this.execute();
  }

  /** @param {string} [column] */
  async first(column) {
    const row = this.database.run(this.sql, this.params).rows[0];
    if (row === undefined) return null;
    if (column === undefined) return row;
    if (!(column in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
    return row[column];
  }

  /** @param {{columnNames?: boolean}} [options] */
  async raw(options = {}) {
    const { rows, columns } = this.database.run(this.sql, this.params, { arrays: true });
    return options?.columnNames ? [columns, ...rows] : rows;
  }
}

/**
 * A bound value as SQLite takes it, by D1's rules.
 * @param {unknown} value
 */
function toSqlite(value) {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "bigint") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value) && value.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return Uint8Array.from(value);
  throw new TypeError(`D1_TYPE_ERROR: Type '${value === undefined ? "undefined" : typeof value}' not supported for value '${String(value)}'`);
}

/** A row as D1 gives it: a plain object (or array) with BLOBs as arrays of numbers. @param {any} row */
function fromSqlite(row) {
  const convert = (/** @type {unknown} */ v) => (v instanceof Uint8Array ? Array.from(v) : typeof v === "bigint" ? Number(v) : v);
  if (Array.isArray(row)) return row.map(convert);
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [name, value] of Object.entries(row)) out[name] = convert(value);
  return out;
}

/** @param {unknown} error */
function d1Error(error) {
  if (error instanceof TypeError && error.message.startsWith("D1_")) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`D1_ERROR: ${message}`, { cause: error });
}
