/**
 * Data access for quote approvals: requests and decisions per round (`quote_approvals`) and the
 * approval state on the quote row. Lock order: the quote's row (FOR UPDATE, data/quotes.ts), then
 * its approval rows, then the audit log.
 *
 * Every step is conditional in SQL: a request only moves a draft whose approval is `none` or
 * `rejected`; a decision is one row per approver per round (unique index, ON CONFLICT DO NOTHING);
 * settling only moves a `pending` round. A repeated click changes nothing.
 */
import type { Queryable } from "../db/db.ts";
import { type ApprovalState, expiredOn, QUOTE_COLUMNS_Q, type QuoteRow } from "./quotes.ts";

export type ApprovalAction = "request" | "approve" | "reject";

export interface ApprovalEventRow {
  round: number;
  action: ApprovalAction;
  actor: string;
  /** The actor token's name ('' when the token is gone). */
  actor_name: string;
  note: string;
  at: unknown;
}

/**
 * Opens a new approval round on a draft that needs approval and is not pending or approved yet,
 * with the rep's note; `undefined` when the quote is not in that state (the caller re-reads).
 */
export async function requestApproval(
  tx: Queryable,
  r: { id: string; actor: string; note: string; today: string },
): Promise<number | undefined> {
  const rows = await tx.query<{ approval_round: number }>(
    `UPDATE quotes SET approval = 'pending', approval_round = approval_round + 1, updated_at = now()
     WHERE id = $1 AND status = 'draft' AND superseded_by IS NULL AND approvals_required > 0
       AND approval IN ('none', 'rejected') AND NOT ${expiredOn(2)}
     RETURNING approval_round`,
    [r.id, r.today],
  );
  const round = rows[0]?.approval_round;
  if (round === undefined) return undefined;
  await tx.query(
    "INSERT INTO quote_approvals (quote_id, round, action, actor, note) VALUES ($1, $2, 'request', $3, $4)",
    [r.id, round, r.actor, r.note],
  );
  return round;
}

/** Records one approver's decision in a round; `false` when that approver already decided it. */
export async function insertDecision(
  tx: Queryable,
  d: { id: string; round: number; actor: string; action: "approve" | "reject"; note: string },
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO quote_approvals (quote_id, round, action, actor, note) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (quote_id, round, actor) WHERE action <> 'request' DO NOTHING RETURNING id`,
    [d.id, d.round, d.action, d.actor, d.note],
  );
  return rows.length === 1;
}

/** Distinct approvers who approved a round. */
export async function countApprovals(tx: Queryable, id: string, round: number): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    "SELECT count(DISTINCT actor)::int AS n FROM quote_approvals WHERE quote_id = $1 AND round = $2 AND action = 'approve'",
    [id, round],
  );
  return rows[0]?.n ?? 0;
}

/** Ends a pending round as approved or rejected (only while it is still that pending round). */
export async function settleApproval(
  tx: Queryable,
  s: { id: string; round: number; to: Exclude<ApprovalState, "none" | "pending"> },
): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE quotes SET approval = $3, updated_at = now()
     WHERE id = $1 AND approval = 'pending' AND approval_round = $2 RETURNING id`,
    [s.id, s.round, s.to],
  );
  return rows.length === 1;
}

/** A quote's approval history, oldest first, with the actors' names. */
export function listApprovalEvents(db: Queryable, id: string): Promise<ApprovalEventRow[]> {
  return db.query<ApprovalEventRow>(
    `SELECT a.round, a.action, a.actor, COALESCE(t.name, '') AS actor_name, a.note, a.at
     FROM quote_approvals a LEFT JOIN api_tokens t ON t.id = a.actor
     WHERE a.quote_id = $1 ORDER BY a.id`,
    [id],
  );
}

export interface PendingRow extends QuoteRow {
  requested_by: string;
  requested_by_name: string;
  request_note: string;
  requested_at: unknown;
  approvals_given: number;
  /** The caller's own decision in this round ("approve" or "reject"), null when they have none. */
  my_decision: "approve" | "reject" | null;
}

/** Quotes waiting for approval (the current revision only), oldest request first. */
export function listPending(
  db: Queryable,
  opts: { limit: number; today: string; actor: string },
): Promise<PendingRow[]> {
  return db.query<PendingRow>(
    `SELECT ${QUOTE_COLUMNS_Q}, r.actor AS requested_by, COALESCE(t.name, '') AS requested_by_name,
       r.note AS request_note, r.at AS requested_at,
       (SELECT count(DISTINCT a.actor)::int FROM quote_approvals a
         WHERE a.quote_id = q.id AND a.round = q.approval_round AND a.action = 'approve') AS approvals_given,
       (SELECT a.action FROM quote_approvals a
         WHERE a.quote_id = q.id AND a.round = q.approval_round AND a.actor = $3 AND a.action <> 'request'
         ORDER BY a.id LIMIT 1) AS my_decision
     FROM quotes q
     JOIN quote_approvals r ON r.quote_id = q.id AND r.round = q.approval_round AND r.action = 'request'
     LEFT JOIN api_tokens t ON t.id = r.actor
     WHERE q.approval = 'pending' AND q.superseded_by IS NULL AND NOT ${expiredOn(2, "q.")}
     ORDER BY r.at, q.id LIMIT $1`,
    [opts.limit, opts.today, opts.actor],
  );
}
