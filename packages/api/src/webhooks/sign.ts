/**
 * Webhook signatures, Stripe-style: the header `Tessera-Signature: t=<unix seconds>,v1=<hex>` where
 * v1 is HMAC-SHA256 over `${t}.${body}` with the endpoint's secret. The timestamp is inside the
 * signed text, so a receiver that checks it (5 minutes of tolerance) refuses replays of old events.
 * `@tessera/client` exports the receiver's side (`verifyWebhook`).
 * @see https://docs.stripe.com/webhooks#verify-manually
 */
import { createHmac, randomBytes } from "node:crypto";

export const SIGNATURE_HEADER = "tessera-signature";

/** A new endpoint secret: `whsec_` and 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("hex")}`;
}

/** The signature header's value for `body` sent at `unixSeconds`. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${v1}`;
}
