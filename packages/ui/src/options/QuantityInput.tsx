import { useEffect, useId, useState } from "react";
import { unitFor } from "../format/units.ts";

export interface QuantityInputProps {
  label: string;
  /** Unit of the service, singular: "seat", "GB". */
  unit: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  /** Units included in the package price. */
  included?: number;
  /** Why the allowed range is narrower than the service's own (quantity rules), in words. */
  limits?: string | undefined;
  /** Why the current value is not allowed and what to change (a configure violation). */
  problem?: string;
  onChange: (value: number) => void;
}

/**
 * A whole-number quantity with its bounds, step and included units. Out-of-bounds values are
 * accepted into the field and reported (the engine says why), never silently clamped.
 */
export function QuantityInput({
  label,
  unit,
  value,
  min = 0,
  max,
  step = 1,
  included,
  limits,
  problem,
  onChange,
}: QuantityInputProps) {
  const id = useId();
  // The field's text while typing ("" or "-" are fine to hold); the number goes out when it parses.
  const [draft, setDraft] = useState(String(value));
  useEffect(() => {
    setDraft((d) => (Number(d) === value && d.trim() !== "" ? d : String(value)));
  }, [value]);
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const bounds = `${min}${max === undefined ? "+" : max === min ? "" : `–${max}`}${step > 1 ? `, in steps of ${step}` : ""}`;
  const describedBy = [hintId, problem ? problemId : ""].filter(Boolean).join(" ");
  return (
    <div className="ts-qty">
      <div>
        <label className="ts-label" htmlFor={id}>
          {label}
        </label>
        <div id={hintId} className="ts-hint">
          {included ? `${included} ${unitFor(included, unit)} included · ` : ""}
          {`allowed ${bounds} ${unitFor(max === min ? min : 2, unit)}${limits ? ` · ${limits}` : ""}`}
        </div>
        {problem ? (
          <div id={problemId} className="ts-hint" role="alert" style={{ color: "var(--ts-danger)" }}>
            {problem}
          </div>
        ) : null}
      </div>
      <div className="ts-qty__control">
        <button
          type="button"
          className="ts-button ts-button--small"
          aria-label={`Decrease ${label}`}
          disabled={value - step < min}
          onClick={() => onChange(value - step)}
        >
          −
        </button>
        <input
          id={id}
          className="ts-input"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={step}
          value={draft}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            const next = e.target.valueAsNumber;
            if (Number.isFinite(next)) onChange(Math.trunc(next));
          }}
          onBlur={() => setDraft(String(value))}
        />
        <button
          type="button"
          className="ts-button ts-button--small"
          aria-label={`Increase ${label}`}
          disabled={max !== undefined && value + step > max}
          onClick={() => onChange(value + step)}
        >
          +
        </button>
      </div>
    </div>
  );
}
