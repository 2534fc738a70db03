/**
 * Sends queued webhook deliveries. Each server runs one dispatcher; it wakes on a notification
 * (LISTEN/NOTIFY: a publish or a redeliver on any server of the database), when the earliest retry
 * comes due (a timer set after each round), and otherwise polls as a fallback for a notification
 * missed while the listening connection was lost (every minute; every 5 s should listening fail
 * at start). Each round claims due deliveries with
 * SKIP LOCKED, signs and POSTs each one, and records the outcome: delivered on a 2xx, otherwise due
 * again after an exponential backoff, and failed after the last attempt. Redirects are not followed
 * (the answer to a redirect counts as a failed attempt), so an endpoint cannot bounce the signed
 * request elsewhere.
 */

import {
  type ClaimedDelivery,
  claimDue,
  recordAttempt,
  secondsUntilNextDue,
  WEBHOOKS_CHANNEL,
} from "../data/webhooks.ts";
import type { Db } from "../db/db.ts";
import { SIGNATURE_HEADER, signatureHeader } from "./sign.ts";

export interface DispatcherOptions {
  /**
   * Longest wait between rounds without a notification or a retry coming due (default 60 s; at
   * most 5 s when this server could not listen for notifications).
   */
  pollMs?: number;
  /** Deliveries claimed per round (default 8). */
  batch?: number;
  /** How long an endpoint has to answer (default 10 s). */
  timeoutMs?: number;
  /** Attempts before a delivery is marked failed (default 16: about 8 hours with the default backoff). */
  maxAttempts?: number;
  /** Seconds to wait after the n-th failed attempt (default 10 s × 2^(n−1), at most 1 hour). */
  backoffSeconds?: (attempt: number) => number;
  /** The clock used for signature timestamps (tests pin it). */
  now?: () => number;
  log?: (message: string) => void;
}

export const defaultBackoffSeconds = (attempt: number): number => Math.min(3600, 10 * 2 ** (attempt - 1));

export class WebhookDispatcher {
  readonly #db: Db;
  #pollMs: number;
  readonly #batch: number;
  readonly #timeoutMs: number;
  readonly #maxAttempts: number;
  readonly #backoff: (attempt: number) => number;
  readonly #now: () => number;
  readonly #log: (message: string) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;

  constructor(db: Db, options: DispatcherOptions = {}) {
    this.#db = db;
    this.#pollMs = options.pollMs ?? 60_000;
    this.#batch = options.batch ?? 8;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#maxAttempts = options.maxAttempts ?? 16;
    this.#backoff = options.backoffSeconds ?? defaultBackoffSeconds;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? (() => {});
  }

  /** Starts listening; delivers what is already due (and then waits as described above). */
  async start(): Promise<void> {
    this.#stopped = false;
    try {
      await this.#db.listen(WEBHOOKS_CHANNEL, () => this.wake());
    } catch (error) {
      this.#pollMs = Math.min(this.#pollMs, 5_000);
      this.#log(
        `webhooks: not listening for notifications (${error instanceof Error ? error.message : String(error)}); polling every ${this.#pollMs / 1000} s`,
      );
    }
    this.wake();
  }

  /** Stops waiting and waits for the round in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Runs a round now (or right after the one in flight). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#rounds().finally(() => {
      this.#running = undefined;
    });
  }

  /** Resolves once no round is running (tests wait on it). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #rounds(): Promise<void> {
    do {
      this.#again = false;
      try {
        const claimed = await claimDue(this.#db, this.#batch, Math.ceil(this.#timeoutMs / 1000) + 30);
        await Promise.all(claimed.map((d) => this.#send(d)));
        if (claimed.length === this.#batch) this.#again = true;
      } catch (error) {
        // The database may be closing or briefly unreachable: the next poll tries again.
        this.#log(`webhooks: ${error instanceof Error ? error.message : String(error)}`);
      }
      // A notification while the timer is set (this.#again) runs another round at once.
      if (!this.#again) await this.#arm();
    } while (this.#again && !this.#stopped);
  }

  /** Sets the timer for the next round: the earliest retry due, or the fallback poll. */
  async #arm(): Promise<void> {
    let waitMs = this.#pollMs;
    try {
      const due = await secondsUntilNextDue(this.#db);
      // At least 10 ms: a due row another server holds for a moment is not spun on.
      if (due !== null) waitMs = Math.max(10, Math.min(waitMs, Math.ceil(due * 1000)));
    } catch {
      // Unknown: the fallback poll looks again.
    }
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.wake(), waitMs);
    this.#timer.unref?.();
  }

  async #send(d: ClaimedDelivery): Promise<void> {
    const t = Math.floor(this.#now() / 1000);
    let status: number | null = null;
    let error: string;
    try {
      const res = await fetch(d.url, {
        method: "POST",
        body: d.payload,
        redirect: "manual",
        signal: AbortSignal.timeout(this.#timeoutMs),
        headers: {
          "content-type": "application/json",
          "user-agent": "Tessera-Webhooks/1",
          "tessera-event-id": d.eventId,
          "tessera-delivery-id": d.id,
          [SIGNATURE_HEADER]: signatureHeader(d.secret, d.payload, t),
        },
      });
      status = res.status;
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) {
        await recordAttempt(this.#db, d.id, { delivered: true, status });
        return;
      }
      error = `The endpoint answered ${res.status}${res.status >= 300 && res.status < 400 ? " (redirects are not followed)" : ""}.`;
    } catch (e) {
      error =
        e instanceof Error && e.name === "TimeoutError"
          ? `No answer within ${this.#timeoutMs / 1000} s.`
          : `No answer: ${e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)}.`;
    }
    const retryInSeconds = d.attempts >= this.#maxAttempts ? null : this.#backoff(d.attempts);
    await recordAttempt(this.#db, d.id, { delivered: false, status, error, retryInSeconds });
  }
}
