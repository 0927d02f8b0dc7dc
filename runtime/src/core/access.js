// @ts-check
/**
 * Handles limited to the declared access: the same on every platform. A handle exposes only the
 * methods its access allows; a disallowed method is absent (`"put" in handle` is false), and calling it
 * anyway throws an AccessError (a TypeError) that names the binding, the resource, the access and the
 * function. Every allowed call is checked against the limits (limits.js) before the platform sees it.
 */
import { AccessError } from "./errors.js";
import { checkCall } from "./limits.js";
import { isReadOnlySql, hasNoPureRead } from "./sql.js";

/** The methods each access grants, by resource kind. `readwrite` is read and write together. */
export const METHODS = Object.freeze({
  kv: { read: ["get", "getWithMetadata", "list"], write: ["put", "delete"] },
  bucket: { read: ["head", "get", "list"], write: ["put", "delete"] },
  queue: { send: ["send", "sendBatch"] },
  database: { read: ["prepare", "batch", "exec"], write: ["prepare", "batch", "exec"] },
});

/** The accesses the spec allows for each kind. */
const ACCESSES = { kv: ["read", "write", "readwrite"], bucket: ["read", "write", "readwrite"], queue: ["send"], database: ["read", "write", "readwrite"] };

/**
 * @typedef {{binding: string, resource: string, function: string}} HandleNames
 */

/**
 * The methods `access` grants on a `kind`.
 * @param {string} kind @param {string} access
 * @returns {string[]}
 */
export function allowedMethods(kind, access) {
  const table = /** @type {Record<string, Record<string, string[]>>} */ (METHODS)[kind];
  if (!table) throw new TypeError(`unknown resource kind ${JSON.stringify(kind)}`);
  if (!ACCESSES[kind].includes(access)) {
    throw new TypeError(`access ${JSON.stringify(access)} is not valid for a ${kind} (use ${ACCESSES[kind].join(", ")})`);
  }
  if (access === "readwrite") return [...new Set([...table.read, ...table.write])];
  return [...table[access]];
}

/**
 * A handle exposing only what `access` allows on `handle` (a platform's native binding or a client with
 * the same methods).
 * @param {string} kind "kv" | "bucket" | "queue" | "database"
 * @param {string} access "read" | "write" | "readwrite" | "send"
 * @param {any} handle
 * @param {HandleNames} names
 */
export function limitHandle(kind, access, handle, names) {
  const allowed = allowedMethods(kind, access);
  const every = Object.values(/** @type {Record<string, Record<string, string[]>>} */ (METHODS)[kind]).flat();
  /** @type {Record<string, Function>} */
  const target = Object.create(null);
  for (const method of allowed) {
    const label = `env.${names.binding}.${method}`;
    target[method] =
      kind === "database"
        ? databaseMethod(method, access, handle, names, label)
        : async (/** @type {unknown[]} */ ...args) => handle[method](...(await checkCall(kind, method, args, label)));
  }
  Object.freeze(target);
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === "string" && property in object) return object[property];
      if (typeof property === "string" && every.includes(property)) return denied(kind, access, property, names);
      return undefined;
    },
    has: (object, property) => property in object,
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/**
 * The function standing in for a method the access does not grant: it throws when called.
 * @param {string} kind @param {string} access @param {string} method @param {HandleNames} names
 */
function denied(kind, access, method, names) {
  const table = /** @type {Record<string, Record<string, string[]>>} */ (METHODS)[kind];
  const needs = Object.keys(table).find((a) => table[a].includes(method)) ?? "write";
  return function deniedMethod() {
    throw new AccessError(
      `env.${names.binding}.${method}: function ${names.function} has ${access} access to ${kind} ${names.resource}; ` +
        `${method} needs ${needs} (declare ${names.resource}: readwrite in uses)`,
    );
  };
}

/**
 * D1's prepare/batch/exec with the statements limited by access: `read` allows only statements that
 * read (sql.js), `write` only statements that change something, `readwrite` everything.
 * @param {string} method @param {string} access @param {any} database @param {HandleNames} names @param {string} label
 */
function databaseMethod(method, access, database, names, label) {
  /** @param {unknown} sql */
  const check = (sql) => {
    if (typeof sql !== "string") throw new TypeError(`${label}: the query must be a string`);
    if (access === "readwrite") return;
    const ok = access === "read" ? isReadOnlySql(sql) : hasNoPureRead(sql);
    if (ok) return;
    const what = access === "read" ? "is not a read-only statement" : "only reads";
    const needs = access === "read" ? "write" : "read";
    throw new AccessError(
      `${label}: function ${names.function} has ${access} access to database ${names.resource}; ` +
        `${JSON.stringify(abbreviate(sql))} ${what}, which needs ${needs} (declare ${names.resource}: readwrite in uses)`,
    );
  };
  switch (method) {
    case "prepare":
      return (/** @type {unknown} */ sql) => {
        check(sql);
        return database.prepare(sql);
      };
    case "exec":
      return async (/** @type {unknown} */ sql) => {
        check(sql);
        return database.exec(sql);
      };
    default:
      // Statements only come from the limited prepare, so each was checked when it was made.
      return async (/** @type {unknown[]} */ statements) => database.batch(statements);
  }
}

/** @param {string} sql */
function abbreviate(sql) {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
