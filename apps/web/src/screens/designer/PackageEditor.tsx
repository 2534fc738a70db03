import { type CompiledCatalog, price } from "@tessera/engine";
import type { Catalog, Package, QuantityRule } from "@tessera/schema";
import { formatMoney } from "@tessera/ui";
import { useId, useMemo, useState } from "react";
import { today } from "../../engine/useCatalog.ts";
import { ChargeEditor } from "./ChargeEditor.tsx";
import { type Path, pointer } from "./docEdit.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { OptionGroupsEditor } from "./OptionGroupsEditor.tsx";
import { RuleEditor } from "./RuleEditor.tsx";
import { isEditable, ruleInWords } from "./rules.ts";

const PERIODS = ["month", "quarter", "year", "upfront"] as const;

interface Props {
  doc: Catalog;
  index: number;
  compiled: CompiledCatalog | undefined;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
}

/** Price of the package with its defaults, per currency and billing period (engine `price`). */
function PricePreview({ pkg, compiled }: { pkg: Package; compiled: CompiledCatalog | undefined }) {
  const rows = useMemo(() => {
    if (!compiled?.packages.has(pkg.id)) return [];
    const term = (pkg.terms.find((t) => t.default) ?? pkg.terms[0]).months;
    return compiled.doc.currencies.flatMap((currency) =>
      pkg.billingPeriods.map((billingPeriod) => {
        const r = price(compiled, { package: pkg.id, currency, billingPeriod, termMonths: term }, today());
        const error = r.violations.find((v) => v.severity === "error");
        return {
          currency,
          billingPeriod,
          perPeriod: r.totals.perPeriod,
          mrr: r.totals.mrr,
          error: error?.message,
        };
      }),
    );
  }, [pkg, compiled]);
  if (!compiled) return <p className="ts-hint">The price preview appears when the catalog has no errors.</p>;
  return (
    <table className="ts-table" aria-label="Price preview">
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col">Billing period</th>
          <th scope="col" className="ts-num">
            Per period
          </th>
          <th scope="col" className="ts-num">
            MRR
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.currency}-${r.billingPeriod}`}>
            <td>{r.currency}</td>
            <td>{r.billingPeriod}</td>
            {r.error ? (
              <td colSpan={2} className="ts-hint" style={{ color: "var(--ts-danger)" }}>
                {r.error}
              </td>
            ) : (
              <>
                <td className="ts-num">{formatMoney(r.perPeriod, r.currency)}</td>
                <td className="ts-num">{formatMoney(r.mrr, r.currency)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A linear quantity rule in its two common shapes: "A ≤ k × B" (terms A×1, B×−k, bound 0) or a
 * plain bound "A ≤ k" (one term).
 */
function QuantityRuleForm({
  components,
  onAdd,
}: {
  components: { value: string; label: string }[];
  onAdd: (rule: QuantityRule) => void;
}) {
  const formId = useId();
  const [id, setId] = useState("");
  const [left, setLeft] = useState("");
  const [comparator, setComparator] = useState<QuantityRule["comparator"]>("<=");
  const [k, setK] = useState("1");
  const [right, setRight] = useState("");
  const factor = Math.trunc(Number(k));
  const ok = id !== "" && left !== "" && Number.isFinite(factor) && left !== right;
  return (
    <form
      className="ts-row"
      style={{ alignItems: "flex-end", marginTop: "0.75rem" }}
      aria-label="Add a quantity rule"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd(
          right
            ? {
                id,
                terms: [
                  { component: left, coefficient: 1 },
                  { component: right, coefficient: -factor },
                ],
                comparator,
                bound: 0,
              }
            : { id, terms: [{ component: left, coefficient: 1 }], comparator, bound: factor },
        );
        setId("");
      }}
    >
      <div className="ts-field" style={{ margin: 0 }}>
        <label htmlFor={`${formId}-id`}>Quantity rule id</label>
        <input
          id={`${formId}-id`}
          className="ts-input"
          value={id}
          onChange={(e) => setId(e.target.value.trim())}
        />
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
      <button type="submit" className="ts-button" disabled={!ok}>
        Add quantity rule
      </button>
    </form>
  );
}

/**
 * Every catalog-wide id of the document (services, portfolios, packages and what they hold, path
 * rule cases): a new rule's id must be none of them.
 */
function catalogIds(doc: Catalog): Set<string> {
  const ids = new Set<string>();
  const add = (items: readonly { id: string }[] | undefined) => {
    for (const x of items ?? []) ids.add(x.id);
  };
  add(doc.services);
  add(doc.portfolios);
  add(doc.packages);
  add(doc.pathRules);
  for (const p of doc.packages) {
    add(p.components);
    add(p.optionGroups);
    for (const g of p.optionGroups ?? []) add(g.options);
    add(p.charges);
    add(p.rules);
    add(p.quantityRules);
    add(p.termination?.retentionOffers);
  }
  return ids;
}

/** A package in forms that follow the schema: basics, terms, components from the service library, options, rules, charges. */
export function PackageEditor({ doc, index, compiled, set, readOnly }: Props) {
  const pkg = doc.packages[index];
  const at: Path = ["packages", index];
  const [serviceToAdd, setServiceToAdd] = useState("");
  /** The index of the rule being changed in the rule editor, if any. */
  const [editingRule, setEditingRule] = useState<number | undefined>(undefined);
  /** Whether the rule editor is open for a new rule. */
  const [newRuleOpen, setNewRuleOpen] = useState(false);
  const takenIds = useMemo(() => catalogIds(doc), [doc]);
  if (!pkg) return null;
  const p = (...rest: (string | number)[]) => pointer([...at, ...rest]);
  const serviceName = (id: string) => doc.services.find((s) => s.id === id)?.name ?? id;
  const optionList = (pkg.optionGroups ?? []).flatMap((g) =>
    g.options.map((o) => ({ value: o.id, label: `${g.name}: ${o.name}` })),
  );
  const addOnList = doc.packages
    .filter((x) => x.role === "add_on")
    .map((x) => ({ value: x.id, label: `Add-on: ${x.name}` }));
  const pickName = (id: string) => [...optionList, ...addOnList].find((o) => o.value === id)?.label ?? id;
  const unitOf = (componentId: string | undefined) => {
    const c = pkg.components?.find((x) => x.id === componentId);
    return c ? (doc.services.find((s) => s.id === c.service)?.unit ?? "units") : "units";
  };

  return (
    <div className="stack">
      <section className="ts-card" aria-labelledby="pkg-basics">
        <h2 id="pkg-basics">
          {pkg.name} <span className="ts-badge">{pkg.role === "base" ? "base package" : "add-on"}</span>
        </h2>
        <div className="grid-3">
          <TextField
            label="Name"
            pointer={p("name")}
            value={pkg.name}
            readOnly={readOnly}
            onChange={(v) => set([...at, "name"], v)}
          />
          <TextField
            label="Id"
            pointer={p("id")}
            value={pkg.id}
            readOnly
            hint="Ids never change once created."
            onChange={() => {}}
          />
          <SelectField
            label="Portfolio"
            pointer={p("portfolio")}
            value={pkg.portfolio}
            options={doc.portfolios.map((x) => ({ value: x.id, label: x.name }))}
            readOnly={readOnly}
            onChange={(v) => set([...at, "portfolio"], v)}
          />
          <SelectField
            label="Role"
            pointer={p("role")}
            value={pkg.role}
            options={["base", "add_on"]}
            readOnly={readOnly}
            onChange={(v) => set([...at, "role"], v)}
          />
          <NumberField
            label="Tier"
            pointer={p("tier")}
            value={pkg.tier}
            readOnly={readOnly}
            onChange={(v) => set([...at, "tier"], v ?? 0)}
          />
          <SelectField
            label="Status"
            pointer={p("status")}
            value={pkg.status}
            options={["draft", "active", "retired"]}
            readOnly={readOnly}
            onChange={(v) => set([...at, "status"], v)}
          />
        </div>
        <TextField
          label="Description"
          pointer={p("description")}
          value={pkg.description}
          readOnly={readOnly}
          onChange={(v) => set([...at, "description"], v || undefined)}
        />
        <div className="grid-2">
          <TextField
            label="Terms (months, comma-separated)"
            pointer={p("terms")}
            value={pkg.terms.map((t) => t.months).join(", ")}
            readOnly={readOnly}
            hint="The first term is proposed on new quotes unless one is marked default."
            onChange={(v) => {
              const months = v
                .split(",")
                .map((x) => Math.trunc(Number(x.trim())))
                .filter((n) => Number.isFinite(n) && n > 0);
              if (months.length > 0)
                set(
                  [...at, "terms"],
                  months.map((m) => pkg.terms.find((t) => t.months === m) ?? { months: m }),
                );
            }}
          />
          <fieldset
            className="ts-field"
            style={{ border: "none", padding: 0 }}
            data-pointer={p("billingPeriods")}
          >
            <legend className="ts-label">Billing periods</legend>
            <div className="ts-row">
              {PERIODS.map((period) => (
                <label key={period} className="ts-row" style={{ gap: "0.25rem" }}>
                  <input
                    type="checkbox"
                    disabled={readOnly}
                    checked={pkg.billingPeriods.includes(period)}
                    onChange={(e) => {
                      const next = e.target.checked
                        ? PERIODS.filter((x) => x === period || pkg.billingPeriods.includes(x))
                        : pkg.billingPeriods.filter((x) => x !== period);
                      if (next.length > 0) set([...at, "billingPeriods"], next);
                    }}
                  />
                  {period}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </section>

      <section className="ts-card" aria-labelledby="pkg-components">
        <h2 id="pkg-components">Components</h2>
        <table className="ts-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Included</th>
              <th scope="col">Min</th>
              <th scope="col">Max</th>
              <th scope="col">Step</th>
              <th scope="col">Default</th>
            </tr>
          </thead>
          <tbody>
            {(pkg.components ?? []).map((c, j) => (
              <tr key={c.id} data-pointer={p("components", j)}>
                <td>
                  {c.name ?? serviceName(c.service)}
                  <div className="ts-hint">{c.id}</div>
                </td>
                {(["included", "min", "max", "step", "default"] as const).map((k) => (
                  <td key={k}>
                    <input
                      aria-label={`${c.name ?? serviceName(c.service)} ${k}`}
                      className="ts-input"
                      style={{ width: "5.5rem" }}
                      type="number"
                      data-pointer={p("components", j, k)}
                      value={c[k] ?? ""}
                      readOnly={readOnly}
                      onChange={(e) =>
                        set(
                          [...at, "components", j, k],
                          e.target.value === "" ? undefined : Math.trunc(e.target.valueAsNumber),
                        )
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!readOnly ? (
          <form
            className="ts-row"
            style={{ marginTop: "0.75rem" }}
            onSubmit={(e) => {
              e.preventDefault();
              const svc = doc.services.find((s) => s.id === serviceToAdd);
              if (!svc) return;
              set(
                [...at, "components"],
                [
                  ...(pkg.components ?? []),
                  { id: `${pkg.id}-${svc.id}`, service: svc.id, included: 0, min: 0 },
                ],
              );
              setServiceToAdd("");
            }}
          >
            <label className="ts-label" htmlFor={`svc-lib-${pkg.id}`}>
              Add from the service library
            </label>
            <select
              id={`svc-lib-${pkg.id}`}
              className="ts-select"
              value={serviceToAdd}
              onChange={(e) => setServiceToAdd(e.target.value)}
            >
              <option value="">—</option>
              {doc.services
                .filter((s) => s.status !== "retired")
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.unit}, {s.kind})
                  </option>
                ))}
            </select>
            <button type="submit" className="ts-button" disabled={!serviceToAdd}>
              Add component
            </button>
          </form>
        ) : null}
      </section>

      <OptionGroupsEditor pkg={pkg} at={at} set={set} readOnly={readOnly} taken={takenIds} />

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
                {!isEditable(r) ? (
                  <div className="ts-hint">
                    A nested formula: read-only here; change it in the JSON section.
                  </div>
                ) : null}
              </span>
              {!readOnly ? (
                <>
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    hidden={!isEditable(r)}
                    aria-label={`Change rule ${r.id}`}
                    aria-pressed={editingRule === j}
                    onClick={() => {
                      setNewRuleOpen(false);
                      setEditingRule(editingRule === j ? undefined : j);
                    }}
                  >
                    Change
                  </button>
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    aria-label={`Remove rule ${r.id}`}
                    onClick={() => {
                      setEditingRule(undefined);
                      set(
                        [...at, "rules"],
                        (pkg.rules ?? []).filter((_, i) => i !== j),
                      );
                    }}
                  >
                    Remove
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {!readOnly && (editingRule !== undefined || newRuleOpen) ? (
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
          <ul>
            {(pkg.quantityRules ?? []).map((q, j) => (
              <li key={q.id} data-pointer={p("quantityRules", j)} tabIndex={-1}>
                {q.description ??
                  `${q.terms.map((t) => `${t.coefficient} × ${t.component}`).join(" + ")} ${q.comparator} ${q.bound}`}
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
            onAdd={(rule) => set([...at, "quantityRules"], [...(pkg.quantityRules ?? []), rule])}
          />
        ) : null}
      </section>

      <section aria-labelledby="pkg-charges" className="stack">
        <div className="section-title">
          <h2 id="pkg-charges" style={{ margin: 0 }}>
            Charges
          </h2>
          {!readOnly ? (
            <button
              type="button"
              className="ts-button"
              onClick={() =>
                set(
                  [...at, "charges"],
                  [
                    ...pkg.charges,
                    {
                      id: `${pkg.id}-charge-${pkg.charges.length + 1}`,
                      name: "New charge",
                      model: "flat",
                      pricePoints: doc.currencies.map((currency) => ({ currency, amount: "0.00" })),
                    },
                  ],
                )
              }
            >
              Add charge
            </button>
          ) : null}
        </div>
        {pkg.charges.map((c, j) => (
          <ChargeEditor
            key={c.id}
            doc={doc}
            path={[...at, "charges", j]}
            charge={c}
            targets={[
              ...(pkg.components ?? []).map((x) => ({
                value: `component:${x.id}`,
                label: `component ${x.name ?? serviceName(x.service)}`,
              })),
              ...(pkg.optionGroups ?? []).flatMap((g) =>
                g.options.map((o) => ({ value: `option:${o.id}`, label: `option ${o.name}` })),
              ),
            ]}
            unitOf={unitOf}
            set={set}
            readOnly={readOnly}
          />
        ))}
      </section>

      <section className="ts-card" aria-labelledby="pkg-preview">
        <h2 id="pkg-preview">Price preview (defaults)</h2>
        <PricePreview pkg={pkg} compiled={compiled} />
      </section>
    </div>
  );
}
