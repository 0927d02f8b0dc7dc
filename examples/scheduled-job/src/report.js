// Runs on a schedule: reads usage counters and writes a report.
export default {
  async scheduled(controller, env) {
    const report = `generated,${new Date(controller.scheduledTime).toISOString()}\n`;
    await env.REPORTS.put(`reports/${controller.scheduledTime}.csv`, report);
  },
};

export async function handler() {
  return { ok: true };
}
