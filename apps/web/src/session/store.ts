/**
 * Who is signed in. The token lives in sessionStorage (gone when the tab closes); the role always
 * comes from the server's `me`, never from the client.
 */
import { create } from "zustand";

export type Role = "admin" | "designer" | "seller" | "reader" | "account_manager" | "customer";

export interface Me {
  tokenId: string;
  name: string;
  role: Role;
  /** May approve discounts (admins, and sellers with the approver capability). */
  approver?: boolean;
  /** The customer a customer (portal) token belongs to. */
  customer?: string | null;
}

interface SessionState {
  token: string | null;
  me: Me | null;
  signIn: (token: string, me: Me) => void;
  signOut: () => void;
}

const KEY = "tessera.token";

function storedToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export const useSession = create<SessionState>()((set) => ({
  token: storedToken(),
  me: null,
  signIn: (token, me) => {
    globalThis.sessionStorage?.setItem(KEY, token);
    set({ token, me });
  },
  signOut: () => {
    globalThis.sessionStorage?.removeItem(KEY);
    set({ token: null, me: null });
  },
}));

/** What each role may do; screens and buttons are offered only when allowed. */
export const abilities = (role: Role | undefined, approver = false) => ({
  design: role === "admin" || role === "designer",
  sell: role === "admin" || role === "seller",
  preview: role === "admin" || role === "designer" || role === "seller",
  read: role !== undefined && role !== "customer",
  /** The approver capability, as the server's `me` reports it. */
  approve: role === "admin" || (role === "seller" && approver),
  /** Open accounts and arrangements and explore paths (applying a move needs `sell`). */
  accounts: role === "admin" || role === "seller" || role === "account_manager",
  /** Manage tokens: who holds which role, and the approver capability. */
  administer: role === "admin",
  /** Only the customer portal. */
  portal: role === "customer",
});
