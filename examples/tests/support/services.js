// @ts-check
/**
 * The third-party HTTP APIs the shop example calls, served on 127.0.0.1 for the tests (the real
 * ones are not reachable here). Written from their public documentation, only as far as the shop
 * uses them, and recording every request so a test can check what was sent:
 *
 * - Stripe (docs.stripe.com/api): `POST /v1/payment_intents` (form-encoded `amount`, `currency`,
 *   `metadata[...]`, `receipt_email`, ...; answers a PaymentIntent with `status`
 *   "requires_payment_method" and a `client_secret`), `GET /v1/payment_intents/{id}`. Requests need
 *   `Authorization: Bearer <secret key>` (else 401 with Stripe's error object); a repeated
 *   `Idempotency-Key` gets the first answer again. `setStatus(id, status)` plays the customer paying.
 * - Resend (resend.com/docs/api-reference/emails/send-email): `POST /emails` with JSON `from`, `to`,
 *   `subject`, `text` and `Authorization: Bearer <API key>`; answers `{ id }`; a repeated
 *   `Idempotency-Key` sends nothing new.
 */
import { createServer } from "node:http";

/**
 * @param {{stripeKey: string, mailKey: string}} keys the keys the services accept
 */
export async function startServices(keys) {
  /** @type {{method: string, path: string, authorization: string | undefined, idempotencyKey: string | undefined, body: string}[]} */
  const requests = [];
  /** @type {Map<string, any>} */
  const intents = new Map();
  /** @type {Map<string, {status: number, body: unknown}>} */
  const idempotent = new Map();
  /** @type {any[]} */
  const emails = [];
  /** @type {Record<"stripe" | "mail", number | undefined>} answer the next request with this status */
  const failures = { stripe: undefined, mail: undefined };
  /** @param {"stripe" | "mail"} service */
  const takeFailure = (service) => {
    const status = failures[service];
    failures[service] = undefined;
    return status;
  };

  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const path = request.url ?? "/";
    const authorization = request.headers.authorization;
    const idempotencyKey = /** @type {string | undefined} */ (request.headers["idempotency-key"]);
    requests.push({ method: request.method ?? "GET", path, authorization, idempotencyKey, body });
    /** @param {number} status @param {unknown} value */
    const send = (status, value) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    const replay = idempotencyKey && idempotent.get(`${path} ${idempotencyKey}`);
    if (replay) return send(replay.status, replay.body);
    /** @param {number} status @param {unknown} value */
    const answer = (status, value) => {
      if (idempotencyKey && status < 500) idempotent.set(`${path} ${idempotencyKey}`, { status, body: value });
      send(status, value);
    };

    if (path.startsWith("/v1/")) {
      if (authorization !== `Bearer ${keys.stripeKey}`) {
        return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
      }
      const failure = takeFailure("stripe");
      if (failure !== undefined) return send(failure, { error: { type: "api_error", message: "An unknown error occurred" } });
      if (request.method === "POST" && path === "/v1/payment_intents") {
        const form = new URLSearchParams(body);
        const amount = Number(form.get("amount"));
        const currency = form.get("currency");
        if (!Number.isInteger(amount) || amount < 1 || !currency) {
          return answer(400, { error: { type: "invalid_request_error", message: "Missing required param: amount or currency." } });
        }
        const id = `pi_${String(intents.size + 1).padStart(6, "0")}`;
        /** @type {Record<string, string>} */
        const metadata = {};
        for (const [name, value] of form) {
          const match = /^metadata\[(.+)\]$/.exec(name);
          if (match) metadata[match[1]] = value;
        }
        const intent = { id, object: "payment_intent", amount, currency, status: "requires_payment_method", client_secret: `${id}_secret_test`, metadata, receipt_email: form.get("receipt_email") };
        intents.set(id, intent);
        return answer(200, intent);
      }
      const match = /^\/v1\/payment_intents\/([^/?]+)$/.exec(path);
      if (request.method === "GET" && match) {
        const intent = intents.get(decodeURIComponent(match[1]));
        return intent ? send(200, intent) : send(404, { error: { type: "invalid_request_error", message: `No such payment_intent: '${match[1]}'` } });
      }
      return send(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${request.method}: ${path}).` } });
    }
    if (request.method === "POST" && path === "/emails") {
      if (authorization !== `Bearer ${keys.mailKey}`) return send(401, { statusCode: 401, name: "validation_error", message: "API key is invalid" });
      const failure = takeFailure("mail");
      if (failure !== undefined) return send(failure, { statusCode: failure, name: "internal_server_error", message: "An unexpected error occurred." });
      const email = JSON.parse(body);
      const id = `mail-${emails.length + 1}`;
      emails.push({ id, ...email });
      return answer(200, { id });
    }
    send(404, { message: "not found" });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url,
    requests,
    emails,
    intents,
    /** @param {string} id @param {string} status */
    setStatus(id, status) {
      const intent = intents.get(id);
      if (!intent) throw new Error(`no payment intent ${id}`);
      intent.status = status;
    },
    /** The service's next request (with a valid key) fails with this HTTP status. @param {"stripe" | "mail"} service @param {number} status */
    failNext(service, status) {
      failures[service] = status;
    },
    /** Forgets every request, payment intent and e-mail. */
    reset() {
      requests.length = 0;
      emails.length = 0;
      intents.clear();
      idempotent.clear();
      failures.stripe = failures.mail = undefined;
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
