/**
 * The receiving side of Tessera's webhooks: check the `Tessera-Signature` header of a delivery
 * before trusting its body. The header is `t=<unix seconds>,v1=<hex>`, v1 being HMAC-SHA256 over
 * `${t}.${body}` with the endpoint's secret (as Stripe signs its events). Uses WebCrypto, so it runs
 * in Node 18+, browsers, Deno and edge workers alike. Pass the raw body text, not re-serialised JSON.
 * @see https://docs.stripe.com/webhooks#verify-manually
 */

/** What a webhook delivery carries. */
export interface WebhookEvent {
  /** The event's id (`evt_…`): the same on every retry, so a receiver can drop repeats. */
  id: string;
  type: "catalog.published";
  /** When the event happened (ISO 8601). */
  created: string;
  data: {
    catalogId: string;
    version: number;
    contentHash: string;
    /** Where the feed serves the version (relative to the server). */
    url: string;
    publishedBy: string;
  };
}

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookSignatureError";
  }
}

const hex = (bytes: ArrayBuffer): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Compares in time independent of where the strings first differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a delivery's signature and age, and returns its event.
 * @throws WebhookSignatureError when the header is missing or malformed, no v1 signature matches,
 *   or the timestamp is more than `toleranceSeconds` (default 300) away from `now`.
 */
export async function verifyWebhook(
  secret: string,
  signature: string | null | undefined,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): Promise<WebhookEvent> {
  if (!signature) throw new WebhookSignatureError("The request has no Tessera-Signature header.");
  const parts = signature.split(",").map((p) => p.trim().split("="));
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  const candidates = parts.filter(([k]) => k === "v1").map(([, v]) => v ?? "");
  if (!Number.isInteger(t) || candidates.length === 0)
    throw new WebhookSignatureError("The Tessera-Signature header is not of the form t=…,v1=….");
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - t) > tolerance)
    throw new WebhookSignatureError(
      `The signature is ${Math.abs(now - t)} s old; at most ${tolerance} s is accepted.`,
    );
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const expected = hex(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${t}.${body}`)));
  if (!candidates.some((c) => sameText(c, expected)))
    throw new WebhookSignatureError("The signature does not match this body and secret.");
  return JSON.parse(body) as WebhookEvent;
}
