// Log lines as JSON, filtered by env.LOG_LEVEL (debug, info, warn, error). Handlers pass the fields
// to log explicitly; secrets are never among them.
const LEVELS = ["debug", "info", "warn", "error"];

export function logger(env) {
  const threshold = Math.max(0, LEVELS.indexOf(env.LOG_LEVEL ?? "info"));
  const write = (level) => (message, fields = {}) => {
    if (LEVELS.indexOf(level) >= threshold) (level === "error" ? console.error : console.log)(JSON.stringify({ level, message, ...fields }));
  };
  return Object.fromEntries(LEVELS.map((level) => [level, write(level)]));
}
