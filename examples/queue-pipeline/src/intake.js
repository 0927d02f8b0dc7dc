// Accepts an order over HTTP, checks it, and queues it for fulfil (env.JOBS, the queue `jobs`).
// The client gets the order's id at once (202 Accepted); the receipt appears when fulfil has run.
import { orderProblems } from "./lib/order.js";

export default {
  async fetch(request, env) {
    let input;
    try {
      input = await request.json();
    } catch {
      return Response.json({ error: "the body is not JSON" }, { status: 400 });
    }
    const problems = orderProblems(input);
    if (problems.length > 0) return Response.json({ error: "invalid order", problems }, { status: 400 });
    const order = {
      id: crypto.randomUUID(),
      customer: input.customer,
      items: input.items.map(({ sku, quantity }) => ({ sku, quantity })),
      placedAt: new Date().toISOString(),
    };
    await env.JOBS.send(order);
    console.log(`order ${order.id} queued (${order.items.length} items)`);
    return Response.json({ id: order.id, status: "queued", receipt: `receipts/${order.id}.json` }, { status: 202 });
  },
};
