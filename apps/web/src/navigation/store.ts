/**
 * A tiny router: the path lives in a zustand store mirrored to the History API. Screens match
 * paths with `matchPath`; links call `navigate`.
 */
import { create } from "zustand";

interface NavigationState {
  path: string;
  navigate: (path: string, options?: { replace?: boolean }) => void;
}

const currentPath = () => (typeof location === "undefined" ? "/" : location.pathname + location.search);

export const useNavigation = create<NavigationState>()((set) => ({
  path: currentPath(),
  navigate: (path, options) => {
    if (typeof history !== "undefined") {
      if (options?.replace) history.replaceState(null, "", path);
      else history.pushState(null, "", path);
    }
    set({ path });
  },
}));

if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => useNavigation.setState({ path: currentPath() }));
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
