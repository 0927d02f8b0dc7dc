// The two Stripe API calls the shop makes (docs.stripe.com/api/payment_intents), with the secret
// key from env.STRIPE_KEY. The key goes in the Authorization header and nowhere else: errors and
// logs name the call and Stripe's message, never the key.

/** A Stripe client for `env.STRIPE_API` (https://api.stripe.com) and `env.STRIPE_KEY`. */
export function stripe(env) {
  const call = async (method, path, form, idempotencyKey) => {
    const headers = { authorization: `Bearer ${env.STRIPE_KEY}` };
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    const response = await fetch(`${env.STRIPE_API}${path}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(`Stripe ${method} ${path} failed with ${response.status}: ${body.error?.message ?? "no message"}`);
    return body;
  };
  return {
    /** A PaymentIntent for an order; the order id makes a retried request create nothing new. */
    createPaymentIntent: ({ amount, currency, orderId, email }) =>
      call(
        "POST",
        "/v1/payment_intents",
        { amount: String(amount), currency: currency.toLowerCase(), "metadata[order_id]": orderId, receipt_email: email, "automatic_payment_methods[enabled]": "true" },
        `order-${orderId}`,
      ),
    getPaymentIntent: (id) => call("GET", `/v1/payment_intents/${encodeURIComponent(id)}`),
  };
}
