// @ts-check
/**
 * A D1 database for the tests, with a real SQL engine: SQLite (Python's sqlite3 module, in a
 * long-lived process; Node 20 has no node:sqlite) behind the D1 Workers binding API as Cloudflare
 * documents it (developers.cloudflare.com/d1/worker-api/): `prepare(sql)` -> a statement with
 * `bind(...values)`, `first(column?)`, `all()`, `run()`, `raw({columnNames?})`; `batch(statements)`
 * (one transaction: all or nothing); `exec(sql)`. Results are `{success, results, meta: {changes,
 * last_row_id, rows_read, rows_written, duration, changed_db}}`. Errors read like D1's:
 * `D1_ERROR: UNIQUE constraint failed: books.isbn: SQLITE_CONSTRAINT`. The migrations folder's
 * `*.sql` files are applied in name order first, as `wrangler d1 migrations apply` does.
 */
import { spawn } from "node:child_process";

const ENGINE = String.raw`
import glob, json, os, sqlite3, sys
db = sqlite3.connect(":memory:", isolation_level=None)
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.sql"))):
    db.executescript(open(path, encoding="utf-8").read())
def cell(value):
    return list(value) if isinstance(value, bytes) else value
sys.stdout.write(json.dumps({"ready": True}) + "\n")
sys.stdout.flush()
for line in sys.stdin:
    request = json.loads(line)
    batch = len(request["statements"]) > 1 or request.get("transaction", False)
    try:
        results = []
        if batch:
            db.execute("BEGIN")
        for statement in request["statements"]:
            before = db.total_changes
            if statement.get("script"):
                db.executescript(statement["sql"])
                results.append({"columns": [], "rows": [], "changes": db.total_changes - before, "lastRowId": 0})
                continue
            cursor = db.execute(statement["sql"], statement["params"])
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows = [[cell(v) for v in row] for row in cursor.fetchall()]
            results.append({"columns": columns, "rows": rows, "changes": db.total_changes - before, "lastRowId": cursor.lastrowid or 0})
        if batch:
            db.execute("COMMIT")
        reply = {"id": request["id"], "results": results}
    except sqlite3.Error as error:
        if db.in_transaction:
            db.execute("ROLLBACK")
        reply = {"id": request["id"], "error": "D1_ERROR: %s: %s" % (error, getattr(error, "sqlite_errorname", "SQLITE_ERROR"))}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
`;

/**
 * @param {{migrations: string}} options the migrations folder
 */
export function sqliteD1(options) {
  const proc = spawn("python3", ["-c", ENGINE, options.migrations], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (chunk) => (stderr += chunk));
  /** @type {Map<number, (reply: any) => void>} */
  const waiting = new Map();
  let nextId = 0;
  let buffered = "";
  /** @type {() => void} */
  let markReady = () => {};
  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    markReady = resolve;
    proc.once("exit", (code) => reject(new Error(`the SQLite process exited (${code}): ${stderr}`)));
  });
  proc.stdout.setEncoding("utf8");
  proc.stdout.on("data", (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const reply = JSON.parse(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      if (reply.ready) markReady();
      else waiting.get(reply.id)?.(reply);
    }
  });

  /** @param {{sql: string, params?: unknown[], script?: boolean}[]} statements @returns {Promise<any[]>} */
  const execute = (statements) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply.results);
      });
      proc.stdin.write(JSON.stringify({ id, statements: statements.map((s) => ({ params: [], ...s })) }) + "\n");
    });

  /** @param {{columns: string[], rows: unknown[][], changes: number, lastRowId: number}} raw */
  const d1Result = (raw) => ({
    success: true,
    results: raw.rows.map((row) => Object.fromEntries(raw.columns.map((c, i) => [c, row[i]]))),
    meta: { duration: 0, changes: raw.changes, last_row_id: raw.lastRowId, changed_db: raw.changes > 0, rows_read: raw.rows.length, rows_written: raw.changes, size_after: 0 },
  });

  /** @param {unknown} value */
  const bindable = (value) => {
    if (value === null || typeof value === "number" || typeof value === "string") return value;
    if (typeof value === "boolean") return value ? 1 : 0;
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) throw new TypeError("D1_TYPE_ERROR: blobs are not supported by this test double");
    throw new TypeError(`D1_TYPE_ERROR: Type '${typeof value}' not supported for value '${value}'`);
  };

  /** @param {string} sql @param {unknown[]} params */
  const statement = (sql, params) => ({
    /** @internal */ sql,
    /** @internal */ params,
    bind: (/** @type {unknown[]} */ ...values) => statement(sql, values.map(bindable)),
    all: async () => d1Result((await execute([{ sql, params }]))[0]),
    run: async () => d1Result((await execute([{ sql, params }]))[0]),
    raw: async (/** @type {{columnNames?: boolean}} */ rawOptions = {}) => {
      const [raw] = await execute([{ sql, params }]);
      return rawOptions.columnNames ? [raw.columns, ...raw.rows] : raw.rows;
    },
    first: async (/** @type {string | undefined} */ column) => {
      const [row] = d1Result((await execute([{ sql, params }]))[0]).results;
      if (row === undefined) return null;
      if (column === undefined) return row;
      if (!(column in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
      return row[column];
    },
  });

  return {
    ready,
    prepare: (/** @type {string} */ sql) => statement(sql, []),
    batch: async (/** @type {{sql: string, params: unknown[]}[]} */ statements) => {
      const raws = await new Promise((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, (reply) => {
          waiting.delete(id);
          if (reply.error) reject(new Error(reply.error));
          else resolve(reply.results);
        });
        proc.stdin.write(JSON.stringify({ id, transaction: true, statements: statements.map((s) => ({ sql: s.sql, params: s.params })) }) + "\n");
      });
      return raws.map(d1Result);
    },
    exec: async (/** @type {string} */ sql) => {
      await execute([{ sql, script: true }]);
      return { count: sql.split(";").filter((part) => part.trim()).length, duration: 0 };
    },
    /** Rows of a query, for the test's own checks. @param {string} sql @param {unknown[]} [params] */
    query: async (sql, params = []) => d1Result((await execute([{ sql, params }]))[0]).results,
    async close() {
      if (proc.exitCode !== null) return;
      proc.kill("SIGKILL");
      await new Promise((resolve) => proc.once("exit", resolve));
    },
  };
}
