/**
 * The catalog draft being edited: the document as loaded from the server (`base`, at `revision`)
 * and the working copy. A save that meets a newer revision keeps the working copy and records the
 * conflict; nothing the designer typed is dropped.
 *
 * Every edit of the working copy is undoable (zundo's `temporal` middleware tracks `doc` only).
 * Keystrokes in one field coalesce into one step, as in a text editor: an edit of the same pointer
 * within `COALESCE_MS` of the previous one extends that step instead of starting a new one.
 * Loading or merging a revision starts a fresh history (undo never crosses a server round trip).
 */
import type { Catalog } from "@tessera/schema";
import { temporal } from "zundo";
import { create } from "zustand";
import type { Path } from "./docEdit.ts";
import { pointer, setIn } from "./docEdit.ts";

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
  /** Replaces the whole working copy (JSON tab, a structural edit); one undo step. */
  replace: (doc: Catalog) => void;
  set: (path: Path, value: unknown) => void;
  saved: (revision: number) => void;
  setConflict: (c: Conflict | null) => void;
  merged: (theirRevision: number, theirs: Catalog, doc: Catalog, clashes: string[]) => void;
  clear: () => void;
}

/** Edits of one field closer together than this are one undo step. */
export const COALESCE_MS = 800;
/** Undo steps kept. */
const LIMIT = 200;

const empty = { catalogId: null, revision: 0, base: null, doc: null, conflict: null, clashes: [] };

let lastEdit: { at: string; time: number } | null = null;

export const useDraft = create<DraftState>()(
  temporal(
    (set) => ({
      ...empty,
      load: (catalogId, revision, doc) => {
        set({ catalogId, revision, base: doc, doc, conflict: null, clashes: [] });
        freshHistory();
      },
      replace: (doc) => {
        lastEdit = null;
        set({ doc });
      },
      set: (path, value) => {
        const at = pointer(path);
        const now = Date.now();
        const coalesce = lastEdit !== null && lastEdit.at === at && now - lastEdit.time < COALESCE_MS;
        lastEdit = { at, time: now };
        const history = useDraft.temporal.getState();
        if (coalesce) history.pause();
        set((s) => (s.doc ? { doc: setIn(s.doc, path, value) } : s));
        if (coalesce) history.resume();
      },
      saved: (revision) => set((s) => ({ revision, base: s.doc, conflict: null, clashes: [] })),
      setConflict: (conflict) => set({ conflict }),
      merged: (theirRevision, theirs, doc, clashes) => {
        set({ revision: theirRevision, base: theirs, doc, conflict: null, clashes });
        freshHistory();
      },
      clear: () => {
        set(empty);
        freshHistory();
      },
    }),
    {
      partialize: (s) => ({ doc: s.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: LIMIT,
    },
  ),
);

function freshHistory(): void {
  lastEdit = null;
  useDraft.temporal.getState().clear();
}

/** Undoes the last edit of the working copy (no-op when there is none). */
export function undo(): void {
  lastEdit = null;
  useDraft.temporal.getState().undo();
}

/** Redoes the last undone edit (no-op when there is none). */
export function redo(): void {
  lastEdit = null;
  useDraft.temporal.getState().redo();
}

export const isDirty = (s: Pick<DraftState, "base" | "doc">) =>
  JSON.stringify(s.base) !== JSON.stringify(s.doc);
