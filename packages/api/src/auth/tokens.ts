/**
 * API tokens. A token is shown once, when created; only its SHA-256 hash is stored, so a database
 * leak does not leak credentials. Tokens carry 256 random bits, so a fast hash is the right tool
 * (no password stretching is needed for high-entropy secrets).
 * @see https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats
 */
import { createHash, randomBytes } from "node:crypto";
import { findTokenByHash, insertTokenRow, TOKENS_CHANNEL, type TokenRow } from "../data/tokens.ts";
import type { Db, Queryable } from "../db/db.ts";
import { isRole, type Principal, type Role } from "./roles.ts";

const PREFIX = "tsr_";

/** A new random token, `tsr_` followed by 43 URL-safe characters. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Extracts the token from an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  /** May approve discounts (a seller acting as sales manager; admins always may). */
  approver: boolean;
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  /** The customer a `customer` token is bound to; null for every other role. */
  customer: string | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function tokenRecord(row: TokenRow): TokenRecord {
  if (!isRole(row.role)) throw new Error(`Unknown role in api_tokens: ${row.role}`);
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    approver: row.approver === true,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    revokedAt: iso(row.revoked_at),
    customer: row.customer,
  };
}

/** Stores a token (generated unless given) and returns it in clear with its record. */
export async function insertToken(
  db: Queryable,
  opts: {
    name: string;
    role: Role;
    createdBy: string | null;
    token?: string | undefined;
    approver?: boolean | undefined;
    /** Required for (and only for) the `customer` role. */
    customer?: string | undefined;
  },
): Promise<{ token: string; record: TokenRecord }> {
  const token = opts.token ?? generateToken();
  const id = `tok_${randomBytes(8).toString("hex")}`;
  const row = await insertTokenRow(db, {
    id,
    name: opts.name,
    role: opts.role,
    hash: hashToken(token),
    createdBy: opts.createdBy,
    approver: opts.approver === true,
    customer: opts.customer,
  });
  return { token, record: tokenRecord(row) };
}

export type Resolution = { principal: Principal } | { refused: "unknown" | "revoked" };

/**
 * Resolves bearer tokens to principals, with a short positive cache so the feed and pricing do not
 * pay a query per request. A revocation takes effect at once on every server: the revoking
 * transaction notifies `TOKENS_CHANNEL` and each server clears its cache when the notification
 * arrives. Should a server miss it (its listening connection lost), its cache still expires after
 * `ttlMs`.
 */
export class TokenResolver {
  readonly #cache = new Map<string, { principal: Principal; until: number }>();
  /** Settles once this server listens for revocations (rejects when it cannot). */
  readonly listening: Promise<void>;

  constructor(
    private readonly db: Queryable & Pick<Db, "listen">,
    private readonly ttlMs = 5_000,
  ) {
    this.listening = db.listen(TOKENS_CHANNEL, () => this.invalidate());
    // Not listening only means revocations elsewhere wait for the cache to expire.
    this.listening.catch(() => {});
  }

  async resolve(token: string): Promise<Resolution> {
    const hash = hashToken(token);
    const now = Date.now();
    const hit = this.#cache.get(hash);
    if (hit && hit.until > now) return { principal: hit.principal };
    const row = await findTokenByHash(this.db, hash);
    if (!row || !isRole(row.role)) {
      this.#cache.delete(hash);
      return { refused: "unknown" };
    }
    if (row.revoked_at !== null) {
      this.#cache.delete(hash);
      return { refused: "revoked" };
    }
    const principal: Principal = {
      tokenId: row.id,
      name: row.name,
      role: row.role,
      ...(row.approver ? { approver: true } : {}),
    };
    if (row.customer !== null) principal.customer = row.customer;
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(hash, { principal, until: now + this.ttlMs });
    return { principal };
  }

  /** Forgets every cached token (after a revocation). */
  invalidate(): void {
    this.#cache.clear();
  }
}
