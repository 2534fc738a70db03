import type { QuantityRule } from "@tessera/schema";
import { useId, useState } from "react";
import { freshId, idProblem } from "./ids.ts";

/**
 * A linear quantity rule in its two common shapes: "A ≤ k × B" (terms A×1, B×−k, bound 0) or a
 * plain bound "A ≤ k" (one term).
 */
export function QuantityRuleForm({
  components,
  taken,
  onAdd,
}: {
  components: { value: string; label: string }[];
  /** Ids in use: the new rule's id must be none of them. */
  taken: ReadonlySet<string>;
  onAdd: (rule: QuantityRule) => void;
}) {
  const formId = useId();
  const [ownId, setId] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const [left, setLeft] = useState("");
  const [comparator, setComparator] = useState<QuantityRule["comparator"]>("<=");
  const [k, setK] = useState("1");
  const [right, setRight] = useState("");
  const factor = Math.trunc(Number(k));
  const id = ownId ?? (left ? freshId(right ? `${left} per ${right}` : `${left} bound`, taken) : "");
  const problem = left === "" ? undefined : idProblem(id, taken);
  const ok = left !== "" && problem === undefined && Number.isFinite(factor) && left !== right;
  return (
    <form
      className="ts-row"
      style={{ alignItems: "flex-end", marginTop: "0.75rem" }}
      aria-label="Add a quantity rule"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        const words = description.trim() ? { description: description.trim() } : {};
        onAdd(
          right
            ? {
                id,
                ...words,
                terms: [
                  { component: left, coefficient: 1 },
                  { component: right, coefficient: -factor },
                ],
                comparator,
                bound: 0,
              }
            : { id, ...words, terms: [{ component: left, coefficient: 1 }], comparator, bound: factor },
        );
        setId(null);
        setDescription("");
      }}
    >
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-id`}>Quantity rule id</label>
        <input
          id={`${formId}-id`}
          className="ts-input"
          value={id}
          aria-invalid={problem !== undefined}
          aria-describedby={`${formId}-problem`}
          onChange={(e) => setId(e.target.value.trim())}
        />
        <span id={`${formId}-problem`} className="ts-hint" role={problem ? "alert" : undefined}>
          {problem ?? ""}
        </span>
      </div>
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-left`}>Quantity of</label>
        <select
          id={`${formId}-left`}
          className="ts-select"
          value={left}
          onChange={(e) => setLeft(e.target.value)}
        >
          <option value="">—</option>
          {components.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-cmp`}>Is</label>
        <select
          id={`${formId}-cmp`}
          className="ts-select"
          value={comparator}
          onChange={(e) => setComparator(e.target.value as QuantityRule["comparator"])}
        >
          <option value="<=">at most</option>
          <option value=">=">at least</option>
          <option value="==">exactly</option>
        </select>
      </div>
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-k`}>Number</label>
        <input
          id={`${formId}-k`}
          className="ts-input"
          style={{ width: "5rem" }}
          type="number"
          value={k}
          onChange={(e) => setK(e.target.value)}
        />
      </div>
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-right`}>Times the quantity of</label>
        <select
          id={`${formId}-right`}
          className="ts-select"
          value={right}
          onChange={(e) => setRight(e.target.value)}
        >
          <option value="">(nothing: a plain bound)</option>
          {components.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-description`}>In words (optional)</label>
        <input
          id={`${formId}-description`}
          className="ts-input"
          value={description}
          placeholder="Storage is at most 10 GB per seat."
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <button type="submit" className="ts-button" disabled={!ok}>
        Add quantity rule
      </button>
    </form>
  );
}
