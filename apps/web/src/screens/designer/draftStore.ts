/**
 * The catalog draft being edited: the document as loaded from the server (`base`, at `revision`)
 * and the working copy. A save that meets a newer revision keeps the working copy and records the
 * conflict; nothing the designer typed is dropped.
 */
import type { Catalog } from "@tessera/schema";
import { create } from "zustand";
import type { Path } from "./docEdit.ts";
import { setIn } from "./docEdit.ts";

export interface Conflict {
  /** The revision the server has now. */
  theirRevision: number;
  message: string;
}

export interface DraftState {
  catalogId: string | null;
  revision: number;
  base: Catalog | null;
  doc: Catalog | null;
  conflict: Conflict | null;
  /** Pointers where a merge kept my value over a different value of theirs. */
  clashes: string[];
  load: (catalogId: string, revision: number, doc: Catalog) => void;
  replace: (doc: Catalog) => void;
  set: (path: Path, value: unknown) => void;
  saved: (revision: number) => void;
  setConflict: (c: Conflict | null) => void;
  merged: (theirRevision: number, theirs: Catalog, doc: Catalog, clashes: string[]) => void;
  clear: () => void;
}

const empty = { catalogId: null, revision: 0, base: null, doc: null, conflict: null, clashes: [] };

export const useDraft = create<DraftState>()((set) => ({
  ...empty,
  load: (catalogId, revision, doc) =>
    set({ catalogId, revision, base: doc, doc, conflict: null, clashes: [] }),
  replace: (doc) => set({ doc }),
  set: (path, value) => set((s) => (s.doc ? { doc: setIn(s.doc, path, value) } : s)),
  saved: (revision) => set((s) => ({ revision, base: s.doc, conflict: null, clashes: [] })),
  setConflict: (conflict) => set({ conflict }),
  merged: (theirRevision, theirs, doc, clashes) =>
    set({ revision: theirRevision, base: theirs, doc, conflict: null, clashes }),
  clear: () => set(empty),
}));

export const isDirty = (s: Pick<DraftState, "base" | "doc">) =>
  JSON.stringify(s.base) !== JSON.stringify(s.doc);
