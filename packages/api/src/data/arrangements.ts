/**
 * Data access for arrangements and their history. An arrangement changes by a conditional update
 * on its revision (optimistic; no lock is held across the engine's work), then its history row
 * and the audit entry are inserted in the same transaction.
 */
import type { Move } from "@tessera/engine";
import type { Arrangement } from "@tessera/schema";
import type { Queryable } from "../db/db.ts";

export interface ArrangementRow {
  id: string;
  revision: number;
  quote_id: string | null;
  customer: string | null;
  doc: Arrangement;
  created_at: unknown;
  updated_at: unknown;
}

export interface HistoryRow {
  revision: number;
  action: string;
  move: Move | null;
  doc: Arrangement;
  at: unknown;
  /** The date the move took effect as of (YYYY-MM-DD); null for entries before it was recorded. */
  as_of: string | null;
  actor: string;
}

const COLUMNS = "id, revision, quote_id, customer, doc, created_at, updated_at";

export async function findArrangement(db: Queryable, id: string): Promise<ArrangementRow | undefined> {
  const rows = await db.query<ArrangementRow>(`SELECT ${COLUMNS} FROM arrangements WHERE id = $1`, [id]);
  return rows[0];
}

export function listArrangements(db: Queryable, limit: number): Promise<ArrangementRow[]> {
  return db.query<ArrangementRow>(
    `SELECT ${COLUMNS} FROM arrangements ORDER BY created_at DESC, id LIMIT $1`,
    [limit],
  );
}

/** Arrangements of one customer, oldest first. */
export function listCustomerArrangements(db: Queryable, customer: string): Promise<ArrangementRow[]> {
  return db.query<ArrangementRow>(
    `SELECT ${COLUMNS} FROM arrangements WHERE customer = $1 ORDER BY created_at, id`,
    [customer],
  );
}

export async function countCustomerArrangements(db: Queryable, customer: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM arrangements WHERE customer = $1",
    [customer],
  );
  return rows[0]?.n ?? 0;
}

export interface CustomerRow {
  customer: string;
  arrangements: number;
}

/** Customers holding arrangements, by name, with how many each holds. */
export function listCustomers(db: Queryable, limit: number): Promise<CustomerRow[]> {
  return db.query<CustomerRow>(
    `SELECT customer, count(*)::int AS arrangements FROM arrangements WHERE customer IS NOT NULL
     GROUP BY customer ORDER BY customer LIMIT $1`,
    [limit],
  );
}

/**
 * Creates an arrangement at revision 1 with its first history entry: from an accepted quote, or
 * (quoteId null) migrated in from elsewhere, as the demo customers are.
 */
export async function insertArrangement(
  tx: Queryable,
  a: {
    id: string;
    quoteId: string | null;
    customer: string | null;
    doc: Arrangement;
    actor: string;
    asOf: string;
  },
): Promise<void> {
  const body = JSON.stringify(a.doc);
  await tx.query(
    "INSERT INTO arrangements (id, quote_id, customer, revision, doc) VALUES ($1, $2, $3, 1, $4::json)",
    [a.id, a.quoteId, a.customer, body],
  );
  await tx.query(
    `INSERT INTO arrangement_history (arrangement_id, revision, action, move, doc, actor, as_of)
     VALUES ($1, 1, 'create', NULL, $2::json, $3, $4)`,
    [a.id, body, a.actor, a.asOf],
  );
}

/**
 * Replaces the arrangement if it is still at `revision` and records the move in its history;
 * `undefined` when it moved on meanwhile.
 */
export async function updateArrangement(
  tx: Queryable,
  a: { id: string; revision: number; doc: Arrangement; move: Move; actor: string; asOf: string },
): Promise<ArrangementRow | undefined> {
  const body = JSON.stringify(a.doc);
  const rows = await tx.query<ArrangementRow>(
    `UPDATE arrangements SET doc = $3::json, revision = revision + 1, updated_at = now()
     WHERE id = $1 AND revision = $2 RETURNING ${COLUMNS}`,
    [a.id, a.revision, body],
  );
  const row = rows[0];
  if (!row) return undefined;
  await tx.query(
    `INSERT INTO arrangement_history (arrangement_id, revision, action, move, doc, actor, as_of)
     VALUES ($1, $2, $3, $4::json, $5::json, $6, $7)`,
    [a.id, row.revision, a.move.kind, JSON.stringify(a.move), body, a.actor, a.asOf],
  );
  return row;
}

export function listHistory(db: Queryable, id: string): Promise<HistoryRow[]> {
  return db.query<HistoryRow>(
    `SELECT revision, action, move, doc, at, as_of, actor FROM arrangement_history
     WHERE arrangement_id = $1 ORDER BY revision`,
    [id],
  );
}

/**
 * Records observed usage (last billing period) on the arrangement as it is now, without a new
 * revision: usage is an observation a metering feed reports, not a change of what is held.
 */
export async function setArrangementUsage(
  db: Queryable,
  id: string,
  usage: NonNullable<Arrangement["usage"]>,
): Promise<void> {
  const rows = await db.query<{ doc: Arrangement }>("SELECT doc FROM arrangements WHERE id = $1", [id]);
  const doc = rows[0]?.doc;
  if (!doc) return;
  await db.query("UPDATE arrangements SET doc = $2::json WHERE id = $1", [
    id,
    JSON.stringify({ ...doc, usage }),
  ]);
}
