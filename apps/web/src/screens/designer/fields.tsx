/** Labelled form controls that carry the JSON Pointer of the value they edit (diagnostics link to it). */
import { useId } from "react";

interface Base {
  label: string;
  pointer: string;
  hint?: string;
  readOnly?: boolean;
}

export function TextField({
  label,
  pointer,
  hint,
  value,
  onChange,
  readOnly = false,
  placeholder,
}: Base & { value: string | undefined; onChange: (v: string) => void; placeholder?: string }) {
  const id = useId();
  return (
    <div className="ts-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="ts-input"
        data-pointer={pointer}
        value={value ?? ""}
        readOnly={readOnly}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <span className="ts-hint">{hint}</span> : null}
    </div>
  );
}

export function NumberField({
  label,
  pointer,
  hint,
  value,
  onChange,
  readOnly = false,
}: Base & { value: number | undefined; onChange: (v: number | undefined) => void }) {
  const id = useId();
  return (
    <div className="ts-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        className="ts-input"
        data-pointer={pointer}
        value={value ?? ""}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Math.trunc(e.target.valueAsNumber))}
      />
      {hint ? <span className="ts-hint">{hint}</span> : null}
    </div>
  );
}

export function SelectField({
  label,
  pointer,
  hint,
  value,
  options,
  onChange,
  readOnly = false,
}: Base & {
  value: string | undefined;
  options: readonly (string | { value: string; label: string })[];
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="ts-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="ts-select"
        data-pointer={pointer}
        value={value ?? ""}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
      >
        {!options.some((o) => (typeof o === "string" ? o : o.value) === (value ?? "")) ? (
          <option value="">—</option>
        ) : null}
        {options.map((o) => {
          const v = typeof o === "string" ? o : o.value;
          return (
            <option key={v} value={v}>
              {typeof o === "string" ? o : o.label}
            </option>
          );
        })}
      </select>
      {hint ? <span className="ts-hint">{hint}</span> : null}
    </div>
  );
}
