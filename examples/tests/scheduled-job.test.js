// examples/scheduled-job: one handler on two schedules, on AWS (EventBridge's Scheduled Event for
// the template's rule, moto) and Cloudflare (the Cron Triggers of wrangler.toml), with the same
// usage data, the same scheduled times and the same checks of the reports written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onBothPlatforms } from "./support/platform.js";

const DAY = "2026-03-09";
const NIGHTLY = Date.parse("2026-03-10T02:00:00Z");
const MORNING = Date.parse("2026-03-10T07:30:00Z"); // a Tuesday
/** More customers than one list page (1,000) holds, plus a name CSV must quote. */
const customers = [...Array.from({ length: 1100 }, (_, i) => `cust-${String(i).padStart(4, "0")}`), "Zoë, \"Ltd\""];
const usage = (i) => ({ requests: (i * 37) % 1000, bytes: i * 100 });

onBothPlatforms("scheduled-job", {}, (app) => {
  test("the nightly report lists every customer of the previous day and deletes the one RETENTION_DAYS old", async () => {
    await app().kv("usage").putMany([
      ...customers.map((customer, i) => ({ key: `${DAY}/${customer}`, value: "", metadata: usage(i) })),
      { key: "2026-03-08/cust-0001", value: "", metadata: { requests: 999999, bytes: 1 } },
    ]);
    await app().bucket("reports").put("daily/2025-12-09.csv", "old\r\n", { contentType: "text/csv" });
    await app().bucket("reports").put("daily/2025-12-10.csv", "younger\r\n", { contentType: "text/csv" });

    assert.deepEqual(await app().schedule("nightly-report", "0 2 * * *", NIGHTLY), { failed: false });

    const report = await app().bucket("reports").get(`daily/${DAY}.csv`);
    assert.ok(report, "the report is in the bucket");
    assert.equal(report.contentType, "text/csv; charset=utf-8");
    assert.deepEqual(report.customMetadata, { day: DAY, customers: "1101" });
    const lines = report.text.split("\r\n");
    assert.equal(lines.at(-1), "", "the last line ends with CRLF");
    assert.equal(lines[0], "customer,requests,bytes");
    assert.equal(lines.length, 1 + customers.length + 1 + 1);
    assert.equal(lines[1], `"Zoë, ""Ltd""",${usage(1100).requests},110000`, "in the keys' UTF-8 order: Z before c");
    assert.equal(lines[2], "cust-0000,0,0");
    assert.equal(lines[1101], `cust-1099,${usage(1099).requests},109900`);
    const total = customers.reduce((sum, _, i) => sum + usage(i).requests, 0);
    assert.equal(lines[1102], `total,${total},${customers.reduce((sum, _, i) => sum + usage(i).bytes, 0)}`);

    assert.deepEqual(await app().bucket("reports").keys("daily/"), ["daily/2025-12-10.csv", `daily/${DAY}.csv`], "the report 90 days older is gone, the younger one kept");
    assert.match(app().logs("nightly-report"), /daily report of 2026-03-09: 1101 customers; deleted daily\/2025-12-09.csv/);
  });

  test("the weekday morning summary has the ten busiest customers of the previous day", async () => {
    assert.deepEqual(await app().schedule("nightly-report", "30 7 * * MON-FRI", MORNING), { failed: false });
    const summary = await app().bucket("reports").get("morning/2026-03-10.csv");
    assert.ok(summary);
    const expected = customers
      .map((customer, i) => ({ customer, ...usage(i) }))
      .sort((a, b) => b.requests - a.requests || (a.customer < b.customer ? -1 : 1))
      .slice(0, 10);
    const rows = summary.text.trim().split("\r\n").slice(1, -1);
    assert.deepEqual(rows, expected.map((r) => `${r.customer},${r.requests},${r.bytes}`));
    assert.deepEqual(summary.customMetadata, { day: DAY, customers: "10" });
  });
});
