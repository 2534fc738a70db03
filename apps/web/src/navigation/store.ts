/**
 * A tiny router: the path lives in a zustand store mirrored to the History API. Screens match
 * paths with `matchPath`; links call `navigate`.
 *
 * A screen with unsaved work sets a leave guard: a navigation (a link, Back) then waits in
 * `pending` until the screen's dialog calls `confirmLeave` or `stay`.
 */
import { create } from "zustand";

interface NavigationState {
  path: string;
  /** Where the user asked to go while the leave guard held them back. */
  pending: string | null;
  /** Returns true while leaving the current screen would lose work. */
  guard: (() => boolean) | null;
  navigate: (path: string, options?: { replace?: boolean; force?: boolean }) => void;
  setGuard: (guard: (() => boolean) | null) => void;
  confirmLeave: () => void;
  stay: () => void;
}

const currentPath = () => (typeof location === "undefined" ? "/" : location.pathname + location.search);

export const useNavigation = create<NavigationState>()((set, get) => ({
  path: currentPath(),
  pending: null,
  guard: null,
  navigate: (path, options) => {
    const guard = get().guard;
    if (!options?.force && path !== get().path && guard?.()) {
      set({ pending: path });
      return;
    }
    if (typeof history !== "undefined") {
      if (options?.replace) history.replaceState(null, "", path);
      else history.pushState(null, "", path);
    }
    set({ path, pending: null });
  },
  setGuard: (guard) => set({ guard }),
  confirmLeave: () => {
    const to = get().pending;
    set({ guard: null, pending: null });
    if (to !== null) get().navigate(to, { force: true });
  },
  stay: () => set({ pending: null }),
}));

if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => {
    const { guard, path } = useNavigation.getState();
    const to = currentPath();
    if (guard?.()) {
      // Back/Forward already moved the URL: put it back until the user decides.
      history.pushState(null, "", path);
      useNavigation.setState({ pending: to });
    } else useNavigation.setState({ path: to });
  });
}

/** Matches "/quotes/:id" against "/quotes/q_1" → { id: "q_1" }; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const [pathname = ""] = path.split("?");
  const want = pattern.split("/").filter(Boolean);
  const got = pathname.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(":")) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

/** A query-string parameter of the current path. */
export function queryParam(path: string, name: string): string | null {
  const q = path.split("?")[1];
  return q ? new URLSearchParams(q).get(name) : null;
}

export const navigate = (path: string, options?: { replace?: boolean }) =>
  useNavigation.getState().navigate(path, options);
