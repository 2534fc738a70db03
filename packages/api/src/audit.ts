import type { Queryable } from "./db/db.ts";

/**
 * Appends one audit entry: who (a token id, or `system`), did what, to which subject. Called inside
 * the transaction of the change it records, so the log and the data never disagree.
 */
export async function audit(
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
