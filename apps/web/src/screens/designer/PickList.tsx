/** A list of ids chosen from a menu, shown as removable chips (rule picks, add-on bases, requirements). */

export interface Pick {
  value: string;
  label: string;
}

/** A list of picks as removable chips, with a menu to add one more. */
export function PickList({
  label,
  options,
  value,
  onChange,
  readOnly = false,
  pointer,
  hint,
}: {
  label: string;
  options: readonly Pick[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  readOnly?: boolean;
  /** JSON Pointer of the list edited (diagnostics focus it). */
  pointer?: string;
  hint?: string | undefined;
}) {
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const rest = options.filter((o) => !value.includes(o.value));
  return (
    <fieldset className="ts-picklist" data-pointer={pointer}>
      <legend className="ts-label">{label}</legend>
      <div className="ts-row">
        {value.map((v) => (
          <span key={v} className="ts-chip">
            {labelOf(v)}
            <button
              type="button"
              hidden={readOnly}
              className="ts-chip__remove"
              aria-label={`Remove ${labelOf(v)} from “${label}”`}
              onClick={() => onChange(value.filter((x) => x !== v))}
            >
              ×
            </button>
          </span>
        ))}
        <select
          className="ts-select"
          aria-label={`Add to “${label}”`}
          value=""
          disabled={readOnly || rest.length === 0}
          onChange={(e) => {
            if (e.target.value) onChange([...value, e.target.value]);
          }}
        >
          <option value="">{value.length === 0 ? "Add…" : "Add another…"}</option>
          {rest.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {hint ? <span className="ts-hint">{hint}</span> : null}
    </fieldset>
  );
}
