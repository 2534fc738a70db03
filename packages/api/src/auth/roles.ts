/**
 * Roles, from most to least powerful. Each procedure names the roles it admits; `admin` is admitted
 * everywhere.
 * - admin: manages tokens, and may do anything the others may.
 * - designer: product managers; edit drafts, publish, retire catalogs.
 * - seller: sales reps; configure, price and save quotes, move arrangements.
 * - reader: consuming services; read published catalogs (API and feed).
 *
 * Approving discounts is a capability, not a role: a seller token created with `approver: true` (a
 * sales manager) may approve or reject quotes, and admin tokens always may (see `mayApprove`).
 */
export const ROLES = ["admin", "designer", "seller", "reader"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Who is calling: the token's id, name and role. */
export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  /** Whether the token may approve discounts (set on seller tokens; admins always may). */
  approver?: boolean;
}

/** Roles a token may hold the approver capability on. */
export const APPROVER_ROLES: readonly Role[] = ["admin", "seller"];

/** Whether a caller may approve or reject quotes: an admin, or a token with the approver capability. */
export function mayApprove(p: Principal): boolean {
  return p.role === "admin" || (p.approver === true && APPROVER_ROLES.includes(p.role));
}
