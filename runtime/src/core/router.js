// @ts-check
/**
 * Routing against the spec's `http` list, the same on every platform: route keys are "METHOD /path"
 * with `{param}` segments, the method ANY, and a trailing `/*` that matches the rest of the path.
 * A path no route has gives 404; a path some route has, with another method, gives 405 and `Allow`.
 */

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "ANY"];

/**
 * @typedef {{kind: "literal", value: string} | {kind: "param", name: string}} Segment
 * @typedef {{key: string, method: string, segments: Segment[], rest: boolean}} CompiledRoute
 * @typedef {{kind: "match", key: string, params: Record<string, string>}
 *   | {kind: "method", allow: string[]}
 *   | {kind: "none"}} RouteMatch
 */

/**
 * Parses route keys once. Throws a TypeError for a key that is not "METHOD /path".
 * @param {readonly string[]} keys
 * @returns {CompiledRoute[]}
 */
export function compileRoutes(keys) {
  return keys.map((key) => {
    const match = /^([A-Z]+) (\/\S*)$/.exec(key);
    if (!match || !METHODS.includes(match[1])) throw new TypeError(`route ${JSON.stringify(key)} is not "METHOD /path"`);
    const [, method, path] = match;
    const parts = path === "/" ? [] : path.slice(1).split("/");
    const rest = parts.at(-1) === "*";
    if (rest) parts.pop();
    /** @type {Segment[]} */
    const segments = parts.map((part) => {
      const param = /^\{([^{}]+)\}$/.exec(part);
      return param ? { kind: "param", name: param[1] } : { kind: "literal", value: part };
    });
    return { key, method, segments, rest };
  });
}

/**
 * The route for a request: the most specific route whose path and method fit, else the methods the
 * path allows (405), else none (404). Specificity: segment by segment, a literal beats a parameter,
 * which beats the rest of a `/*`; then a named method beats ANY. HEAD matches GET routes.
 * @param {CompiledRoute[]} routes @param {string} method @param {string} pathname (percent-encoded, as in a URL)
 * @returns {RouteMatch}
 */
export function matchRoute(routes, method, pathname) {
  const path = splitPath(pathname);
  /** @type {{route: CompiledRoute, params: Record<string, string>, rank: number[]}[]} */
  const fits = [];
  for (const route of routes) {
    const found = matchPath(route, path);
    if (found) fits.push({ route, ...found });
  }
  const byMethod = fits.filter(({ route }) => methodFits(route.method, method));
  if (byMethod.length > 0) {
    byMethod.sort((a, b) => compareRank(b.rank, a.rank) || Number(a.route.method === "ANY") - Number(b.route.method === "ANY"));
    const best = byMethod[0];
    return { kind: "match", key: best.route.key, params: best.params };
  }
  if (fits.length > 0) return { kind: "method", allow: allowedMethods(fits.map(({ route }) => route.method)) };
  return { kind: "none" };
}

/** @param {string} routeMethod @param {string} method */
function methodFits(routeMethod, method) {
  return routeMethod === "ANY" || routeMethod === method || (method === "HEAD" && routeMethod === "GET");
}

/**
 * The `Allow` header's methods: sorted, with HEAD wherever GET is.
 * @param {string[]} methods
 */
export function allowedMethods(methods) {
  const set = new Set(methods);
  if (set.has("GET")) set.add("HEAD");
  return [...set].sort();
}

/** @param {string} pathname */
function splitPath(pathname) {
  if (pathname === "" || pathname === "/") return [];
  return (pathname.startsWith("/") ? pathname.slice(1) : pathname).split("/");
}

/** @param {string} segment */
function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * @param {CompiledRoute} route @param {string[]} path
 * @returns {{params: Record<string, string>, rank: number[]} | null}
 */
function matchPath(route, path) {
  const { segments, rest } = route;
  if (rest ? path.length <= segments.length : path.length !== segments.length) return null;
  /** @type {Record<string, string>} */
  const params = {};
  const rank = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const value = decode(path[i]);
    if (segment.kind === "literal") {
      if (value !== segment.value) return null;
      rank.push(3);
    } else {
      if (value === "") return null;
      params[segment.name] = value;
      rank.push(2);
    }
  }
  if (rest) {
    params["*"] = path.slice(segments.length).map(decode).join("/");
    rank.push(1);
  }
  return { params, rank };
}

/** @param {number[]} a @param {number[]} b */
function compareRank(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A router for one function: its own routes, and (AWS, the function behind the HTTP API's $default
 * route) the other functions' routes, which only ever turn a 404 into a 405.
 * @param {readonly string[]} routes @param {readonly string[]} [fallbackRoutes]
 */
export function createRouter(routes, fallbackRoutes = []) {
  const own = compileRoutes(routes);
  const all = fallbackRoutes.length > 0 ? [...own, ...compileRoutes(fallbackRoutes)] : own;
  return {
    /** @param {string} method @param {string} pathname @returns {RouteMatch} */
    match(method, pathname) {
      const result = matchRoute(own, method, pathname);
      if (result.kind === "match" || all === own) return result;
      const anywhere = matchRoute(all, method, pathname);
      // Another function's route with this very method never reaches this function (API Gateway routes
      // it there), so only "another method" is news.
      return anywhere.kind === "method" ? anywhere : result;
    },
  };
}
