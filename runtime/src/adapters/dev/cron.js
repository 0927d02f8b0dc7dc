// @ts-check
/**
 * Schedules on their cron, in the host's local time (`--cron`): 5-field Unix cron as the spec has it
 * (docs/spec.md): minute hour day-of-month month day-of-week; `*`, lists, ranges and steps; names
 * JAN-DEC and SUN-SAT in any case; day of week 0-7 with 0 and 7 Sunday. When both day fields are
 * restricted (neither is `*`) a day matches when either does, as Unix cron runs. The spec checked the
 * expression already; an expression this parser refuses is an error naming the field.
 */

const FIELDS = /** @type {const} */ ([
  { name: "minute", min: 0, max: 59, names: [] },
  { name: "hour", min: 0, max: 23, names: [] },
  { name: "day of month", min: 1, max: 31, names: [] },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
  { name: "day of week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
]);

/**
 * @typedef {{expression: string, minutes: Set<number>, hours: Set<number>, days: Set<number>, months: Set<number>,
 *   weekdays: Set<number>, anyDay: boolean, anyWeekday: boolean}} Cron
 */

/**
 * Parses a 5-field cron expression. Throws a SyntaxError naming the field that is wrong.
 * @param {string} expression
 * @returns {Cron}
 */
export function parseCron(expression) {
  const fields = expression.trim().split(/[ \t]+/);
  if (fields.length !== 5) throw new SyntaxError(`cron ${JSON.stringify(expression)}: a schedule needs 5 fields (minute hour day-of-month month day-of-week), not ${fields.length}`);
  const sets = fields.map((text, i) => parseField(text, FIELDS[i], expression));
  const weekdays = new Set([...sets[4]].map((d) => d % 7));
  return {
    expression,
    minutes: sets[0],
    hours: sets[1],
    days: sets[2],
    months: sets[3],
    weekdays,
    anyDay: fields[2] === "*",
    anyWeekday: fields[4] === "*",
  };
}

/**
 * @param {string} text @param {(typeof FIELDS)[number]} field @param {string} expression
 * @returns {Set<number>}
 */
function parseField(text, field, expression) {
  const fail = (/** @type {string} */ why) => new SyntaxError(`cron ${JSON.stringify(expression)}: ${JSON.stringify(text)} is not a valid ${field.name}: ${why}`);
  /** @param {string} s */
  const value = (s) => {
    if (/^\d+$/.test(s)) {
      const n = Number(s);
      if (n < field.min || n > field.max) throw fail(`${n} is outside ${field.min}-${field.max}`);
      return n;
    }
    const index = /** @type {readonly string[]} */ (field.names).indexOf(s.toUpperCase());
    if (index >= 0) return field.name === "month" ? index + 1 : index;
    throw fail(s === "" ? "a value is missing" : `'${s}' is not a number${field.names.length ? " or a name" : ""}`);
  };
  /** @type {Set<number>} */
  const set = new Set();
  if (text === "*") {
    for (let n = field.min; n <= field.max; n++) set.add(n);
    return set;
  }
  for (const item of text.split(",")) {
    const [base, stepText, extra] = item.split("/");
    if (extra !== undefined) throw fail(`'${item}' has more than one '/'`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) throw fail(`the step '${stepText}' must be a positive number`);
      step = Number(stepText);
    }
    let from, to;
    if (base === "*") {
      if (stepText === undefined) throw fail("'*' cannot be part of a list");
      [from, to] = [field.min, field.max];
    } else {
      const [a, b, more] = base.split("-");
      if (more !== undefined) throw fail(`'${base}' is not a range`);
      from = value(a);
      to = b === undefined ? (stepText === undefined ? from : field.max) : value(b);
      if (to < from) throw fail(`the range ${base} runs backwards`);
    }
    for (let n = from; n <= to; n += step) set.add(n);
  }
  return set;
}

/**
 * Whether the schedule runs in the minute of `date`, in local time.
 * @param {Cron} cron @param {Date} date
 */
export function matches(cron, date) {
  if (!cron.minutes.has(date.getMinutes()) || !cron.hours.has(date.getHours()) || !cron.months.has(date.getMonth() + 1)) return false;
  const day = cron.days.has(date.getDate());
  const weekday = cron.weekdays.has(date.getDay());
  if (!cron.anyDay && !cron.anyWeekday) return day || weekday;
  return day && weekday;
}

/**
 * The first minute after `after` (local time) when the schedule runs, within five years; undefined
 * when it never does (e.g. 31 FEB).
 * @param {Cron} cron @param {Date} after
 */
export function nextRun(cron, after) {
  const t = new Date(after.getTime());
  t.setSeconds(0, 0);
  t.setMinutes(t.getMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 24 * 3600 * 1000;
  while (t.getTime() <= limit) {
    if (!cron.months.has(t.getMonth() + 1) || !dayMatches(cron, t)) {
      t.setDate(t.getDate() + 1);
      t.setHours(0, 0, 0, 0);
    } else if (!cron.hours.has(t.getHours())) {
      t.setHours(t.getHours() + 1, 0, 0, 0);
    } else if (!cron.minutes.has(t.getMinutes())) {
      t.setMinutes(t.getMinutes() + 1, 0, 0);
    } else return t;
  }
  return undefined;
}

/** @param {Cron} cron @param {Date} date */
function dayMatches(cron, date) {
  const day = cron.days.has(date.getDate());
  const weekday = cron.weekdays.has(date.getDay());
  return !cron.anyDay && !cron.anyWeekday ? day || weekday : day && weekday;
}

/**
 * Runs schedules on their cron: a timer at each whole minute checks every schedule against that
 * minute (local time; a minute skipped by a clock change is not run, a repeated one runs again).
 */
export class CronScheduler {
  /**
   * @param {{schedules: {function: string, cron: string}[], run: (fn: string, cron: string, scheduledTime: number) => void,
   *   now?: () => number}} options
   */
  constructor({ schedules, run, now = Date.now }) {
    this.schedules = schedules.map((s) => ({ ...s, parsed: parseCron(s.cron) }));
    this.run = run;
    this.now = now;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.lastMinute = Math.floor(now() / 60_000);
  }

  start() {
    if (this.schedules.length === 0) return;
    const wait = (Math.floor(this.now() / 60_000) + 1) * 60_000 - this.now();
    this.timer = setTimeout(() => this.#tick(), wait + 5);
    this.timer.unref?.();
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Runs what is due in every minute since the last tick (each minute once), then waits for the next. */
  #tick() {
    const minute = Math.floor(this.now() / 60_000);
    for (let m = this.lastMinute + 1; m <= minute; m++) this.runMinute(m * 60_000);
    this.lastMinute = Math.max(this.lastMinute, minute);
    this.start();
  }

  /** Runs every schedule due in the minute starting at `time` (ms). @param {number} time */
  runMinute(time) {
    const date = new Date(time);
    for (const s of this.schedules) if (matches(s.parsed, date)) this.run(s.function, s.cron, time);
  }
}
