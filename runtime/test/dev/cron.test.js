// Cron for `distlang dev --cron`: Unix 5-field expressions as the spec has them, in local time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCron, matches, nextRun, CronScheduler } from "../../src/adapters/dev/cron.js";

/** A local time. */
const at = (y, mo, d, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

test("fields: values, lists, ranges, steps and names", () => {
  const c = parseCron("*/15 9-17 1,15 jan-MAR MON-fri");
  assert.deepEqual([...c.minutes], [0, 15, 30, 45]);
  assert.deepEqual([...c.hours], [9, 10, 11, 12, 13, 14, 15, 16, 17]);
  assert.deepEqual([...c.days], [1, 15]);
  assert.deepEqual([...c.months], [1, 2, 3]);
  assert.deepEqual([...c.weekdays], [1, 2, 3, 4, 5]);
  assert.deepEqual([...parseCron("5/20 0 * * *").minutes], [5, 25, 45]);
  assert.deepEqual([...parseCron("0 0 * * 1-5/2").weekdays], [1, 3, 5]);
  assert.deepEqual([...parseCron("0 0 * * 7").weekdays], [0], "7 is Sunday");
  assert.deepEqual([...parseCron("0 0 * * 5-7").weekdays].sort(), [0, 5, 6]);
});

test("a wrong expression is an error naming the field", () => {
  assert.throws(() => parseCron("0 3 * *"), /needs 5 fields .*not 4/);
  assert.throws(() => parseCron("60 * * * *"), /"60" is not a valid minute: 60 is outside 0-59/);
  assert.throws(() => parseCron("0 0 * FOO *"), /is not a valid month: 'FOO' is not a number or a name/);
  assert.throws(() => parseCron("0 0 5-1 * *"), /the range 5-1 runs backwards/);
  assert.throws(() => parseCron("*/0 * * * *"), /the step '0' must be a positive number/);
  assert.throws(() => parseCron("0 0 L * *"), /day of month/);
});

test("matching is in local time; both day fields restricted means either may match", () => {
  const nightly = parseCron("0 3 * * *");
  assert.equal(matches(nightly, at(2025, 6, 10, 3, 0)), true);
  assert.equal(matches(nightly, at(2025, 6, 10, 3, 1)), false);
  const either = parseCron("0 12 13 * FRI");
  assert.equal(matches(either, at(2025, 6, 13, 12)), true, "the 13th (a Friday)");
  assert.equal(matches(either, at(2025, 7, 13, 12)), true, "the 13th (a Sunday)");
  assert.equal(matches(either, at(2025, 7, 18, 12)), true, "a Friday");
  assert.equal(matches(either, at(2025, 7, 19, 12)), false);
  const fridaysOnly = parseCron("0 12 * * FRI");
  assert.equal(matches(fridaysOnly, at(2025, 7, 13, 12)), false);
});

test("nextRun finds the next minute, across months and years; never for an impossible day", () => {
  assert.deepEqual(nextRun(parseCron("30 7 * * MON-FRI"), at(2025, 6, 13, 8, 0)), at(2025, 6, 16, 7, 30));
  assert.deepEqual(nextRun(parseCron("0 0 1 1 *"), at(2025, 3, 1)), at(2026, 1, 1));
  assert.deepEqual(nextRun(parseCron("*/5 * * * *"), at(2025, 3, 1, 10, 4)), at(2025, 3, 1, 10, 5));
  assert.deepEqual(nextRun(parseCron("0 0 29 2 *"), at(2025, 3, 1)), at(2028, 2, 29));
  assert.equal(nextRun(parseCron("0 0 31 2 *"), at(2025, 1, 1)), undefined);
});

test("the scheduler runs each schedule due in a minute, once per minute", () => {
  const runs = [];
  const scheduler = new CronScheduler({
    schedules: [
      { function: "report", cron: "0 2 * * *" },
      { function: "report", cron: "30 7 * * MON-FRI" },
      { function: "sweep", cron: "*/30 * * * *" },
    ],
    run: (fn, cron, time) => runs.push(`${fn} ${cron} ${new Date(time).getHours()}:${new Date(time).getMinutes()}`),
  });
  scheduler.runMinute(at(2025, 6, 16, 2, 0).getTime());
  scheduler.runMinute(at(2025, 6, 16, 7, 30).getTime());
  scheduler.runMinute(at(2025, 6, 14, 7, 30).getTime()); // a Saturday
  scheduler.runMinute(at(2025, 6, 16, 7, 31).getTime());
  assert.deepEqual(runs, ["report 0 2 * * * 2:0", "sweep */30 * * * * 2:0", "report 30 7 * * MON-FRI 7:30", "sweep */30 * * * * 7:30", "sweep */30 * * * * 7:30"]);
});

test("local time is the host's time zone (TZ): 0 3 * * * runs at 03:00 New York time, 07:00 UTC in June", async () => {
  const { execFileSync } = await import("node:child_process");
  const script = `
    import { parseCron, matches } from ${JSON.stringify(new URL("../../src/adapters/dev/cron.js", import.meta.url).href)};
    const c = parseCron("0 3 * * *");
    console.log(matches(c, new Date(Date.UTC(2025, 5, 10, 7, 0))), matches(c, new Date(Date.UTC(2025, 5, 10, 3, 0))));`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, TZ: "America/New_York" } });
  assert.equal(out.toString().trim(), "true false");
});

test("started, the scheduler fires at the next whole minute and runs what is due then", async () => {
  // A clock 40 ms before a minute boundary that then runs at real speed.
  const boundary = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000;
  const offset = boundary - 40 - Date.now();
  const runs = [];
  const scheduler = new CronScheduler({
    schedules: [{ function: "tick", cron: "* * * * *" }],
    run: (fn, cron, time) => runs.push(time),
    now: () => Date.now() + offset,
  });
  scheduler.start();
  const deadline = Date.now() + 3000;
  while (runs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  scheduler.stop();
  assert.deepEqual(runs, [boundary]);
});
