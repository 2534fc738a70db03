/**
 * Rules between picks (in sentences, edited in the rule editor, or node by node when written as a
 * nested formula) and quantity rules.
 */
import { ruleFormulas } from "@tessera/engine";
import { useState } from "react";
import { FormulaRuleForm } from "./FormulaEditor.tsx";
import { IdField } from "./IdField.tsx";
import type { PackageCtx } from "./packageContext.ts";
import { QuantityRuleForm } from "./QuantityRuleForm.tsx";
import { RowActions } from "./RowActions.tsx";
import { RuleEditor } from "./RuleEditor.tsx";
import { isEditable, quantityRuleInWords, ruleInWords } from "./rules.ts";

export function RulesSection({ ctx }: { ctx: PackageCtx }) {
  const { pkg, p, set, readOnly, serviceName, pickName, takenIds, at, optionList, addOnList } = ctx;
  const componentName = (id: string) => {
    const c = pkg.components?.find((x) => x.id === id);
    return c ? (c.name ?? serviceName(c.service)) : id;
  };
  /** The index of the rule being changed in the rule editor, if any. */
  const [editingRule, setEditingRule] = useState<number | undefined>(undefined);
  /** Whether the rule editor is open for a new rule. */
  const [newRuleOpen, setNewRuleOpen] = useState(false);
  const editedRule = editingRule === undefined ? undefined : pkg.rules?.[editingRule];
  return (
    <section className="ts-card" aria-labelledby="pkg-rules">
      <h2 id="pkg-rules">Rules</h2>
      {(pkg.rules ?? []).length === 0 ? (
        <p className="ts-hint">No rules: every combination of picks is allowed.</p>
      ) : null}
      <ul className="rule-list" aria-label="Rules of the package">
        {(pkg.rules ?? []).map((r, j) => (
          <li
            key={r.id}
            data-pointer={p("rules", j)}
            tabIndex={-1}
            aria-current={editingRule === j ? "true" : undefined}
          >
            <span style={{ flex: 1 }}>
              <strong>{r.name ?? r.id}</strong>: {ruleInWords(r, pickName)}
              {r.description ? <div className="ts-hint">{r.description}</div> : null}
              {!isEditable(r) ? <div className="ts-hint">Written as a nested formula.</div> : null}
            </span>
            {!readOnly ? (
              <>
                {isEditable(r) ? (
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    aria-label={`Write rule ${r.id} as a formula`}
                    title="For conditions the lists cannot say: not, if … then, at least k of, nesting."
                    onClick={() => {
                      const f = ruleFormulas(r);
                      const { when: _w, ...rest } = r;
                      set([...at, "rules", j], {
                        ...rest,
                        ...(f.when !== undefined ? { when: f.when } : {}),
                        // biome-ignore lint/suspicious/noThenProperty: "then" is the schema's name for a rule's consequence
                        then: f.then,
                      });
                      setNewRuleOpen(false);
                      setEditingRule(j);
                    }}
                  >
                    As a formula
                  </button>
                ) : null}
                <button
                  type="button"
                  className="ts-button ts-button--small"
                  aria-label={`Change rule ${r.id}`}
                  aria-pressed={editingRule === j}
                  onClick={() => {
                    setNewRuleOpen(false);
                    setEditingRule(editingRule === j ? undefined : j);
                  }}
                >
                  Change
                </button>
                <RowActions
                  doc={ctx.doc}
                  path={[...at, "rules", j]}
                  name={`rule ${r.name ?? r.id}`}
                  set={set}
                />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {!readOnly && editingRule !== undefined && editedRule && !isEditable(editedRule) ? (
        <FormulaRuleForm
          rule={editedRule}
          path={[...at, "rules", editingRule]}
          pointerOf={(...rest) => p("rules", editingRule, ...rest)}
          picks={[...optionList, ...addOnList]}
          set={set}
          readOnly={readOnly}
        />
      ) : null}
      {!readOnly && ((editingRule !== undefined && editedRule && isEditable(editedRule)) || newRuleOpen) ? (
        <RuleEditor
          // A new editor for each rule changed, and a fresh one for each new rule.
          key={editingRule === undefined ? "new" : `edit-${pkg.rules?.[editingRule]?.id}`}
          options={[...optionList, ...addOnList]}
          taken={takenIds}
          editing={editingRule === undefined ? undefined : pkg.rules?.[editingRule]}
          onSave={(rule) => {
            const rules = pkg.rules ?? [];
            if (editingRule === undefined) set([...at, "rules"], [...rules, rule]);
            else
              set(
                [...at, "rules"],
                rules.map((r, i) => (i === editingRule ? rule : r)),
              );
            setEditingRule(undefined);
            setNewRuleOpen(false);
          }}
          onCancel={() => {
            setEditingRule(undefined);
            setNewRuleOpen(false);
          }}
        />
      ) : null}
      {!readOnly && editingRule === undefined && !newRuleOpen ? (
        <button
          type="button"
          className="ts-button"
          style={{ marginTop: "0.75rem" }}
          onClick={() => setNewRuleOpen(true)}
        >
          New rule…
        </button>
      ) : null}
      {(pkg.quantityRules ?? []).length > 0 || (!readOnly && (pkg.components ?? []).length > 0) ? (
        <h3 className="ts-rule-editor">Quantity rules</h3>
      ) : null}
      {(pkg.quantityRules ?? []).length > 0 ? (
        <ul className="rule-list" aria-label="Quantity rules of the package">
          {(pkg.quantityRules ?? []).map((q, j) => (
            <li key={q.id} data-pointer={p("quantityRules", j)} tabIndex={-1}>
              <span style={{ flex: 1 }}>
                <strong>{quantityRuleInWords(q, componentName)}</strong>
                <IdField
                  label={`Id of quantity rule ${q.id}`}
                  compact
                  id={q.id}
                  pointer={p("quantityRules", j, "id")}
                  taken={takenIds}
                  readOnly={readOnly}
                  onRename={(to) => set([...at, "quantityRules", j, "id"], to)}
                />
                <input
                  className="ts-input"
                  aria-label={`Quantity rule ${q.id} in words`}
                  placeholder="The relation in words, e.g. Storage is at most 10 GB per seat."
                  data-pointer={p("quantityRules", j, "description")}
                  value={q.description ?? ""}
                  readOnly={readOnly}
                  onChange={(e) =>
                    set([...at, "quantityRules", j, "description"], e.target.value || undefined)
                  }
                />
              </span>
              {!readOnly ? (
                <RowActions
                  doc={ctx.doc}
                  path={[...at, "quantityRules", j]}
                  name={`quantity rule ${q.id}`}
                  set={set}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!readOnly && (pkg.components ?? []).length > 0 ? (
        <QuantityRuleForm
          components={(pkg.components ?? []).map((c) => ({
            value: c.id,
            label: c.name ?? serviceName(c.service),
          }))}
          taken={takenIds}
          onAdd={(rule) => set([...at, "quantityRules"], [...(pkg.quantityRules ?? []), rule])}
        />
      ) : null}
    </section>
  );
}
