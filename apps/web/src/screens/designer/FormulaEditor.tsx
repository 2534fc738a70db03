/**
 * A rule written as nested formulas, edited node by node: each node is a pick (an option or add-on
 * id) or a connective — all, any, none, not, if … then, if and only if, at least / at most /
 * exactly k of — over sub-formulas, which are added, changed and removed in place. The edits live
 * in formulaEdits.ts; the rule's sentence (the engine's `ruleInWords`) is shown above the form.
 */
import { ruleFormulas } from "@tessera/engine";
import type { Formula, Rule } from "@tessera/schema";
import type { Path } from "./docEdit.ts";
import { CheckboxField, NumberInput, TextField } from "./fields.tsx";
import {
  childrenOf,
  FORMULA_KINDS,
  type FormulaKind,
  formulaAs,
  kindOf,
  kRange,
  withChild,
  withK,
  withNewChild,
  withoutChild,
} from "./formulaEdits.ts";
import type { Pick } from "./PickList.tsx";

/** The JSON Pointer step of sub-formula `i` of a node of `kind`. */
const stepOf = (kind: FormulaKind, i: number) =>
  kind === "not"
    ? "not"
    : kind === "atLeast" || kind === "atMost" || kind === "exactly"
      ? `${kind}/of/${i}`
      : `${kind}/${i}`;

const PAIR_WORDS: Partial<Record<FormulaKind, [string, string]>> = {
  implies: ["if", "then"],
  iff: ["this", "if and only if"],
};

export function FormulaEditor({
  value,
  onChange,
  picks,
  name,
  pointer,
  readOnly,
}: {
  value: Formula;
  onChange: (f: Formula) => void;
  picks: readonly Pick[];
  /** How the node is named in labels: "when of rule r", "then of rule r › 2". */
  name: string;
  pointer: string;
  readOnly: boolean;
}) {
  const kind = kindOf(value);
  const fallback = picks[0]?.value ?? (typeof value === "string" ? value : "");
  const children = childrenOf(value);
  const count = kind === "atLeast" || kind === "atMost" || kind === "exactly";
  const range = kRange(kind, children.length);
  const canAdd = !readOnly && withNewChild(value, fallback) !== undefined;
  const options =
    typeof value === "string" && !picks.some((p) => p.value === value)
      ? [...picks, { value, label: `${value} (not in this package)` }]
      : picks;
  return (
    <div className="formula-node" data-pointer={pointer}>
      <span className="ts-row" style={{ gap: "0.25rem" }}>
        <select
          className="ts-select"
          aria-label={`Kind of ${name}`}
          value={kind}
          disabled={readOnly}
          onChange={(e) => onChange(formulaAs(value, e.target.value as FormulaKind, fallback))}
        >
          {FORMULA_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        {typeof value === "string" ? (
          <select
            className="ts-select"
            aria-label={`Pick of ${name}`}
            data-pointer={pointer}
            value={value}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.value)}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : null}
        {count ? (
          <NumberInput
            className="ts-input"
            style={{ width: "5rem" }}
            aria-label={`k of ${name}`}
            data-pointer={`${pointer}/${kind}/k`}
            min={range.min}
            max={range.max}
            required
            readOnly={readOnly}
            value={(value as Record<string, { k: number }>)[kind]?.k}
            onChange={(k) => onChange(withK(value, k ?? range.min))}
          />
        ) : null}
      </span>
      {children.map((child, i) => {
        const childName = `${name} › ${i + 1}`;
        const removed = withoutChild(value, i);
        return (
          <div key={i} className="formula-node__child">
            {PAIR_WORDS[kind] ? <span className="ts-hint">{PAIR_WORDS[kind]?.[i]}</span> : null}
            <FormulaEditor
              value={child}
              onChange={(c) => onChange(withChild(value, i, c))}
              picks={picks}
              name={childName}
              pointer={`${pointer}/${stepOf(kind, i)}`}
              readOnly={readOnly}
            />
            {!readOnly && removed !== undefined ? (
              <button
                type="button"
                className="ts-button ts-button--small"
                aria-label={`Remove ${childName}`}
                onClick={() => onChange(removed)}
              >
                ✕
              </button>
            ) : null}
          </div>
        );
      })}
      {canAdd ? (
        <button
          type="button"
          className="ts-button ts-button--small"
          aria-label={`Add a condition to ${name}`}
          onClick={() => onChange(withNewChild(value, fallback) ?? value)}
        >
          Add a condition
        </button>
      ) : null}
    </div>
  );
}

/** A formula rule's name, reason, optional condition ("when") and what must then hold. */
export function FormulaRuleForm({
  rule,
  path,
  pointerOf,
  picks,
  set,
  readOnly,
}: {
  rule: Rule;
  path: Path;
  pointerOf: (...rest: (string | number)[]) => string;
  picks: readonly Pick[];
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
}) {
  const fallback = picks[0]?.value ?? "";
  // A side still in list form is shown (and, once edited, written) as the formula it means.
  const f = ruleFormulas(rule);
  return (
    <fieldset
      className="ts-rule-editor stack"
      style={{ gap: "0.5rem", border: "none", padding: 0, margin: 0, minWidth: 0 }}
      aria-label={`Formula of rule ${rule.id}`}
    >
      <div className="grid-2">
        <TextField
          label={`Name of rule ${rule.id}`}
          pointer={pointerOf("name")}
          value={rule.name}
          readOnly={readOnly}
          onChange={(v) => set([...path, "name"], v.trim() ? v : undefined)}
        />
        <TextField
          label={`Why rule ${rule.id} exists`}
          pointer={pointerOf("description")}
          value={rule.description}
          readOnly={readOnly}
          onChange={(v) => set([...path, "description"], v || undefined)}
        />
      </div>
      <CheckboxField
        label={`Rule ${rule.id} applies only when a condition holds`}
        pointer={pointerOf("when")}
        checked={f.when !== undefined}
        readOnly={readOnly}
        onChange={(on) => set([...path, "when"], on ? fallback : undefined)}
      />
      {f.when !== undefined ? (
        <FormulaEditor
          value={f.when}
          onChange={(f) => set([...path, "when"], f)}
          picks={picks}
          name={`when of rule ${rule.id}`}
          pointer={pointerOf("when")}
          readOnly={readOnly}
        />
      ) : null}
      <strong className="ts-label">Then must hold</strong>
      <FormulaEditor
        value={f.then}
        onChange={(f) => set([...path, "then"], f)}
        picks={picks}
        name={`then of rule ${rule.id}`}
        pointer={pointerOf("then")}
        readOnly={readOnly}
      />
    </fieldset>
  );
}
