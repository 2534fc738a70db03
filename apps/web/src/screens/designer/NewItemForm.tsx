/**
 * Creates a named thing with an id: the id follows the name as it is typed (a valid id, unique in
 * the catalog) until the designer types an id of their own; an invalid or taken id is refused with
 * the reason, before anything is added. Extra fields of the new thing go in `children`.
 */
import { type ReactNode, useId, useState } from "react";
import { freshId, idProblem } from "./ids.ts";

export function NewItemForm({
  title,
  nameLabel,
  idLabel,
  submitLabel,
  taken,
  prefix = "",
  ready = true,
  layout = "row",
  onCreate,
  children,
  lead,
  fallbackName,
  usedBy,
}: {
  /** The form's accessible name, e.g. "Add a service". */
  title: string;
  nameLabel: string;
  idLabel: string;
  submitLabel: string;
  /** Ids in use: the new id must be none of them. */
  taken: ReadonlySet<string>;
  /** Put before the slug of the name ("collab-team" → "collab-team-seats"). */
  prefix?: string;
  /** Whether the extra fields are complete. */
  ready?: boolean;
  layout?: "row" | "stack";
  /** Called with the id and the name typed (empty when the name is optional and left empty). */
  onCreate: (id: string, name: string) => void;
  /** Extra fields after the name and id. */
  children?: ReactNode;
  /** Fields before the name (what the new thing is made from). */
  lead?: ReactNode;
  /** When set, the name is optional: the id is derived from this instead. */
  fallbackName?: string | undefined;
  /** Where a taken id is used, for the refusal ("by another catalog"); default: this catalog. */
  usedBy?: string;
}) {
  const formId = useId();
  const [name, setName] = useState("");
  const [ownId, setOwnId] = useState<string | null>(null);
  const basis = name.trim() || (fallbackName ?? "").trim();
  const id = ownId ?? (basis ? freshId(basis, taken, prefix) : "");
  const problem = basis === "" && ownId === null ? undefined : idProblem(id, taken, usedBy);
  const ok = basis !== "" && problem === undefined && ready;
  return (
    <form
      aria-label={title}
      className={layout === "row" ? "ts-row" : "stack"}
      style={{ alignItems: "flex-start", flexWrap: "wrap", marginTop: "0.75rem", gap: "0.5rem 0.75rem" }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        onCreate(id, name.trim());
        setName("");
        setOwnId(null);
      }}
    >
      {lead}
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-name`}>{nameLabel}</label>
        <input
          id={`${formId}-name`}
          className="ts-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-id`}>{idLabel}</label>
        <input
          id={`${formId}-id`}
          className="ts-input"
          value={id}
          aria-invalid={problem !== undefined}
          aria-describedby={`${formId}-problem`}
          onChange={(e) => setOwnId(e.target.value)}
        />
        <span id={`${formId}-problem`} className="ts-hint" role={problem ? "alert" : undefined}>
          {problem ?? (ownId === null ? "Follows the name; type to choose your own." : "")}
        </span>
      </div>
      {children}
      <button type="submit" className="ts-button" disabled={!ok} style={{ alignSelf: "flex-end" }}>
        {submitLabel}
      </button>
    </form>
  );
}
