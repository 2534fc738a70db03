-- Accounts and self-service (issue 12).
-- Two roles join: account_manager (reads customers' arrangements, explores paths, moves nothing)
-- and customer (a token bound to one customer, for the portal). A customer token names its customer.
ALTER TABLE api_tokens DROP CONSTRAINT IF EXISTS api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check
  CHECK (role IN ('admin', 'designer', 'seller', 'reader', 'account_manager', 'customer'));
ALTER TABLE api_tokens ADD COLUMN customer text;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_customer_scope
  CHECK ((role = 'customer') = (customer IS NOT NULL));

CREATE INDEX arrangements_customer ON arrangements (customer, created_at);

-- A published catalog may be public: its latest version is then served without a token (for a
-- CDN and the pricing table). Set and cleared by designers; not part of the immutable document.
ALTER TABLE catalogs ADD COLUMN public boolean NOT NULL DEFAULT false;
