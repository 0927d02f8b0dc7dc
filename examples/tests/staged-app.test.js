// examples/staged-app: the shop's api and fulfil, one handler file each, in both environments, on
// AWS (moto; the secrets in Secrets Manager under the template's names) and Cloudflare (secrets as
// the Workers' secret bindings). Stripe and the mail API are served locally (support/services.js);
// the functions' STRIPE_API and MAIL_API variables point there.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { onBothPlatforms } from "./support/platform.js";
import { startServices } from "./support/services.js";

const STRIPE_KEY = "sk_test_51Hx-never-logged-7f3a";
const MAIL_API_KEY = "re_test_never-logged-91c2";
const services = await startServices({ stripeKey: STRIPE_KEY, mailKey: MAIL_API_KEY });
after(() => services.close());

const options = (environment) => ({
  environment,
  secrets: { STRIPE_KEY, MAIL_API_KEY },
  variables: { STRIPE_API: services.url, MAIL_API: services.url },
});

/** The catalogue, as the shop's staff would upload it. @param {import("./support/platform.js").Platform} app */
async function seedCatalogue(app) {
  const bucket = app.bucket("catalog-images");
  await bucket.put("products/lamp.json", JSON.stringify({ name: "Desk lamp", price: 4500 }), { contentType: "application/json" });
  await bucket.put("products/mug.json", JSON.stringify({ name: "Mug", price: 1250 }), { contentType: "application/json" });
  await bucket.put("images/lamp.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), { contentType: "image/jpeg" });
}

onBothPlatforms("staged-app", options("staging"), (app) => {
  before(async () => {
    services.reset();
    await seedCatalogue(app());
  });
  const post = (body, cookie) =>
    app().fetch("api", "POST", "/orders", { headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

  test("products come from the catalogue in the bucket, priced in the environment's currency", async () => {
    const list = await app().fetch("api", "GET", "/products");
    assert.equal(list.status, 200);
    assert.deepEqual(await list.json(), { currency: "EUR", products: [{ id: "lamp", name: "Desk lamp", price: 4500 }, { id: "mug", name: "Mug", price: 1250 }] });
    const lamp = await app().fetch("api", "GET", "/products/lamp");
    assert.deepEqual(await lamp.json(), { id: "lamp", name: "Desk lamp", price: 4500, currency: "EUR", image: { key: "images/lamp.jpg", size: 7, contentType: "image/jpeg" } });
    assert.deepEqual((await (await app().fetch("api", "GET", "/products/mug")).json()).image, null);
    const missing = await app().fetch("api", "GET", "/products/sofa");
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { error: "no product sofa" });
  });

  test("an order: a PaymentIntent with the secret key, the order in kv for its session, its id on the queue", async () => {
    const placed = await post({ email: "ana@example.com", items: [{ product: "lamp", quantity: 1 }, { product: "mug", quantity: 2 }] });
    assert.equal(placed.status, 201);
    const cookie = placed.headers.get("set-cookie");
    assert.match(cookie, /^sid=[0-9a-f-]{36}; Path=\/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax$/);
    const { order, clientSecret } = await placed.json();
    assert.equal(placed.headers.get("location"), `/orders/${order.id}`);
    assert.equal(order.total, 4500 + 2 * 1250);
    assert.equal(order.currency, "EUR");
    assert.deepEqual(order.lines, [{ product: "lamp", name: "Desk lamp", quantity: 1, price: 4500 }, { product: "mug", name: "Mug", quantity: 2, price: 1250 }]);

    const intent = services.intents.get(order.paymentIntent);
    assert.equal(clientSecret, intent.client_secret);
    assert.deepEqual([intent.amount, intent.currency, intent.metadata, intent.receipt_email], [7000, "eur", { order_id: order.id }, "ana@example.com"]);
    const call = services.requests.find((r) => r.path === "/v1/payment_intents");
    assert.equal(call.authorization, `Bearer ${STRIPE_KEY}`, "the secret reached Stripe as the bearer token");
    assert.equal(call.idempotencyKey, `order-${order.id}`);

    const stored = JSON.parse(await app().kv("sessions").get(`order:${order.id}`));
    const sid = /^sid=([^;]+)/.exec(cookie)[1];
    assert.deepEqual(stored, { ...order, session: sid });
    assert.deepEqual(JSON.parse(await app().kv("sessions").get(`session:${sid}`)), { orders: [order.id] });

    const sid2 = `sid=${sid}`;
    const seen = await app().fetch("api", "GET", `/orders/${order.id}`, { headers: { cookie: sid2 } });
    assert.deepEqual(await seen.json(), { ...order, payment: "requires_payment_method" });
    assert.equal((await app().fetch("api", "GET", `/orders/${order.id}`)).status, 404, "without the session cookie");
    assert.equal((await app().fetch("api", "GET", `/orders/${order.id}`, { headers: { cookie: `sid=${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}` } })).status, 404);

    const second = await post({ email: "ana@example.com", items: [{ product: "mug", quantity: 1 }] }, sid2);
    assert.equal(second.headers.get("set-cookie"), null, "the session is kept");
    const secondId = (await second.json()).order.id;
    assert.deepEqual(JSON.parse(await app().kv("sessions").get(`session:${sid}`)), { orders: [order.id, secondId] });

    // fulfil: payment not finished -> retried; paid -> one e-mail, even when delivered again.
    const waiting = await app().deliver("orders");
    assert.deepEqual(waiting.received.map((m) => m.body).sort((a, b) => (a.orderId < b.orderId ? -1 : 1)), [{ orderId: order.id }, { orderId: secondId }].sort((a, b) => (a.orderId < b.orderId ? -1 : 1)));
    assert.equal(waiting.retried.length, 2);
    services.setStatus(order.paymentIntent, "succeeded");
    services.setStatus(services.intents.get(JSON.parse(await app().kv("sessions").get(`order:${secondId}`)).paymentIntent).id, "canceled");
    const paid = await app().deliver("orders");
    assert.deepEqual(paid.acked.map((b) => b.orderId).sort(), [order.id, secondId].sort());
    assert.deepEqual(services.emails.map((e) => [e.from, e.to, e.subject]), [["Shop <orders@shop.example.com>", ["ana@example.com"], `Your order ${order.id.slice(0, 8)}`]]);
    assert.equal(services.emails[0].text, `Thank you for your order ${order.id}.\n\n1 x Desk lamp: 45.00 EUR\n2 x Mug: 25.00 EUR\nTotal: 70.00 EUR`);
    const mail = services.requests.find((r) => r.path === "/emails");
    assert.deepEqual([mail.authorization, mail.idempotencyKey], [`Bearer ${MAIL_API_KEY}`, `order-confirmation/${order.id}`]);
    assert.deepEqual(await (await app().fetch("api", "GET", `/orders/${order.id}`, { headers: { cookie: sid2 } })).json(), { ...order, payment: "succeeded" });
  });

  test("fulfil retries a failed mail and then sends it once", async () => {
    const placed = await (await post({ email: "bo@example.com", items: [{ product: "lamp", quantity: 2 }] })).json();
    services.setStatus(placed.order.paymentIntent, "succeeded");
    services.failNext("mail", 503);
    const first = await app().deliver("orders");
    assert.deepEqual(first.retried, [{ orderId: placed.order.id }]);
    const second = await app().deliver("orders");
    assert.deepEqual(second.received.map((m) => m.attempts), [2]);
    assert.deepEqual(second.acked, [{ orderId: placed.order.id }]);
    assert.equal(services.emails.filter((e) => e.to[0] === "bo@example.com").length, 1);
    assert.match(app().logs("fulfil"), /"message":"order not fulfilled, retrying","order":"[0-9a-f-]+","reason":"the mail API answered 503"/);
  });

  test("bad orders are 400s; a refused payment is a 502; the secret keys are never logged", async () => {
    const bad = await post({ email: "x", items: [{ product: "Lamp!", quantity: 11 }] });
    assert.deepEqual(await bad.json(), {
      error: "invalid order",
      problems: ["email must be an e-mail address", "items[0].product must be a product id", "items[0].quantity must be a whole number from 1 to 10"],
    });
    const unknown = await post({ email: "a@b.c", items: [{ product: "sofa", quantity: 1 }] });
    assert.deepEqual([unknown.status, (await unknown.json()).problems], [400, ["no product sofa"]]);
    assert.equal((await app().fetch("api", "POST", "/orders", { body: "{" })).status, 400);

    const keysBefore = await app().kv("sessions").keys("order:");
    services.failNext("stripe", 500);
    const refused = await post({ email: "dee@example.com", items: [{ product: "mug", quantity: 1 }] });
    assert.deepEqual([refused.status, await refused.json()], [502, { error: "the payment provider did not accept the order; try again later" }]);
    assert.deepEqual(await app().kv("sessions").keys("order:"), keysBefore, "no order is stored");
    assert.equal((await app().deliver("orders")).received.length, 0, "nothing is queued");

    const placed = await post({ email: "dee@example.com", items: [{ product: "mug", quantity: 1 }] });
    const { order } = await placed.json();
    const cookie = placed.headers.get("set-cookie").split(";")[0];
    services.failNext("stripe", 500);
    const shown = await app().fetch("api", "GET", `/orders/${order.id}`, { headers: { cookie } });
    assert.deepEqual([shown.status, (await shown.json()).payment], [200, null], "the order is shown while Stripe is down");
    await app().deliver("orders"); // the payment is not finished: retried, out of the way

    const logs = app().logs("api") + app().logs("fulfil");
    assert.match(logs, /"level":"debug","message":"request","route":"POST \/orders"/, "staging logs at debug level");
    assert.ok(!logs.includes(STRIPE_KEY) && !logs.includes(MAIL_API_KEY), "no secret in the logs");
  });
});

onBothPlatforms("staged-app", options("production"), (app) => {
  before(async () => {
    services.reset();
    await seedCatalogue(app());
  });

  test("production: no CURRENCY (prices in EUR), info-level logs, the same orders", async () => {
    assert.equal((await (await app().fetch("api", "GET", "/products")).json()).currency, "EUR");
    const placed = await app().fetch("api", "POST", "/orders", { headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "cy@example.com", items: [{ product: "mug", quantity: 1 }] }) });
    assert.equal(placed.status, 201);
    const { order } = await placed.json();
    services.setStatus(order.paymentIntent, "succeeded");
    assert.deepEqual((await app().deliver("orders")).acked, [{ orderId: order.id }]);
    assert.equal(services.emails.length, 1);
    const logs = app().logs("api");
    assert.match(logs, /"level":"info","message":"order placed"/);
    assert.doesNotMatch(logs, /"level":"debug"/);
  });
});
