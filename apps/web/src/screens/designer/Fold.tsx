/**
 * One entry of a long list (a charge, an option group) folded to a line that says what it is,
 * unfolded to its form on a click, so a package's page stays short. Which entries are unfolded is
 * kept by id; with `alone` (the list has one entry) it starts unfolded. A diagnostic that points
 * inside a folded entry lands on the fold (it carries the entry's pointer), which the draft screen
 * opens; the toggle event keeps the state in step.
 */
import type { ReactNode } from "react";
import { useState } from "react";

export function useFolds() {
  const [open, setOpen] = useState<ReadonlyMap<string, boolean>>(new Map());
  return {
    isOpen: (id: string, alone: boolean) => open.get(id) ?? alone,
    set: (id: string, on: boolean) =>
      setOpen((m) => {
        if (m.get(id) === on) return m;
        const next = new Map(m);
        next.set(id, on);
        return next;
      }),
  };
}

export function Fold({
  id,
  pointer,
  open,
  onToggle,
  summary,
  children,
}: {
  id: string;
  /** The entry's JSON Pointer: a diagnostic inside a folded entry lands here and unfolds it. */
  pointer: string;
  open: boolean;
  onToggle: (id: string, open: boolean) => void;
  summary: ReactNode;
  children: ReactNode;
}) {
  return (
    <details
      className="ts-fold"
      open={open}
      onToggle={(e) => onToggle(id, e.currentTarget.open)}
      data-fold={id}
      data-pointer={pointer}
    >
      <summary className="ts-fold__summary">{summary}</summary>
      {/* A folded entry's form is not rendered: long lists stay quick to edit. */}
      {open ? children : null}
    </details>
  );
}
