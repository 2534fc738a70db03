/**
 * Per-caller rate limiting, in this process: a token bucket per API token (per client address for
 * requests without a valid token), refilled continuously. A request costs one unit per call (a
 * tRPC batch of 20 costs 20); when the bucket cannot pay, the request is refused with 429 and
 * `Retry-After`, and nothing of it runs.
 *
 * In-process is right for one node. Behind a load balancer with several nodes each node keeps
 * its own buckets, so a caller gets up to N × the limit; a multi-node deployment limits at the
 * gateway (Envoy's global rate limit service, NGINX `limit_req` on a sticky hash of the
 * Authorization header) or in a shared store (a Redis token bucket) instead.
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4 (429 Too Many Requests)
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-retry-after
 */

export interface RateLimit {
  /** Calls a caller may make per minute, sustained. */
  perMinute: number;
  /** Calls a caller may make at once after being idle (the bucket's size). */
  burst: number;
}

/** Generous defaults: the web app, the CLI and the end-to-end tests never come near them. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 6_000, burst: 1_000 };

/**
 * Engine calls (`public.configure`, `public.price`, `public.requestQuote`) per address without a
 * token: each runs the engine in the shared worker pool, so an anonymous caller gets far fewer of
 * them than of cheap calls. The public configurator prices in the browser and never calls them;
 * an embed that calls them on every click (configure and price) gets a click a second sustained,
 * 30 in a burst.
 */
export const DEFAULT_PUBLIC_ENGINE_RATE_LIMIT: RateLimit = { perMinute: 120, burst: 60 };

/** Most callers tracked at once; beyond it, full (idle) buckets are dropped first. */
const MAX_KEYS = 100_000;

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Reads `TESSERA_RATE_LIMIT`: `off`, `<perMinute>` or `<perMinute>/<burst>`; undefined when not
 * set, an Error when it is set but not understood (the server refuses to start on a typo).
 */
export function parseRateLimit(
  text: string | undefined,
  variable = "TESSERA_RATE_LIMIT",
): RateLimit | false | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  if (/^(off|0|false)$/i.test(text.trim())) return false;
  const m = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  if (!m || Number(m[1]) < 1 || (m[2] !== undefined && Number(m[2]) < 1))
    throw new Error(
      `${variable} must be "off", calls per minute ("6000"), or calls per minute and burst ("6000/1000"); it is "${text}".`,
    );
  const perMinute = Number(m[1]);
  return { perMinute, burst: m[2] === undefined ? Math.max(1, Math.ceil(perMinute / 6)) : Number(m[2]) };
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.#perMs = limit.perMinute / 60_000;
  }

  /**
   * Takes `cost` units from `key`'s bucket. Returns 0 when taken, or the whole seconds to wait
   * before the same request can pass (nothing is taken then). A request costlier than the
   * bucket's size is never allowed (the caller is told to wait for a full bucket).
   */
  take(key: string, cost = 1): number {
    const now = this.now();
    const { burst } = this.limit;
    const b = this.#buckets.get(key);
    const tokens = b ? Math.min(burst, b.tokens + (now - b.at) * this.#perMs) : burst;
    if (tokens >= cost) {
      if (!b && this.#buckets.size >= MAX_KEYS) this.#sweep(now);
      this.#buckets.set(key, { tokens: tokens - cost, at: now });
      return 0;
    }
    if (b) this.#buckets.set(key, { tokens, at: now });
    const missing = Math.min(cost, burst) - tokens;
    return Math.max(1, Math.ceil(missing / this.#perMs / 1000));
  }

  /** Drops buckets that have refilled (their callers are idle); then the oldest half if needed. */
  #sweep(now: number): void {
    const { burst } = this.limit;
    for (const [key, b] of this.#buckets)
      if (b.tokens + (now - b.at) * this.#perMs >= burst) this.#buckets.delete(key);
    if (this.#buckets.size >= MAX_KEYS) {
      let drop = this.#buckets.size / 2;
      for (const key of this.#buckets.keys()) {
        if (drop-- <= 0) break;
        this.#buckets.delete(key);
      }
    }
  }
}
