/**
 * Data access for webhooks: endpoints, and the outbox of deliveries. Every SQL statement about
 * webhooks is here. Lock order: a delivery row only (claims use SKIP LOCKED, so dispatchers on
 * several servers never wait on each other or on a publish).
 */
import { randomBytes } from "node:crypto";
import type { Queryable } from "../db/db.ts";
import { newWebhookSecret } from "../webhooks/sign.ts";

/** The PostgreSQL channel a new delivery is announced on, so every server's dispatcher wakes. */
export const WEBHOOKS_CHANNEL = "tessera_webhooks";

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  /** Only this catalog's events, or every catalog's when null. */
  catalogId: string | null;
  createdAt: string;
  createdBy: string;
  disabledAt: string | null;
}

export type DeliveryStatus = "pending" | "delivered" | "failed";

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  /** The HTTP status of the last attempt (null when no answer came). */
  lastStatus: number | null;
  /** Why the last attempt failed, in words. */
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** A delivery claimed for one attempt, with what is needed to send it. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

type EndpointRow = {
  id: string;
  url: string;
  description: string;
  catalog_id: string | null;
  created_at: unknown;
  created_by: string;
  disabled_at: unknown;
};
const ENDPOINT_COLUMNS = "id, url, description, catalog_id, created_at, created_by, disabled_at";
function endpointOf(r: EndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    catalogId: r.catalog_id,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
    disabledAt: isoOrNull(r.disabled_at),
  };
}

type DeliveryRow = {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: unknown;
  last_attempt_at: unknown;
  last_status: number | null;
  last_error: string | null;
  delivered_at: unknown;
  created_at: unknown;
};
const DELIVERY_COLUMNS =
  "id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, last_attempt_at, last_status, last_error, delivered_at, created_at";
function deliveryOf(r: DeliveryRow): WebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === "pending" ? isoOrNull(r.next_attempt_at) : null,
    lastAttemptAt: isoOrNull(r.last_attempt_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    deliveredAt: isoOrNull(r.delivered_at),
    createdAt: iso(r.created_at),
  };
}

export async function insertEndpoint(
  tx: Queryable,
  input: { url: string; description: string; catalogId: string | null; createdBy: string },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const id = `whe_${randomBytes(8).toString("hex")}`;
  const secret = newWebhookSecret();
  const rows = await tx.query<EndpointRow>(
    `INSERT INTO webhook_endpoints (id, url, description, catalog_id, secret, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ENDPOINT_COLUMNS}`,
    [id, input.url, input.description, input.catalogId, secret, input.createdBy],
  );
  return { endpoint: endpointOf(rows[0]!), secret };
}

export async function listEndpoints(db: Queryable): Promise<WebhookEndpoint[]> {
  const rows = await db.query<EndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints ORDER BY created_at, id`,
  );
  return rows.map(endpointOf);
}

/** Stops sending to an endpoint; its pending deliveries fail with that reason. Null when unknown. */
export async function disableEndpoint(tx: Queryable, id: string): Promise<WebhookEndpoint | null> {
  const rows = await tx.query<EndpointRow>(
    `UPDATE webhook_endpoints SET disabled_at = COALESCE(disabled_at, now()) WHERE id = $1
     RETURNING ${ENDPOINT_COLUMNS}`,
    [id],
  );
  if (!rows[0]) return null;
  await tx.query(
    `UPDATE webhook_deliveries SET status = 'failed', last_error = 'The endpoint was disabled.'
     WHERE endpoint_id = $1 AND status = 'pending'`,
    [id],
  );
  return endpointOf(rows[0]);
}

/**
 * Writes one delivery of an event per active endpoint that wants it, inside the caller's
 * transaction (the outbox), and wakes the dispatchers once it commits.
 * @returns how many deliveries were queued.
 */
export async function enqueueEvent(
  tx: Queryable,
  event: { type: string; catalogId: string; data: Record<string, unknown>; createdAt: string },
): Promise<number> {
  const eventId = `evt_${randomBytes(12).toString("hex")}`;
  const payload = JSON.stringify({
    id: eventId,
    type: event.type,
    created: event.createdAt,
    data: event.data,
  });
  const endpoints = await tx.query<{ id: string }>(
    `SELECT id FROM webhook_endpoints
     WHERE disabled_at IS NULL AND (catalog_id IS NULL OR catalog_id = $1) ORDER BY id`,
    [event.catalogId],
  );
  for (const endpoint of endpoints)
    await tx.query(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status)
       VALUES ($1, $2, $3, $4, $5, 'pending')`,
      [`dlv_${randomBytes(8).toString("hex")}`, endpoint.id, eventId, event.type, payload],
    );
  if (endpoints.length > 0) await tx.query("SELECT pg_notify($1, $2)", [WEBHOOKS_CHANNEL, eventId]);
  return endpoints.length;
}

