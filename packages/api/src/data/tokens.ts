/**
 * Data access for API tokens. Lock order for a revocation: the active admin tokens, all of them,
 * by id (so two admins revoking each other at once queue instead of both succeeding and leaving
 * no admin), then the revoked row, then the audit log.
 */
import type { Queryable } from "../db/db.ts";

export interface TokenRow {
  id: string;
  name: string;
  role: string;
  created_at: Date | string;
  created_by: string | null;
  revoked_at: Date | string | null;
  approver: boolean;
  customer: string | null;
}

const COLUMNS = "id, name, role, created_at, created_by, revoked_at, approver, customer";

export async function insertTokenRow(
  db: Queryable,
  t: {
    id: string;
    name: string;
    role: string;
    hash: string;
    createdBy: string | null;
    approver: boolean;
    customer?: string | undefined;
  },
): Promise<TokenRow> {
  const rows = await db.query<TokenRow>(
    `INSERT INTO api_tokens (id, name, role, token_hash, created_by, approver, customer)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [t.id, t.name, t.role, t.hash, t.createdBy, t.approver, t.customer ?? null],
  );
  return rows[0]!;
}

export async function findTokenByHash(db: Queryable, hash: string): Promise<TokenRow | undefined> {
  const rows = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1`, [hash]);
  return rows[0];
}

export function listTokens(db: Queryable): Promise<TokenRow[]> {
  return db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`);
}

export async function countTokens(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM api_tokens");
  return rows[0]?.n ?? 0;
}

/** Ids of the admin tokens not revoked, locked for the rest of the transaction (first lock of a revocation). */
export async function lockActiveAdmins(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    "SELECT id FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL ORDER BY id FOR UPDATE",
  );
  return rows.map((r) => r.id);
}

/** Ids of the admin tokens not revoked. */
export async function activeAdmins(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    "SELECT id FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL ORDER BY id",
  );
  return rows.map((r) => r.id);
}

/** Revokes a token (again is a no-op that keeps the first time); `undefined` when there is none. */
export async function revokeTokenRow(tx: Queryable, id: string): Promise<TokenRow | undefined> {
  const rows = await tx.query<TokenRow>(
    `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
    [id],
  );
  return rows[0];
}

export async function findToken(db: Queryable, id: string): Promise<TokenRow | undefined> {
  const rows = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $1`, [id]);
  return rows[0];
}

/**
 * Customer (portal) tokens, newest first: those `createdBy` made, or every one when it is null;
 * of one customer when given.
 */
export function listCustomerTokens(
  db: Queryable,
  opts: { createdBy: string | null; customer: string | null },
): Promise<TokenRow[]> {
  return db.query<TokenRow>(
    `SELECT ${COLUMNS} FROM api_tokens
     WHERE role = 'customer' AND ($1::text IS NULL OR created_by = $1) AND ($2::text IS NULL OR customer = $2)
     ORDER BY created_at DESC, id`,
    [opts.createdBy, opts.customer],
  );
}

/** Locks one token's row for a change to it (after any admin locks, before the audit log). */
export async function lockToken(tx: Queryable, id: string): Promise<TokenRow | undefined> {
  const rows = await tx.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0];
}

/** Grants or withdraws the approver capability; the row as it is now. */
export async function setTokenApprover(tx: Queryable, id: string, approver: boolean): Promise<TokenRow> {
  const rows = await tx.query<TokenRow>(
    `UPDATE api_tokens SET approver = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, approver],
  );
  return rows[0]!;
}

/** The notification channel a revocation or a change of capability is announced on (`notifyTokenChanged`). */
export const TOKENS_CHANNEL = "tessera_tokens";

/**
 * Announces a revocation (or an approver grant or withdrawal) to every server's token cache; call
 * inside the changing transaction.
 */
export async function notifyTokenChanged(tx: Queryable, tokenId: string): Promise<void> {
  await tx.query("SELECT pg_notify($1, $2)", [TOKENS_CHANNEL, tokenId]);
}
