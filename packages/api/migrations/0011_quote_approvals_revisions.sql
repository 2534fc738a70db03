-- Quote approvals and revisions (issue 12).
--
-- Approver is a capability of a token, not a role: a sales manager is a seller who may also approve
-- (admin tokens always may). A flag keeps the role list untouched.
ALTER TABLE api_tokens ADD COLUMN approver boolean NOT NULL DEFAULT false;

-- Revisions: every revision of one quote shares `family_id` (the first revision's id) and has its
-- own number; a revised quote points at its successor and can no longer move.
ALTER TABLE quotes ADD COLUMN family_id text;
ALTER TABLE quotes ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE quotes ADD COLUMN superseded_by text;
UPDATE quotes SET family_id = id;
ALTER TABLE quotes ALTER COLUMN family_id SET NOT NULL;
CREATE UNIQUE INDEX quotes_family_revision ON quotes (family_id, revision);

-- Approval state of the quote's current round: none (not requested or not needed), pending,
-- approved, rejected; and how many distinct approvers its discount needs (0: no approval needed).
ALTER TABLE quotes ADD COLUMN approval text NOT NULL DEFAULT 'none'
  CHECK (approval IN ('none', 'pending', 'approved', 'rejected'));
ALTER TABLE quotes ADD COLUMN approval_round integer NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN approvals_required integer NOT NULL DEFAULT 0;
UPDATE quotes SET approvals_required = 1 WHERE (price ->> 'requiresApproval') = 'true';

-- Every request and decision, per round. One request per round; one decision per approver per
-- round (a double click inserts nothing the second time).
CREATE TABLE quote_approvals (
  id        bigserial PRIMARY KEY,
  quote_id  text NOT NULL REFERENCES quotes (id),
  round     integer NOT NULL CHECK (round >= 1),
  action    text NOT NULL CHECK (action IN ('request', 'approve', 'reject')),
  actor     text NOT NULL,
  note      text NOT NULL DEFAULT '',
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX quote_approvals_one_request ON quote_approvals (quote_id, round) WHERE action = 'request';
CREATE UNIQUE INDEX quote_approvals_one_decision ON quote_approvals (quote_id, round, actor) WHERE action <> 'request';
CREATE INDEX quotes_approval_pending ON quotes (updated_at) WHERE approval = 'pending';
