/**
 * The form for one rule of a package, in every form the schema allows: a condition made of any mix
 * of "all of", "any of" and "none of" (or none: the rule always applies) and a consequence
 * requiring all of, at least one of or exactly one of some picks, or ruling them out. The rule
 * reads back as a sentence while it is written, and the form says what is missing before it can
 * be added.
 */
import type { Rule } from "@tessera/schema";
import { useId, useMemo, useState } from "react";
import { type Pick, PickList } from "./PickList.tsx";
import {
  CONDITION_LABEL,
  CONDITION_PARTS,
  CONSEQUENCE_KINDS,
  CONSEQUENCE_LABEL,
  type ConsequenceKind,
  draftOf,
  draftProblems,
  emptyDraft,
  type RuleDraft,
  ruleInWords,
  ruleOf,
} from "./rules.ts";

export type { Pick };

/**
 * Writes a new rule, or changes `editing` (then its id may stay). `taken` holds every id of the
 * catalog; `options` the options and add-ons a rule can name.
 */
export function RuleEditor({
  options,
  taken,
  editing,
  onSave,
  onCancel,
}: {
  options: readonly Pick[];
  taken: ReadonlySet<string>;
  editing?: Rule | undefined;
  onSave: (rule: Rule) => void;
  onCancel?: (() => void) | undefined;
}) {
  const formId = useId();
  const [draft, setDraft] = useState<RuleDraft>(() => (editing ? draftOf(editing) : emptyDraft()));
  const change = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const others = useMemo(() => {
    if (!editing) return taken;
    const without = new Set(taken);
    without.delete(editing.id);
    return without;
  }, [taken, editing]);
  const problems = draftProblems(draft, others);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const preview =
    draft.thenIds.length > 0 ? ruleInWords(ruleOf({ ...draft, id: draft.id || "rule" }), labelOf) : undefined;
  const title = editing ? `Change rule ${editing.id}` : "Add a rule";
  return (
    <form
      className="ts-rule-editor"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length > 0) return;
        onSave(ruleOf(draft));
        if (!editing) setDraft(emptyDraft());
      }}
    >
      <h3>{title}</h3>
      <div className="grid-2">
        <div className="ts-field">
          <label htmlFor={`${formId}-id`}>Rule id</label>
          <input
            id={`${formId}-id`}
            className="ts-input"
            value={draft.id}
            placeholder="e.g. sso-needs-business"
            onChange={(e) => change({ id: e.target.value })}
          />
        </div>
        <div className="ts-field">
          <label htmlFor={`${formId}-name`}>Name (optional)</label>
          <input
            id={`${formId}-name`}
            className="ts-input"
            value={draft.name}
            placeholder="e.g. SSO needs Business; sellers see it in reasons"
            onChange={(e) => change({ name: e.target.value })}
          />
        </div>
        <div className="ts-field">
          <label htmlFor={`${formId}-description`}>Why (optional)</label>
          <input
            id={`${formId}-description`}
            className="ts-input"
            value={draft.description}
            placeholder="Shown to sellers when the rule blocks a pick"
            onChange={(e) => change({ description: e.target.value })}
          />
        </div>
      </div>
      <fieldset className="ts-rule-editor__part">
        <legend>When</legend>
        <p className="ts-hint" style={{ marginTop: 0 }}>
          Every list that has picks must hold. Leave all three empty for a rule that always applies.
        </p>
        {CONDITION_PARTS.map((part) => (
          <PickList
            key={part}
            label={CONDITION_LABEL[part]}
            options={options}
            value={draft.when[part]}
            onChange={(ids) => change({ when: { ...draft.when, [part]: ids } })}
          />
        ))}
      </fieldset>
      <fieldset className="ts-rule-editor__part">
        <legend>Then</legend>
        <div className="ts-field">
          <label htmlFor={`${formId}-kind`}>The rule must</label>
          <select
            id={`${formId}-kind`}
            className="ts-select"
            value={draft.thenKind}
            onChange={(e) => change({ thenKind: e.target.value as ConsequenceKind })}
          >
            {CONSEQUENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {CONSEQUENCE_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <PickList
          label={`Picks to ${CONSEQUENCE_LABEL[draft.thenKind]}`}
          options={options}
          value={draft.thenIds}
          onChange={(ids) => change({ thenIds: ids })}
        />
      </fieldset>
      {preview ? (
        <p className="ts-rule-editor__preview" aria-live="polite">
          <span className="ts-label">Reads:</span> {preview}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul className="ts-hint" aria-label="Before the rule can be saved">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="ts-row">
        <button type="submit" className="ts-button ts-button--primary" disabled={problems.length > 0}>
          {editing ? "Save rule" : "Add rule"}
        </button>
        {onCancel ? (
          <button type="button" className="ts-button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
