/**
 * Data access for the audit log: append-only (`audit_log` takes no lock but its own insert, so it
 * comes last in every transaction's lock order) and read newest first.
 */
import type { Queryable } from "../db/db.ts";

export interface AuditRow {
  id: string | number;
  at: unknown;
  actor: string;
  action: string;
  subject: string;
  detail: unknown;
}

/**
 * Appends one audit entry: who (a token id, or `system`), did what, to which subject. Called inside
 * the transaction of the change it records, so the log and the data never disagree.
 */
export async function appendAudit(
  tx: Queryable,
  entry: { actor: string; action: string; subject: string; detail?: unknown },
): Promise<void> {
  await tx.query("INSERT INTO audit_log (actor, action, subject, detail) VALUES ($1, $2, $3, $4::json)", [
    entry.actor,
    entry.action,
    entry.subject,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  ]);
}

/** The newest `limit` entries, of one subject when given. */
export function listAudit(
  db: Queryable,
  opts: { subject: string | null; limit: number },
): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT id, at, actor, action, subject, detail FROM audit_log
     WHERE ($1::text IS NULL OR subject = $1) ORDER BY id DESC LIMIT $2`,
    [opts.subject, opts.limit],
  );
}
