-- Webhooks on publish: endpoints an admin registers, and a durable outbox of deliveries. A delivery
-- row is written in the same transaction as the publish it announces, so an event is never lost
-- and never sent for a publish that rolled back; dispatchers on any server claim due rows with
-- FOR UPDATE SKIP LOCKED (at-least-once delivery).

CREATE TABLE webhook_endpoints (
  id           text PRIMARY KEY,
  url          text NOT NULL,
  description  text NOT NULL DEFAULT '',
  -- Only this catalog's publications, or every catalog's when null.
  catalog_id   text,
  -- The signing secret. HMAC needs it in clear (as Stripe keeps endpoint secrets); it is shown to
  -- the admin once, at creation, and never returned by the API again.
  secret       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   text NOT NULL,
  disabled_at  timestamptz
);

CREATE TABLE webhook_deliveries (
  id               text PRIMARY KEY,
  endpoint_id      text NOT NULL REFERENCES webhook_endpoints (id),
  event_id         text NOT NULL,
  event_type       text NOT NULL,
  -- The exact JSON body sent on every attempt (the signature covers it).
  payload          text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_attempt_at  timestamptz,
  last_status      integer,
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);
