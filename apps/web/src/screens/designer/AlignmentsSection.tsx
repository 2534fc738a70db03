/**
 * Alignment rules on the paths page, where plan changes are designed (Kill Bill's alignments): for
 * billing (on which dates a subscription bills), create (from when a new add-on's phases count) and
 * change (from when the new package's phases count after a plan change), ordered cases — the first
 * that matches wins — each matching by role, package, portfolio and billing period, with a default.
 * Cases are added, edited, reordered and deleted here; see alignmentRules.ts for the edits.
 */
import type { Catalog } from "@tessera/schema";
import {
  ALIGNMENTS,
  type AlignmentCase,
  type AlignmentKind,
  addCase,
  isDefaultCase,
  moveCase,
  withCaseId,
  withCases,
  withWhen,
} from "./alignmentRules.ts";
import type { Path } from "./docEdit.ts";
import { ChecklistField, inContext, SelectField, TextField } from "./fields.tsx";
import { PickList } from "./PickList.tsx";
import { BILLING_PERIODS } from "./periods.ts";

const KINDS: readonly { kind: AlignmentKind; title: string; hint: string }[] = [
  {
    kind: "billing",
    title: "Billing alignment",
    hint: "On which dates a subscription's billing periods start.",
  },
  {
    kind: "create",
    title: "Create alignment (add-ons)",
    hint: "From which date a new add-on's phases (trial, discount) are counted.",
  },
  {
    kind: "change",
    title: "Change alignment (plan changes)",
    hint: "From which date the new package's phases are counted after a plan change.",
  },
];
const ROLES = [
  { value: "base", label: "base packages" },
  { value: "add_on", label: "add-ons" },
] as const;

function CaseCard({
  doc,
  kind,
  title,
  index,
  cases,
  put,
  readOnly,
}: {
  doc: Catalog;
  kind: AlignmentKind;
  title: string;
  index: number;
  cases: readonly AlignmentCase[];
  put: (cases: AlignmentCase[]) => void;
  readOnly: boolean;
}) {
  const c = cases[index] as AlignmentCase;
  const at = `/alignments/${kind}/${index}`;
  const name = `${title} case ${index + 1}`;
  const edit = (next: AlignmentCase) => put(cases.map((x, i) => (i === index ? next : x)));
  return (
    <fieldset className="ts-card ts-case-side" data-pointer={at}>
      <legend className="ts-label">
        {name}
        {isDefaultCase(c) ? " — the default (matches every subscription)" : ""}
      </legend>
      <div className="grid-3">
        <SelectField
          label={inContext(`${name}:`, "Counted")}
          pointer={`${at}/alignment`}
          value={c.alignment}
          options={ALIGNMENTS[kind]}
          readOnly={readOnly}
          onChange={(v) => edit({ ...c, alignment: v } as AlignmentCase)}
        />
        <TextField
          label={inContext(`${name}:`, "Id (optional)")}
          pointer={`${at}/id`}
          value={c.id}
          readOnly={readOnly}
          hint="Diagnostics and explanations name it."
          onChange={(v) => edit(withCaseId(c, v))}
        />
        {!readOnly ? (
          <span className="ts-row" style={{ gap: "0.25rem", alignSelf: "center" }}>
            <button
              type="button"
              className="ts-button ts-button--small"
              aria-label={`Move ${name} up`}
              disabled={index === 0}
              onClick={() => put(moveCase(cases, index, index - 1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="ts-button ts-button--small"
              aria-label={`Move ${name} down`}
              disabled={index === cases.length - 1}
              onClick={() => put(moveCase(cases, index, index + 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className="ts-button ts-button--small ts-button--danger"
              aria-label={`Delete ${name}`}
              onClick={() => put(cases.filter((_, i) => i !== index))}
            >
              Delete
            </button>
          </span>
        ) : null}
      </div>
      <div className="grid-2">
        <ChecklistField<string>
          label={inContext(`${name}:`, "Package roles")}
          pointer={`${at}/when/roles`}
          value={c.when?.roles ?? []}
          options={ROLES}
          readOnly={readOnly}
          hint="None ticked: both."
          onChange={(v) => edit(withWhen(c, { roles: v }))}
        />
        <ChecklistField<string>
          label={inContext(`${name}:`, "Billing periods")}
          pointer={`${at}/when/billingPeriods`}
          value={c.when?.billingPeriods ?? []}
          options={BILLING_PERIODS.map((p) => ({ value: p, label: p.replace("_", " ") }))}
          readOnly={readOnly}
          hint="None ticked: any."
          onChange={(v) => edit(withWhen(c, { billingPeriods: v }))}
        />
        <PickList
          label={`${name}: packages`}
          pointer={`${at}/when/packages`}
          options={doc.packages.map((p) => ({ value: p.id, label: p.name }))}
          value={c.when?.packages ?? []}
          readOnly={readOnly}
          hint={kind === "change" ? "The package changed to." : undefined}
          onChange={(ids) => edit(withWhen(c, { packages: ids }))}
        />
        <PickList
          label={`${name}: portfolios`}
          pointer={`${at}/when/portfolios`}
          options={doc.portfolios.map((p) => ({ value: p.id, label: p.name }))}
          value={c.when?.portfolios ?? []}
          readOnly={readOnly}
          onChange={(ids) => edit(withWhen(c, { portfolios: ids }))}
        />
      </div>
    </fieldset>
  );
}

export function AlignmentsSection({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  return (
    <section className="ts-card" aria-labelledby="alignments-title" data-pointer="/alignments">
      <h2 id="alignments-title">Alignment rules (first match wins)</h2>
      <p className="ts-hint" style={{ marginTop: 0 }}>
        With no case: billing on the account's billing day, add-on phases from the start of the base
        subscription, and after a plan change from the change's effective date.
      </p>
      {KINDS.map(({ kind, title, hint }) => {
        const cases = (doc.alignments?.[kind] ?? []) as AlignmentCase[];
        const put = (next: AlignmentCase[]) => set(["alignments"], withCases(doc.alignments, kind, next));
        return (
          <section key={kind} aria-label={title} className="stack" style={{ gap: "0.5rem" }}>
            <h3 style={{ margin: "0.75rem 0 0" }}>{title}</h3>
            <span className="ts-hint">{hint}</span>
            {cases.map((_, i) => (
              <CaseCard
                key={i}
                doc={doc}
                kind={kind}
                title={title.replace(/ \(.*\)$/, "")}
                index={i}
                cases={cases}
                put={put}
                readOnly={readOnly}
              />
            ))}
            {!readOnly ? (
              <button
                type="button"
                className="ts-button ts-button--small"
                style={{ alignSelf: "flex-start" }}
                onClick={() => put(addCase(kind, cases))}
              >
                Add a {title.replace(/ \(.*\)$/, "").toLowerCase()} case
              </button>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
