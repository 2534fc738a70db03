-- Tessera storage, version 1. One dialect for PostgreSQL and embedded PGlite.
-- Documents are stored as `json` (text kept verbatim, key order preserved); published versions keep
-- the exact bytes that were hashed and are served, so the ETag always matches the body.

CREATE TABLE api_tokens (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  role        text NOT NULL CHECK (role IN ('admin', 'designer', 'seller', 'reader')),
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text,
  revoked_at  timestamptz
);

CREATE TABLE catalogs (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  latest_version  integer,
  created_at      timestamptz NOT NULL DEFAULT now(),
  created_by      text NOT NULL,
  retired_at      timestamptz,
  retired_by      text
);

CREATE TABLE drafts (
  catalog_id  text PRIMARY KEY REFERENCES catalogs (id),
  revision    integer NOT NULL CHECK (revision >= 1),
  doc         json NOT NULL,
  based_on    integer,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL
);

CREATE TABLE catalog_versions (
  catalog_id    text NOT NULL REFERENCES catalogs (id),
  version       integer NOT NULL CHECK (version >= 1),
  body          text NOT NULL,
  content_hash  text NOT NULL,
  published_at  timestamptz NOT NULL DEFAULT now(),
  published_by  text NOT NULL,
  PRIMARY KEY (catalog_id, version)
);

-- Published versions are immutable: the database itself refuses to change or delete one.
CREATE FUNCTION tessera_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published catalog versions are immutable' USING ERRCODE = 'P0001';
END
$$;

CREATE TRIGGER catalog_versions_immutable
  BEFORE UPDATE OR DELETE ON catalog_versions
  FOR EACH ROW EXECUTE FUNCTION tessera_refuse_change();

CREATE TABLE quotes (
  id               text PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  catalog_id       text NOT NULL,
  catalog_version  integer NOT NULL,
  customer         text,
  status           text NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'expired')),
  doc              json NOT NULL,
  price            json NOT NULL,
  arrangement_id   text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (catalog_id, catalog_version) REFERENCES catalog_versions (catalog_id, version)
);

CREATE INDEX quotes_created_at ON quotes (created_at DESC);

CREATE TABLE arrangements (
  id          text PRIMARY KEY,
  quote_id    text UNIQUE REFERENCES quotes (id),
  customer    text,
  revision    integer NOT NULL DEFAULT 1,
  doc         json NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE arrangement_history (
  arrangement_id  text NOT NULL REFERENCES arrangements (id),
  revision        integer NOT NULL,
  action          text NOT NULL,
  move            json,
  doc             json NOT NULL,
  at              timestamptz NOT NULL DEFAULT now(),
  actor           text NOT NULL,
  PRIMARY KEY (arrangement_id, revision)
);

CREATE TABLE audit_log (
  id       bigserial PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  actor    text NOT NULL,
  action   text NOT NULL,
  subject  text NOT NULL,
  detail   json
);

CREATE INDEX audit_log_subject ON audit_log (subject, id);
