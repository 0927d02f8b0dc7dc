// @ts-check
/**
 * Which SQL statements only read, for databases declared with `read` access. The rule is conservative
 * (docs/runtime.md, "database"): a statement reads when its first keyword is SELECT, VALUES, WITH or
 * EXPLAIN and none of its words (outside strings, quoted names and comments) is a keyword that writes
 * or changes the connection. A column named like such a keyword must be quoted ("update") to be read.
 */

const READ_STARTS = new Set(["SELECT", "VALUES", "WITH", "EXPLAIN"]);
const WRITE_WORDS = new Set([
  "INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "CREATE", "DROP", "ALTER", "ATTACH", "DETACH",
  "PRAGMA", "VACUUM", "REINDEX", "ANALYZE", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
]);

/**
 * The statements of `sql` (split at top-level semicolons), each as its uppercase words and whether
 * a "(" follows each word.
 * @param {string} sql
 * @returns {{text: string, words: {word: string, call: boolean}[]}[]}
 */
export function splitStatements(sql) {
  /** @type {{text: string, words: {word: string, call: boolean}[]}[]} */
  const statements = [];
  let words = [];
  let start = 0;
  let i = 0;
  const n = sql.length;
  const finish = (end) => {
    const text = sql.slice(start, end).trim();
    if (words.length > 0 || text !== "") statements.push({ text, words });
    words = [];
  };
  while (i < n) {
    const c = sql[i];
    if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? n : end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      i = skipQuoted(sql, i, c);
    } else if (c === "[") {
      const end = sql.indexOf("]", i);
      i = end < 0 ? n : end + 1;
    } else if (c === ";") {
      finish(i);
      i++;
      start = i;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(sql[j])) j++;
      let k = j;
      while (k < n && /\s/.test(sql[k])) k++;
      words.push({ word: sql.slice(i, j).toUpperCase(), call: sql[k] === "(" });
      i = j;
    } else {
      i++;
    }
  }
  finish(n);
  return statements;
}

/** @param {string} sql @param {number} i @param {string} quote */
function skipQuoted(sql, i, quote) {
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] === quote) {
      if (sql[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return sql.length;
}

/**
 * True when every statement in `sql` only reads (see the rule above). Empty SQL is not a read.
 * @param {string} sql
 */
export function isReadOnlySql(sql) {
  const statements = splitStatements(sql).filter((s) => s.words.length > 0);
  if (statements.length === 0) return false;
  return statements.every(({ words }) => {
    if (!READ_STARTS.has(words[0].word)) return false;
    // replace(x, y, z) is also a string function; the statement REPLACE INTO is not followed by "(".
    return !words.some(({ word, call }) => WRITE_WORDS.has(word) && !(word === "REPLACE" && call));
  });
}

/**
 * True when no statement in `sql` is a pure read (for `write` access: changes, whose WHERE and
 * RETURNING clauses read as SQL requires).
 * @param {string} sql
 */
export function hasNoPureRead(sql) {
  const statements = splitStatements(sql).filter((s) => s.words.length > 0);
  return statements.every(({ text }) => !isReadOnlySql(text));
}
