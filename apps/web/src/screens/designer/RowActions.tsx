/**
 * Move up, move down, duplicate and delete for an entry of any list of the catalog. Deleting shows
 * what points at the entry first (from the engine's reference table): when every reference can go
 * with it, the designer may delete both; when one needs a decision (a component built from a
 * service, a rule naming an option), deletion is refused with the list.
 */
import { deletion, duplicateEntry, type Namespace, type Referrer } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { useEffect, useRef, useState } from "react";
import { getIn, moveItem, type Path } from "./docEdit.ts";

/** "`service` of component `x` (/packages/0/…)" as a product manager reads it: “service” of component “x”. */
export function inWords(where: string): string {
  return where.replace(/\s*\(\/[^)]*\)$/, "").replace(/`([^`]*)`/g, "“$1”");
}

export function RowActions({
  doc,
  path,
  name,
  set,
  namespace = "catalog",
  duplicate = true,
  minItems = 0,
  compact = false,
}: {
  doc: Catalog;
  /** The entry's path: its list's path and its index. */
  path: Path;
  /** The entry's name, for labels ("Delete charge Seats"). */
  name: string;
  set: (path: Path, value: unknown) => void;
  namespace?: Namespace;
  duplicate?: boolean;
  /** The schema's minimum length of the list: the last entries cannot be deleted. */
  minItems?: number;
  /** In a table row: symbols instead of words (the accessible names stay words). */
  compact?: boolean;
}) {
  const [pending, setPending] = useState<{ referrers: Referrer[]; removable: boolean } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (pending && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [pending]);
  const listPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  const list = (getIn(doc, listPath) as unknown[] | undefined) ?? [];
  const move = (to: number) => set(listPath, moveItem(list, index, to));
  const remove = () => {
    const d = deletion(doc, [...path], namespace);
    if (d.referrers.length === 0) set([], d.remove());
    else setPending({ referrers: d.referrers, removable: d.removable });
  };
  return (
    <span className="ts-row" style={{ gap: "0.25rem", flexWrap: compact ? "nowrap" : "wrap" }}>
      <button
        type="button"
        className="ts-button ts-button--small"
        aria-label={`Move ${name} up`}
        disabled={index === 0}
        onClick={() => move(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="ts-button ts-button--small"
        aria-label={`Move ${name} down`}
        disabled={index >= list.length - 1}
        onClick={() => move(index + 1)}
      >
        ↓
      </button>
      {duplicate ? (
        <button
          type="button"
          className="ts-button ts-button--small"
          aria-label={`Duplicate ${name}`}
          title={compact ? "Duplicate" : undefined}
          onClick={() => set([], duplicateEntry(doc, [...path]).doc)}
        >
          {/* A symbol, not a word other than the accessible name ("Duplicate …"): axe's label-content-name-mismatch. */}
          {compact ? "⧉" : "Duplicate"}
        </button>
      ) : null}
      <button
        type="button"
        className="ts-button ts-button--small ts-button--danger"
        aria-label={`Delete ${name}`}
        disabled={list.length <= minItems}
        title={
          list.length <= minItems ? "The list keeps at least this entry." : compact ? "Delete" : undefined
        }
        onClick={remove}
      >
        {compact ? "✕" : "Delete"}
      </button>
      {pending ? (
        <dialog
          ref={dialog}
          role="alertdialog"
          aria-label={`Before deleting ${name}`}
          className="ts-card"
          style={{ maxWidth: "40rem" }}
          onClose={() => setPending(null)}
        >
          <p style={{ margin: 0 }}>
            {pending.removable
              ? `${pending.referrers.length === 1 ? "This refers" : "These refer"} to ${name}; deleting it removes ${pending.referrers.length === 1 ? "it" : "them"} too:`
              : `${name} cannot be deleted while these refer to it; change them first:`}
          </p>
          <ul aria-label={`References to ${name}`}>
            {pending.referrers.map((r) => (
              <li key={r.pointer}>{inWords(r.where)}</li>
            ))}
          </ul>
          <span className="ts-row">
            {pending.removable ? (
              <button
                type="button"
                className="ts-button ts-button--small ts-button--danger"
                onClick={() => {
                  set([], deletion(doc, [...path], namespace).remove());
                  dialog.current?.close();
                }}
              >
                Delete with its references
              </button>
            ) : null}
            <button
              type="button"
              className="ts-button ts-button--small"
              onClick={() => dialog.current?.close()}
            >
              {pending.removable ? "Cancel" : "Close"}
            </button>
          </span>
        </dialog>
      ) : null}
    </span>
  );
}
