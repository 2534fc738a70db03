/** Labelled form controls that carry the JSON Pointer of the value they edit (diagnostics link to it). */
import { type InputHTMLAttributes, type ReactNode, useId, useState } from "react";

interface Base {
  /** What the field is called; a node when part of it is for screen readers only (see `inContext`). */
  label: ReactNode;
  pointer: string;
  hint?: string | undefined;
  readOnly?: boolean;
}

/**
 * A label read in full by screen readers and tests ("Phase 2 length") but shown short ("Length")
 * where a legend above already names the context.
 */
export function inContext(context: string, text: string): ReactNode {
  return (
    <>
      <span className="ts-visually-hidden">{context} </span>
      {text}
    </>
  );
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

/** Text of several lines (an address, terms and conditions); line breaks are kept as typed. */
export function TextAreaField({
  label,
  pointer,
  hint,
  value,
  onChange,
  readOnly = false,
  rows = 3,
  maxLength,
}: Base & {
  value: string | undefined;
  onChange: (v: string) => void;
  rows?: number;
  maxLength?: number;
}) {
  const id = useId();
  return (
    <div className="ts-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="ts-input"
        data-pointer={pointer}
        value={value ?? ""}
        rows={rows}
        maxLength={maxLength}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? <span className="ts-hint">{hint}</span> : null}
    </div>
  );
}

/**
 * A whole-number input. With `required`, emptying it commits nothing (the value cannot be absent):
 * it stays empty while it has focus, so a new number can be typed over the old one, and shows the
 * value again when left.
 */
export function NumberInput({
  value,
  onChange,
  required = false,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type" | "required"> & {
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  required?: boolean;
}) {
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      {...rest}
      type="number"
      value={text ?? value ?? ""}
      onBlur={() => setText(null)}
      onChange={(e) => {
        if (required && e.target.value === "") {
          setText("");
          return;
        }
        setText(null);
        onChange(e.target.value === "" ? undefined : Math.trunc(e.target.valueAsNumber));
      }}
    />
  );
}

/** A labelled whole number (see NumberInput for `required`). */
export function NumberField({
  label,
  pointer,
  hint,
  value,
  onChange,
  readOnly = false,
  required = false,
}: Base & { value: number | undefined; onChange: (v: number | undefined) => void; required?: boolean }) {
  const id = useId();
  return (
    <div className="ts-field">
      <label htmlFor={id}>{label}</label>
      <NumberInput
        id={id}
        className="ts-input"
        data-pointer={pointer}
        value={value}
        readOnly={readOnly}
        required={required}
        onChange={onChange}
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

export function CheckboxField({
  label,
  pointer,
  hint,
  checked,
  onChange,
  readOnly = false,
}: Base & { checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="ts-field">
      <span className="ts-row" style={{ gap: "0.4rem" }}>
        <input
          id={id}
          type="checkbox"
          data-pointer={pointer}
          checked={checked}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id} className="ts-label">
          {label}
        </label>
      </span>
      {hint ? <span className="ts-hint">{hint}</span> : null}
    </div>
  );
}

/**
 * A list of words typed comma-separated (tags, months). The text stays as typed while the field
 * has focus, so "a, " does not snap back to "a"; each keystroke commits the parsed list.
 */
export function ListField<T>({
  label,
  pointer,
  hint,
  value,
  parse,
  onChange,
  readOnly = false,
  placeholder,
}: Base & {
  value: readonly T[];
  parse: (word: string) => T | undefined;
  onChange: (v: T[]) => void;
  placeholder?: string;
}) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  return (
    <div className="ts-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="ts-input"
        data-pointer={pointer}
        value={text ?? value.join(", ")}
        readOnly={readOnly}
        placeholder={placeholder}
        onBlur={() => setText(null)}
        onChange={(e) => {
          setText(e.target.value);
          const words = e.target.value
            .split(",")
            .map((w) => w.trim())
            .filter(Boolean);
          const items: T[] = [];
          for (const w of words) {
            const item = parse(w);
            if (item !== undefined && !items.includes(item)) items.push(item);
          }
          onChange(items);
        }}
      />
      {hint ? <span className="ts-hint">{hint}</span> : null}
    </div>
  );
}

/** A choice of several values from a fixed list, as checkboxes (billing periods, payment terms). */
export function ChecklistField<T extends string | number>({
  label,
  pointer,
  hint,
  value,
  options,
  onChange,
  readOnly = false,
}: Base & {
  value: readonly T[];
  options: readonly { value: T; label: string }[];
  onChange: (v: T[]) => void;
}) {
  return (
    <fieldset className="ts-field" style={{ border: "none", padding: 0 }} data-pointer={pointer}>
      <legend className="ts-label">{label}</legend>
      <div className="ts-row" style={{ flexWrap: "wrap" }}>
        {options.map((o) => (
          <label key={String(o.value)} className="ts-row" style={{ gap: "0.25rem" }}>
            <input
              type="checkbox"
              disabled={readOnly}
              checked={value.includes(o.value)}
              onChange={(e) =>
                onChange(
                  options
                    .map((x) => x.value)
                    .filter((x) => (x === o.value ? e.target.checked : value.includes(x))),
                )
              }
            />
            {o.label}
          </label>
        ))}
      </div>
      {hint ? <span className="ts-hint">{hint}</span> : null}
    </fieldset>
  );
}
