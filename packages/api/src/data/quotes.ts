/**
 * Data access for quotes. Lock order: a quote's row (FOR UPDATE in a status move), then the
 * arrangement it creates (data/arrangements.ts), then the audit log. Idempotency keys are scoped
 * to the token that used them (`created_by`, `idempotency_key` is unique).
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
}

const COLUMNS =
  "id, status, catalog_id, catalog_version, customer, title, package_name, doc, price, arrangement_id, created_at, updated_at, created_by, request_hash";

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

/** Inserts a draft quote; `undefined` when the principal's key was just used by a concurrent request. */
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
  },
): Promise<QuoteRow | undefined> {
  const rows = await tx.query<QuoteRow>(
    `INSERT INTO quotes (id, idempotency_key, request_hash, catalog_id, catalog_version, customer, status,
       doc, price, created_by, title, package_name)
     VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7::json, $8::json, $9, $10, $11)
     ON CONFLICT (created_by, idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
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
    ],
  );
  return rows[0];
}

export function listQuotes(
  db: Queryable,
  opts: { status: QuoteStatus | null; limit: number },
): Promise<QuoteRow[]> {
  return db.query<QuoteRow>(
    `SELECT ${COLUMNS} FROM quotes WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id LIMIT $2`,
    [opts.status, opts.limit],
  );
}

/** Moves a quote to `status` (its row locked by `findQuote(…, true)`). */
export async function setQuoteStatus(
  tx: Queryable,
  q: { id: string; status: QuoteStatus; doc: Quote; arrangementId: string | null },
): Promise<QuoteRow> {
  const rows = await tx.query<QuoteRow>(
    `UPDATE quotes SET status = $2, doc = $3::json, arrangement_id = COALESCE($4, arrangement_id), updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [q.id, q.status, JSON.stringify(q.doc), q.arrangementId],
  );
  return rows[0]!;
}
