// @ts-check
/** Rules of the platforms that the test harnesses need: key order, EventBridge's cron form. */

/** Compares strings by their UTF-8 bytes (the order KV, R2, S3 and DynamoDB list in). @param {string} a @param {string} b */
export function byteOrder(a, b) {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return Buffer.compare(x, y);
}

/**
 * EventBridge's schedule expression for a 5-field Unix cron (UTC): a year field is added and one of
 * day-of-month and day-of-week becomes "?", as EventBridge requires. Only the forms the examples use
 * (numbers, *, names and ranges of days) are converted; anything else throws.
 * @param {string} cron
 */
export function eventBridgeExpression(cron) {
  const [minute, hour, day, month, weekday, ...rest] = cron.trim().split(/\s+/);
  if (rest.length > 0 || weekday === undefined) throw new Error(`not a 5-field cron: ${cron}`);
  if (![minute, hour, day, month].every((f) => /^(\*|\d+(-\d+)?(,\d+(-\d+)?)*)(\/\d+)?$/.test(f)) || !/^(\*|[A-Z]{3}(-[A-Z]{3})?(,[A-Z]{3}(-[A-Z]{3})?)*)$/.test(weekday)) {
    throw new Error(`eventBridgeExpression does not convert ${cron}`);
  }
  return weekday === "*" ? `cron(${minute} ${hour} ${day} ${month} ? *)` : `cron(${minute} ${hour} ? ${month} ${weekday} *)`;
}
