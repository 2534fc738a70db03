/**
 * Data access for quotes. Lock order: a quote's row (FOR UPDATE in a status move), then the
 * arrangement it creates (data/arrangements.ts), its approvals (data/quote-approvals.ts), then the
 * audit log; a revision locks the revised quote's row before inserting its successor. Idempotency
 * keys are scoped to the token that used them (`created_by`, `idempotency_key` is unique).
 *
 * Every status move is a conditional UPDATE (`WHERE status = <from> …`), so a second identical
 * move (a double click, a retry) changes nothing; the caller then reads the row and answers with
 * its current state. A draft or sent quote past its `validUntil` is expired on read (`EXPIRED`).
 */
import type { PriceResult } from "@tessera/engine";
import type { Quote } from "@tessera/schema";
import type { Queryable } from "../db/db.ts";

export type QuoteStatus = "draft" | "sent" | "accepted" | "expired";

export interface QuoteRow {
  id: string;
  status: QuoteStatus;
  catalog_id: string;
  catalog_version: number;
  customer: string | null;
  /** What lists and prints call the quote ('' on rows saved before titles). */
  title: string;
  /** The quoted package's name when it was saved ('' on older rows). */
  package_name: string;
  doc: Quote;
  price: PriceResult;
  arrangement_id: string | null;
  created_at: unknown;
  updated_at: unknown;
  created_by: string;
  request_hash: string;
  /** The first revision's id, shared by every revision of the quote. */
  family_id: string;
  revision: number;
  /** The revision that replaced this one, if any: a superseded quote no longer moves. */
  superseded_by: string | null;
  approval: ApprovalState;
  approval_round: number;
  /** Distinct approvers the discount needs (0: no approval needed). */
  approvals_required: number;
  /** Who started it: a seller, or a visitor's self-service request (public/router.ts). */
  source: QuoteSource;
  /** The contact a self-service request left; null for a seller's quote. */
  requester: Requester | null;
}

export type QuoteSource = "seller" | "self_service";

/** The contact an anonymous visitor leaves with a quote request. */
export interface Requester {
  name: string;
  email: string;
  company: string;
  /** What the visitor added in their own words (may be empty). */
  note: string;
}

export type ApprovalState = "none" | "pending" | "approved" | "rejected";

const FIELDS = [
  "id",
  "status",
  "catalog_id",
  "catalog_version",
  "customer",
  "title",
  "package_name",
  "doc",
  "price",
  "arrangement_id",
  "created_at",
  "updated_at",
  "created_by",
  "request_hash",
  "family_id",
  "revision",
  "superseded_by",
  "approval",
  "approval_round",
  "approvals_required",
  "source",
  "requester",
];
const COLUMNS = FIELDS.join(", ");
/** The columns of `quotes` aliased `q` (for joins). */
export const QUOTE_COLUMNS_Q = FIELDS.map((f) => `q.${f}`).join(", ");

/** Whether a draft or sent quote is past its validity on `$n` (a YYYY-MM-DD parameter). */
export const expiredOn = (n: number, alias = "") =>
  `(${alias}status IN ('draft', 'sent') AND ${alias}doc ->> 'validUntil' IS NOT NULL AND ${alias}doc ->> 'validUntil' < $${n})`;