/**
 * Claims up to `limit` due deliveries for one attempt each. A claim counts the attempt and leases
 * the row for `leaseSeconds`: should this server die mid-send, another picks it up after that.
 */
export async function claimDue(
  db: Queryable,
  limit: number,
  leaseSeconds: number,
): Promise<ClaimedDelivery[]> {
  const claimed = await db.query<{ id: string }>(
    `UPDATE webhook_deliveries
        SET attempts = attempts + 1, last_attempt_at = now(),
            next_attempt_at = now() + make_interval(secs => $2)
      WHERE id IN (SELECT id FROM webhook_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [limit, leaseSeconds],
  );
  if (claimed.length === 0) return [];
  const rows = await db.query<{
    id: string;
    event_id: string;
    event_type: string;
    payload: string;
    attempts: number;
    url: string;
    secret: string;
  }>(
    `SELECT d.id, d.event_id, d.event_type, d.payload, d.attempts, e.url, e.secret
       FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.id = ANY($1::text[]) ORDER BY d.next_attempt_at, d.id`,
    [claimed.map((c) => c.id)],
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    payload: r.payload,
    attempts: r.attempts,
    url: r.url,
    secret: r.secret,
  }));
}

/**
 * Seconds until the earliest pending delivery is due (0 when one is due now), or null when nothing
 * is pending: a retry after backoff comes due with no notification, so the dispatcher sets its
 * timer to this.
 */
export async function secondsUntilNextDue(db: Queryable): Promise<number | null> {
  const rows = await db.query<{ seconds: number | string | null }>(
    `SELECT GREATEST(0, EXTRACT(EPOCH FROM (min(next_attempt_at) - now())))::float8 AS seconds
       FROM webhook_deliveries WHERE status = 'pending'`,
  );
  const seconds = rows[0]?.seconds;
  return seconds === null || seconds === undefined ? null : Number(seconds);
}

/** Records an attempt's outcome: delivered, due again after `retryInSeconds`, or failed for good. */
export async function recordAttempt(
  db: Queryable,
  id: string,
  outcome:
    | { delivered: true; status: number }
    | { delivered: false; status: number | null; error: string; retryInSeconds: number | null },
): Promise<void> {
  if (outcome.delivered) {
    await db.query(
      `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_status = $2,
              last_error = NULL WHERE id = $1`,
      [id, outcome.status],
    );
    return;
  }
  await db.query(
    `UPDATE webhook_deliveries
        SET status = CASE WHEN $4::float8 IS NULL THEN 'failed' ELSE 'pending' END,
            next_attempt_at = now() + make_interval(secs => COALESCE($4::float8, 0)),
            last_status = $2, last_error = $3
      WHERE id = $1 AND status = 'pending'`,
    [id, outcome.status, outcome.error, outcome.retryInSeconds],
  );
}

export async function listDeliveries(
  db: Queryable,
  filter: { endpointId?: string; limit: number },
): Promise<WebhookDelivery[]> {
  const rows = filter.endpointId
    ? await db.query<DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE endpoint_id = $1
         ORDER BY created_at DESC, id LIMIT $2`,
        [filter.endpointId, filter.limit],
      )
    : await db.query<DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries ORDER BY created_at DESC, id LIMIT $1`,
        [filter.limit],
      );
  return rows.map(deliveryOf);
}

/** Queues a delivery again now (an admin's "redeliver"); null when unknown or its endpoint is off. */
export async function redeliver(tx: Queryable, id: string): Promise<WebhookDelivery | null> {
  const rows = await tx.query<DeliveryRow>(
    `UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = now()
       FROM webhook_endpoints e
      WHERE d.id = $1 AND e.id = d.endpoint_id AND e.disabled_at IS NULL
      RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.status, d.attempts, d.next_attempt_at,
                d.last_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at`,
    [id],
  );
  if (!rows[0]) return null;
  await tx.query("SELECT pg_notify($1, $2)", [WEBHOOKS_CHANNEL, rows[0].event_id]);
  return deliveryOf(rows[0]);
}
