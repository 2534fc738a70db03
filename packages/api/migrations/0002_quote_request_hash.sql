-- Idempotent quote creation: a retry with the same key and the same request returns the stored quote;
-- the same key with a different request is refused. The hash identifies the request body.
ALTER TABLE quotes ADD COLUMN request_hash text NOT NULL DEFAULT '';
