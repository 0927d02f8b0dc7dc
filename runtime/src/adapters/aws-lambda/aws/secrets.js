// @ts-check
/** Secrets Manager GetSecretValue (JSON 1.1): a secret's value as a string. */
import { fromBase64 } from "./bytes.js";

/**
 * SecretString, or SecretBinary decoded as UTF-8. Fails with an error naming the secret.
 * @param {import("./client.js").JsonClient} client createClients(...).secrets
 * @param {string} secretId name or ARN
 * @returns {Promise<string>}
 */
export async function getSecretString(client, secretId) {
  const result = await client.call("GetSecretValue", { SecretId: secretId });
  if (typeof result.SecretString === "string") return result.SecretString;
  if (typeof result.SecretBinary === "string") {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(fromBase64(result.SecretBinary));
    } catch {
      throw new Error(`secret ${secretId}: SecretBinary is not UTF-8 text`);
    }
  }
  throw new Error(`secret ${secretId} has no value (neither SecretString nor SecretBinary)`);
}
