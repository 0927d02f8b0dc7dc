// The usage reports, on two schedules (one module for every platform: docs/runtime.md).
//
// The kv store `usage` (env.USAGE, read access) holds one key per customer and day,
// `<YYYY-MM-DD>/<customer>`, whose metadata is `{ "requests": n, "bytes": n }` (written by the
// services that meter usage). Reading the counters from the listing's metadata costs one list call
// per 1,000 customers and no reads.
//
// - "0 2 * * *": the full report of the previous UTC day, daily/<day>.<csv|json> in the bucket
//   `reports` (env.REPORTS, write access), then the daily report RETENTION_DAYS older is deleted.
// - "30 7 * * MON-FRI": the ten busiest customers of the previous day, morning/<today>.<csv|json>.
// REPORT_FORMAT is csv or json.

const DAY_MS = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

export default {
  async scheduled(controller, env) {
    const settings = readSettings(env);
    const day = isoDay(controller.scheduledTime - DAY_MS);
    switch (controller.cron) {
      case "0 2 * * *": {
        const rows = await readUsage(env, day);
        await writeReport(env, settings, `daily/${day}`, day, rows);
        const expired = `daily/${isoDay(Date.parse(day) - settings.retentionDays * DAY_MS)}.${settings.format}`;
        await env.REPORTS.delete(expired);
        console.log(`daily report of ${day}: ${rows.length} customers; deleted ${expired} if it was there`);
        return;
      }
      case "30 7 * * MON-FRI": {
        const rows = await readUsage(env, day);
        const busiest = rows.sort((a, b) => b.requests - a.requests || (a.customer < b.customer ? -1 : 1)).slice(0, 10);
        await writeReport(env, settings, `morning/${isoDay(controller.scheduledTime)}`, day, busiest);
        console.log(`morning summary of ${day}: the ${busiest.length} busiest of ${rows.length} customers`);
        return;
      }
      default:
        throw new Error(`nightly-report has no report for the schedule ${controller.cron}`);
    }
  },
};

function readSettings(env) {
  const format = env.REPORT_FORMAT;
  const retentionDays = Number(env.RETENTION_DAYS);
  if (format !== "csv" && format !== "json") throw new Error(`REPORT_FORMAT must be csv or json, not ${format}`);
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error(`RETENTION_DAYS must be a whole number of days, not ${env.RETENTION_DAYS}`);
  return { format, retentionDays };
}

/** Every customer's counters of a day, in key order, from the listing's metadata (all pages). */
async function readUsage(env, day) {
  const prefix = `${day}/`;
  const rows = [];
  let cursor;
  do {
    const page = await env.USAGE.list({ prefix, cursor });
    for (const { name, metadata } of page.keys) {
      const requests = Number(metadata?.requests ?? 0);
      const bytes = Number(metadata?.bytes ?? 0);
      rows.push({ customer: name.slice(prefix.length), requests, bytes });
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return rows;
}

async function writeReport(env, { format }, path, day, rows) {
  const total = rows.reduce((sum, row) => ({ requests: sum.requests + row.requests, bytes: sum.bytes + row.bytes }), { requests: 0, bytes: 0 });
  const text =
    format === "json"
      ? JSON.stringify({ day, customers: rows, total }, null, 2)
      : ["customer,requests,bytes", ...rows.map((r) => [csvField(r.customer), r.requests, r.bytes].join(",")), `total,${total.requests},${total.bytes}`].join("\r\n") + "\r\n";
  await env.REPORTS.put(`${path}.${format}`, text, {
    httpMetadata: { contentType: format === "json" ? "application/json" : "text/csv; charset=utf-8" },
    customMetadata: { day, customers: String(rows.length) },
  });
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
const csvField = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
