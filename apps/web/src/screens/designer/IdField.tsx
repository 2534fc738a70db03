/**
 * An existing thing's id, renamable: the new id is checked as a new one would be (valid, unused),
 * refused with the reason, and on "Rename" every reference to the old id follows (the caller
 * rewrites the catalog with the engine's `renameId`).
 */
import { useId, useState } from "react";
import { idProblem } from "./ids.ts";

export function IdField({
  label = "Id",
  id,
  pointer,
  taken,
  readOnly = false,
  compact = false,
  onRename,
}: {
  label?: string;
  id: string;
  pointer: string;
  /** Ids in use, including `id` itself. */
  taken: ReadonlySet<string>;
  readOnly?: boolean;
  /** In a table cell: the label is for screen readers only. */
  compact?: boolean;
  onRename: (to: string) => void;
}) {
  const fieldId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? id;
  const others = new Set(taken);
  others.delete(id);
  const problem = value === id ? undefined : idProblem(value, others);
  const rename = () => {
    if (problem !== undefined || value === id) return;
    onRename(value);
    setDraft(null);
  };
  return (
    <div className="ts-field" style={compact ? { margin: "0.25rem 0 0" } : undefined}>
      <label htmlFor={fieldId} className={compact ? "ts-visually-hidden" : undefined}>
        {label}
      </label>
      <div className="ts-row" style={{ gap: "0.25rem" }}>
        <input
          id={fieldId}
          className={compact ? "ts-input id-input" : "ts-input"}
          data-pointer={pointer}
          value={value}
          readOnly={readOnly}
          aria-invalid={problem !== undefined}
          aria-describedby={`${fieldId}-hint`}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              rename();
            } else if (e.key === "Escape") setDraft(null);
          }}
        />
        {!readOnly && value !== id ? (
          <button
            type="button"
            className="ts-button ts-button--small"
            disabled={problem !== undefined}
            onClick={rename}
          >
            Rename
          </button>
        ) : null}
      </div>
      <span id={`${fieldId}-hint`} className="ts-hint" role={problem ? "alert" : undefined}>
        {problem ?? (value !== id ? "Every reference to it follows the new id." : "")}
      </span>
    </div>
  );
}
