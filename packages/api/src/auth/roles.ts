/**
 * Roles, from most to least powerful. Each procedure names the roles it admits; `admin` is admitted
 * everywhere.
 * - admin: manages tokens, and may do anything the others may.
 * - designer: product managers; edit drafts, publish, retire catalogs.
 * - seller: sales reps; configure, price and save quotes, move arrangements.
 * - reader: consuming services; read published catalogs (API and feed).
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
}
