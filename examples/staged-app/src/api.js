// The shop API. Secrets: STRIPE_KEY (Cloudflare: env.STRIPE_KEY; AWS: fetch the secret whose ARN is
// process.env.STRIPE_KEY_SECRET_ARN).
export default {
  async fetch(request, env) {
    return Response.json({ ok: true, currency: env.CURRENCY ?? "EUR" });
  },
};

export async function handler(event) {
  return { statusCode: 200, body: JSON.stringify({ ok: true }) };
}
