// @ts-check
/** Error types the runtime throws. Each message names what the user can change. */

/** A call that breaks one of the limits every platform enforces (limits.js). */
export class LimitError extends RangeError {
  /** @param {string} message @param {{limit: string, max?: number, actual?: number}} details */
  constructor(message, details) {
    super(message);
    this.name = "LimitError";
    this.limit = details.limit;
    this.max = details.max;
    this.actual = details.actual;
  }
}

/** A method the function's declared access does not allow (access.js). A TypeError, as the issue asks. */
export class AccessError extends TypeError {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "AccessError";
  }
}

/**
 * The deployment does not fit the code or the function table: no default export, a missing
 * handler method, an unknown environment, a variable or secret that is not set.
 */
export class ConfigError extends Error {
  /** @param {string} message @param {{cause?: unknown}} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = "ConfigError";
  }
}

/** An incoming platform event the adapter cannot turn into a portable call (answered 400 for HTTP). */
export class EventError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "EventError";
  }
}

/** The text of any thrown value, for logs and messages. @param {unknown} error */
export function describeError(error) {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
