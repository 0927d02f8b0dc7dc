// The shop API, one module for every platform (docs/runtime.md).
//
// - The catalogue is in the bucket `catalog-images` (env.CATALOG_IMAGES, read access):
//   products/<id>.json ({ "name", "price" } with the price in cents) and images/<id>.jpg.
// - Orders and sessions are in the kv store `sessions` (env.SESSIONS): order:<id> (the order, kept
//   90 days) and session:<sid> (the orders of a browser session, 30 days), the session id in a
//   `sid` cookie. An order is only shown to its own session.
// - Placing an order creates a Stripe PaymentIntent (env.STRIPE_KEY, a secret; env.STRIPE_API) whose
//   client_secret the page uses to collect the payment, and queues the order id on `orders`
//   (env.ORDERS) for fulfil, which confirms by e-mail once the payment has succeeded.
// - Prices are in env.CURRENCY (EUR when the environment does not set it).
import { stripe } from "./lib/stripe.js";
import { logger } from "./lib/log.js";

const ORDER_TTL = 90 * 86_400;
const SESSION_TTL = 30 * 86_400;

const json = (value, status = 200, headers = {}) => Response.json(value, { status, headers });
const failure = (status, error, more = {}) => json({ error, ...more }, status);

export default {
  async fetch(request, env, ctx) {
    const log = logger(env);
    const { key, params } = ctx.route;
    log.debug("request", { route: key, params });
    switch (key) {
      case "GET /products":
        return json({ currency: currency(env), products: await listProducts(env) });
      case "GET /products/{id}": {
        const product = await readProduct(env, params.id);
        if (!product) return failure(404, `no product ${params.id}`);
        const image = await env.CATALOG_IMAGES.head(`images/${params.id}.jpg`);
        return json({ ...product, currency: currency(env), image: image && { key: image.key, size: image.size, contentType: image.httpMetadata.contentType ?? null } });
      }
      case "POST /orders":
        return placeOrder(request, env, log);
      case "GET /orders/{id}": {
        const sid = sessionId(request);
        const order = sid && (await env.SESSIONS.get(`order:${params.id}`, "json"));
        if (!order || order.session !== sid) return failure(404, `no order ${params.id} in this session`);
        let payment = null; // unknown while Stripe cannot be reached: the order is still shown
        try {
          payment = (await stripe(env).getPaymentIntent(order.paymentIntent)).status;
        } catch (error) {
          log.warn("payment status unavailable", { order: order.id, reason: error.message });
        }
        return json({ ...publicOrder(order), payment });
      }
    }
    return failure(500, `no handler for ${key}`);
  },
};

const currency = (env) => env.CURRENCY ?? "EUR";

/** The session id of the `sid` cookie, if any. */
function sessionId(request) {
  const cookie = request.headers.get("cookie") ?? "";
  return /(?:^|;\s*)sid=([0-9a-f-]{36})(?:;|$)/.exec(cookie)?.[1];
}

async function readProduct(env, id) {
  const object = await env.CATALOG_IMAGES.get(`products/${id}.json`);
  if (!object) return null;
  const { name, price } = await object.json();
  return { id, name, price };
}

/** Every product of the catalogue, by id. */
async function listProducts(env) {
  const ids = [];
  let cursor;
  do {
    const page = await env.CATALOG_IMAGES.list({ prefix: "products/", cursor });
    ids.push(...page.objects.filter((o) => o.key.endsWith(".json")).map((o) => o.key.slice("products/".length, -".json".length)));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return (await Promise.all(ids.map((id) => readProduct(env, id)))).filter(Boolean);
}

/** POST /orders: { email, items: [{ product, quantity }] } -> 201 { order, clientSecret }. */
async function placeOrder(request, env, log) {
  let input;
  try {
    input = await request.json();
  } catch {
    return failure(400, "the body is not JSON");
  }
  const { email, items } = input ?? {};
  const problems = [];
  if (typeof email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(email)) problems.push("email must be an e-mail address");
  if (!Array.isArray(items) || items.length < 1 || items.length > 20) problems.push("items must be a list of 1 to 20 items");
  else
    items.forEach((item, i) => {
      if (typeof item?.product !== "string" || !/^[a-z0-9-]{1,40}$/.test(item.product)) problems.push(`items[${i}].product must be a product id`);
      if (!Number.isInteger(item?.quantity) || item.quantity < 1 || item.quantity > 10) problems.push(`items[${i}].quantity must be a whole number from 1 to 10`);
    });
  if (problems.length > 0) return failure(400, "invalid order", { problems });

  const products = await Promise.all(items.map((item) => readProduct(env, item.product)));
  const unknown = items.filter((_, i) => !products[i]).map((item) => item.product);
  if (unknown.length > 0) return failure(400, "invalid order", { problems: unknown.map((id) => `no product ${id}`) });
  const lines = items.map((item, i) => ({ product: item.product, name: products[i].name, quantity: item.quantity, price: products[i].price }));
  const total = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);

  let sid = sessionId(request);
  const session = (sid && (await env.SESSIONS.get(`session:${sid}`, "json"))) || null;
  const newSession = !session;
  if (newSession) sid = crypto.randomUUID();
  const id = crypto.randomUUID();

  let intent;
  try {
    intent = await stripe(env).createPaymentIntent({ amount: total, currency: currency(env), orderId: id, email });
  } catch (error) {
    log.error("payment intent failed", { order: id, reason: error.message });
    return failure(502, "the payment provider did not accept the order; try again later");
  }
  const order = { id, session: sid, email, lines, total, currency: currency(env), paymentIntent: intent.id, created: new Date().toISOString() };
  await env.SESSIONS.put(`order:${id}`, JSON.stringify(order), { expirationTtl: ORDER_TTL });
  await env.SESSIONS.put(`session:${sid}`, JSON.stringify({ orders: [...(session?.orders ?? []), id] }), { expirationTtl: SESSION_TTL });
  await env.ORDERS.send({ orderId: id });
  log.info("order placed", { order: id, total, paymentIntent: intent.id });
  const headers = newSession ? { "set-cookie": `sid=${sid}; Path=/; Max-Age=${SESSION_TTL}; HttpOnly; Secure; SameSite=Lax` } : {};
  return json({ order: publicOrder(order), clientSecret: intent.client_secret }, 201, { location: `/orders/${id}`, ...headers });
}

/** An order as its customer sees it (without the session id). */
function publicOrder({ session, ...order }) {
  return order;
}
