-- Self-service quote requests (issue 12): an anonymous visitor configures a public catalog's
-- package and asks for a quote. It lands among the sellers' quotes as a draft marked by its
-- source, with the requester's contact. `requester_key` is a hash of the client address: the key
-- the per-address limit counts on (the address itself is not kept).
ALTER TABLE quotes ADD COLUMN source text NOT NULL DEFAULT 'seller';
ALTER TABLE quotes ADD CONSTRAINT quotes_source_check CHECK (source IN ('seller', 'self_service'));
ALTER TABLE quotes ADD COLUMN requester json;
ALTER TABLE quotes ADD COLUMN requester_key text;
ALTER TABLE quotes ADD CONSTRAINT quotes_requester_scope
  CHECK ((source = 'self_service') = (requester IS NOT NULL AND requester_key IS NOT NULL));
CREATE INDEX quotes_requester_key ON quotes (requester_key, created_at) WHERE requester_key IS NOT NULL;