export async function findQuote(db: Queryable, id: string, lock = false): Promise<QuoteRow | undefined> {
  const rows = await db.query<QuoteRow>(
    `SELECT ${COLUMNS} FROM quotes WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    [id],
  );
  return rows[0];
}

/** The quote `principal` saved under `key`, if any. */
export async function findQuoteByKey(
  db: Queryable,
  principal: string,
  key: string,
): Promise<QuoteRow | undefined> {
  const rows = await db.query<QuoteRow>(
    `SELECT ${COLUMNS} FROM quotes WHERE created_by = $1 AND idempotency_key = $2`,
    [principal, key],
  );
  return rows[0];
}

/**
 * Inserts a draft quote; `undefined` when a concurrent request just took the principal's key, or
 * the revision number (another revision of the same quote won).
 */
export async function insertQuote(
  tx: Queryable,
  q: {
    id: string;
    key: string;
    requestHash: string;
    catalogId: string;
    version: number;
    customer: string | null;
    doc: Quote;
    price: PriceResult;
    principal: string;
    title: string;
    packageName: string;
    /** The first revision's id (the quote's own id for a first revision) and this one's number. */
    familyId: string;
    revision: number;
    approvalsRequired: number;
    /** A self-service request: the visitor's contact and the hash of their address. */
    request?: { requester: Requester; key: string } | undefined;
  },
): Promise<QuoteRow | undefined> {
  const rows = await tx.query<QuoteRow>(
    `INSERT INTO quotes (id, idempotency_key, request_hash, catalog_id, catalog_version, customer, status,
       doc, price, created_by, title, package_name, family_id, revision, approvals_required,
       source, requester, requester_key)
     VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7::json, $8::json, $9, $10, $11, $12, $13, $14,
       $15, $16::json, $17)
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [
      q.id,
      q.key,
      q.requestHash,
      q.catalogId,
      q.version,
      q.customer,
      JSON.stringify(q.doc),
      JSON.stringify(q.price),
      q.principal,
      q.title,
      q.packageName,
      q.familyId,
      q.revision,
      q.approvalsRequired,
      q.request ? "self_service" : "seller",
      q.request ? JSON.stringify(q.request.requester) : null,
      q.request?.key ?? null,
    ],
  );
  return rows[0];
}

/** How many self-service requests came from the address hashed as `key` in the last `minutes`. */
export async function countRecentRequests(db: Queryable, key: string, minutes: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM quotes
     WHERE requester_key = $1 AND created_at > now() - make_interval(mins => $2)`,
    [key, minutes],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Quotes newest first: the latest revision of each (every revision with `revisions`), of one
 * status when given, the status as of `today` (a quote past its validity is expired).
 */
export function listQuotes(
  db: Queryable,
  opts: { status: QuoteStatus | null; limit: number; today: string; revisions: boolean },
): Promise<QuoteRow[]> {
  return db.query<QuoteRow>(
    `SELECT ${COLUMNS} FROM quotes
     WHERE ($1::text IS NULL OR (CASE WHEN ${expiredOn(3)} THEN 'expired' ELSE status END) = $1)
       AND ($4 OR superseded_by IS NULL)
     ORDER BY created_at DESC, id LIMIT $2`,
    [opts.status, opts.limit, opts.today, opts.revisions],
  );
}

/** Every revision of a quote, first to last. */
export function listRevisions(db: Queryable, familyId: string): Promise<QuoteRow[]> {
  return db.query<QuoteRow>(`SELECT ${COLUMNS} FROM quotes WHERE family_id = $1 ORDER BY revision`, [
    familyId,
  ]);
}

/**
 * Moves a quote from `from` to `to` only if it still is `from`, not superseded, not past its
 * validity on `today`, and (for `sent`) approved when its discount needs approval; `undefined`
 * when any of that no longer holds (the caller re-reads and says why, or answers a repeat).
 */
export async function moveQuoteStatus(
  tx: Queryable,
  q: {
    id: string;
    from: QuoteStatus;
    to: QuoteStatus;
    doc: Quote;
    arrangementId: string | null;
    today: string;
  },
): Promise<QuoteRow | undefined> {
  const rows = await tx.query<QuoteRow>(
    `UPDATE quotes SET status = $3, doc = $4::json, arrangement_id = COALESCE($5, arrangement_id), updated_at = now()
     WHERE id = $1 AND status = $2 AND superseded_by IS NULL
       AND ($3 = 'expired' OR NOT ${expiredOn(6)})
       AND ($3 <> 'sent' OR approvals_required = 0 OR approval = 'approved')
     RETURNING ${COLUMNS}`,
    [q.id, q.from, q.to, JSON.stringify(q.doc), q.arrangementId, q.today],
  );
  return rows[0];
}

/**
 * Marks `id` as replaced by revision `by`, only if no revision replaced it yet and it was not
 * accepted; `false` otherwise.
 */
export async function supersedeQuote(tx: Queryable, id: string, by: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE quotes SET superseded_by = $2, updated_at = now()
     WHERE id = $1 AND superseded_by IS NULL AND status <> 'accepted' RETURNING id`,
    [id, by],
  );
  return rows.length === 1;
}
