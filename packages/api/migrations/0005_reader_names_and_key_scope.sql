-- A catalog's name in `catalogs` is the published one (what readers see); the draft keeps its own.
ALTER TABLE drafts ADD COLUMN name text;
UPDATE drafts SET name = left(doc->>'name', 200);
UPDATE catalogs c SET name = COALESCE(left(v.body::json->>'name', 200), c.name)
  FROM catalog_versions v WHERE v.catalog_id = c.id AND v.version = c.latest_version;

-- An idempotency key belongs to the token that used it: another caller's same key is a new request.
ALTER TABLE quotes DROP CONSTRAINT quotes_idempotency_key_key;
CREATE UNIQUE INDEX quotes_idempotency ON quotes (created_by, idempotency_key);
