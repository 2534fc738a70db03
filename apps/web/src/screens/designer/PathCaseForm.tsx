/**
 * The form of one path-rule case: what it matches (kinds of move, add-on moves included, the
 * current and target package by id, portfolio or tier range, the billing period, the phase and the
 * price book) and its outcome (timing, proration and its style, whether the term restarts, minimum
 * days on the current package, the price book after the move, the reason shown).
 * Every control writes the document at its own pointer, so a diagnostic on the case focuses it.
 */
import type { Catalog, PackageMatch, PathRuleCase } from "@tessera/schema";
import { useId } from "react";
import { type Path, pointer } from "./docEdit.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { PickList } from "./PickList.tsx";
import { BILLING_PERIODS } from "./periods.ts";

const KINDS = [
  "upgrade",
  "downgrade",
  "crossgrade",
  "renew",
  "terminate",
  "remove_add_on",
  "change_add_on",
] as const;
const PERIODS = BILLING_PERIODS;
const PHASES = ["trial", "intro", "discount", "fixed_term", "evergreen"] as const;
const TIMINGS = [
  { value: "immediate", label: "immediately" },
  { value: "next_billing_date", label: "on the next billing date" },
  { value: "end_of_term", label: "at the end of the term" },
  { value: "illegal", label: "never (the move is blocked)" },
] as const;
const STYLES = [
  { value: "", label: "the catalog's (day-based unless it says otherwise)" },
  { value: "day_based", label: "day-based: current price × unused days" },
  { value: "flexible", label: "flexible: what was billed × unused days" },
] as const;
const PRORATIONS = [
  { value: "", label: "default (prorate when immediate, else none)" },
  { value: "prorate", label: "prorate by day" },
  { value: "none", label: "none" },
  { value: "full_credit", label: "credit the whole period" },
] as const;

/** Checkboxes for a set of words; an empty set is written as "absent" (the case matches any). */
function WordSet<T extends string>({
  legend,
  words,
  value,
  pointerOf,
  readOnly,
  onChange,
}: {
  legend: string;
  words: readonly T[];
  value: readonly T[] | undefined;
  pointerOf: string;
  readOnly: boolean;
  onChange: (v: T[] | undefined) => void;
}) {
  const id = useId();
  return (
    <fieldset className="ts-picklist" data-pointer={pointerOf}>
      <legend className="ts-label">{legend}</legend>
      <div className="ts-row" style={{ flexWrap: "wrap" }}>
        {words.map((w) => (
          <label key={w} htmlFor={`${id}-${w}`} className="ts-row" style={{ gap: "0.25rem" }}>
            <input
              id={`${id}-${w}`}
              type="checkbox"
              checked={value?.includes(w) ?? false}
              disabled={readOnly}
              onChange={(e) => {
                const next = words.filter((x) => (x === w ? e.target.checked : (value ?? []).includes(x)));
                onChange(next.length > 0 ? next : undefined);
              }}
            />
            {w.replaceAll("_", " ")}
          </label>
        ))}
        <span className="ts-hint">{value === undefined ? "none ticked: any" : ""}</span>
      </div>
    </fieldset>
  );
}

/** One side of the move (current or target package): every field given must hold. */
function MatchFields({
  doc,
  side,
  value,
  path,
  readOnly,
  set,
}: {
  doc: Catalog;
  side: string;
  value: PackageMatch | undefined;
  path: Path;
  readOnly: boolean;
  set: (path: Path, value: unknown) => void;
}) {
  const write = (patch: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...(value ?? {}), ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    set(path, Object.keys(next).length > 0 ? next : undefined);
  };
  const list = (ids: string[]) => (ids.length > 0 ? ids : undefined);
  return (
    <fieldset className="ts-card ts-case-side" data-pointer={pointer(path)}>
      <legend className="ts-label">{side}</legend>
      {readOnly ? (
        <p className="ts-hint">{JSON.stringify(value ?? {})}</p>
      ) : (
        <>
          <PickList
            label={`${side}: packages`}
            options={doc.packages.map((p) => ({ value: p.id, label: p.name }))}
            value={value?.packages ?? []}
            onChange={(ids) => write({ packages: list(ids) })}
          />
          <PickList
            label={`${side}: portfolios`}
            options={doc.portfolios.map((p) => ({ value: p.id, label: p.name }))}
            value={value?.portfolios ?? []}
            onChange={(ids) => write({ portfolios: list(ids) })}
          />
          <div className="grid-2">
            <NumberField
              label={`${side}: lowest tier`}
              pointer={pointer([...path, "minTier"])}
              value={value?.minTier}
              onChange={(v) => write({ minTier: v })}
            />
            <NumberField
              label={`${side}: highest tier`}
              pointer={pointer([...path, "maxTier"])}
              value={value?.maxTier}
              onChange={(v) => write({ maxTier: v })}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}

/** The editable body of case `index` of `doc.pathRules`. */
export function PathCaseForm({
  doc,
  index,
  readOnly,
  set,
}: {
  doc: Catalog;
  index: number;
  readOnly: boolean;
  set: (path: Path, value: unknown) => void;
}) {
  const c: PathRuleCase | undefined = doc.pathRules?.[index];
  if (!c) return null;
  const at = (...rest: (string | number)[]): Path => ["pathRules", index, ...rest];
  const name = c.id;
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <div className="grid-2">
        <TextField
          label={`Id of case ${index + 1}`}
          pointer={pointer(at("id"))}
          value={c.id}
          readOnly={readOnly}
          hint="Blocked moves name it. Lowercase letters, digits and dashes."
          onChange={(v) => set(at("id"), v)}
        />
        <TextField
          label={`Why ${name} exists`}
          pointer={pointer(at("description"))}
          value={c.description}
          readOnly={readOnly}
          onChange={(v) => set(at("description"), v === "" ? undefined : v)}
        />
      </div>
      <WordSet
        legend={`Kinds of move ${name} matches`}
        words={KINDS}
        value={c.kinds}
        pointerOf={pointer(at("kinds"))}
        readOnly={readOnly}
        onChange={(v) => set(at("kinds"), v)}
      />
      <div className="grid-2">
        <MatchFields doc={doc} side="From" value={c.from} path={at("from")} readOnly={readOnly} set={set} />
        <MatchFields doc={doc} side="To" value={c.to} path={at("to")} readOnly={readOnly} set={set} />
      </div>
      <div className="grid-2">
        <WordSet
          legend={`Billing periods ${name} matches`}
          words={PERIODS}
          value={c.billingPeriods}
          pointerOf={pointer(at("billingPeriods"))}
          readOnly={readOnly}
          onChange={(v) => set(at("billingPeriods"), v)}
        />
        <WordSet
          legend={`Phases ${name} matches`}
          words={PHASES}
          value={c.phases}
          pointerOf={pointer(at("phases"))}
          readOnly={readOnly}
          onChange={(v) => set(at("phases"), v)}
        />
      </div>
      {(doc.priceBooks ?? []).length > 0 ? (
        readOnly ? null : (
          <PickList
            label={`Price books ${name} matches (the arrangement's book)`}
            options={(doc.priceBooks ?? []).map((b) => ({ value: b.id, label: b.name }))}
            value={c.priceBooks ?? []}
            onChange={(ids) => set(at("priceBooks"), ids.length > 0 ? ids : undefined)}
          />
        )
      ) : null}
      <fieldset className="ts-card ts-case-side" data-pointer={pointer(at("outcome"))}>
        <legend className="ts-label">Outcome</legend>
        <div className="grid-3">
          <SelectField
            label={`The move takes effect (${name})`}
            pointer={pointer(at("outcome", "timing"))}
            value={c.outcome.timing}
            options={TIMINGS}
            readOnly={readOnly}
            onChange={(v) => set(at("outcome", "timing"), v)}
          />
          <SelectField
            label={`Proration (${name})`}
            pointer={pointer(at("outcome", "proration"))}
            value={c.outcome.proration ?? ""}
            options={PRORATIONS}
            readOnly={readOnly}
            onChange={(v) => set(at("outcome", "proration"), v === "" ? undefined : v)}
          />
          <NumberField
            label={`Minimum days on the current package (${name})`}
            pointer={pointer(at("outcome", "minimumDaysOnCurrent"))}
            value={c.outcome.minimumDaysOnCurrent}
            readOnly={readOnly}
            onChange={(v) => set(at("outcome", "minimumDaysOnCurrent"), v)}
          />
        </div>
        <div className="grid-3">
          <SelectField
            label={`Customers make it themselves in the portal (${name})`}
            pointer={pointer(at("selfService"))}
            value={c.selfService === undefined ? "" : String(c.selfService)}
            options={[
              { value: "", label: "upgrades yes, other moves no (default)" },
              { value: "true", label: "yes" },
              { value: "false", label: "no: the account team makes it" },
            ]}
            readOnly={readOnly}
            onChange={(v) => set(at("selfService"), v === "" ? undefined : v === "true")}
          />
          <SelectField
            label={`Proration style (${name})`}
            pointer={pointer(at("outcome", "prorationStyle"))}
            value={c.outcome.prorationStyle ?? ""}
            options={STYLES}
            readOnly={readOnly}
            onChange={(v) => set(at("outcome", "prorationStyle"), v === "" ? undefined : v)}
          />
          <SelectField
            label={`Price book after the move (${name})`}
            pointer={pointer(at("outcome", "priceBook"))}
            value={c.outcome.priceBook ?? ""}
            options={[
              { value: "", label: "the one it has" },
              ...(doc.priceBooks ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
            readOnly={readOnly}
            onChange={(v) => set(at("outcome", "priceBook"), v === "" ? undefined : v)}
          />
        </div>
        <TextField
          label={`Reason shown to the customer (${name})`}
          pointer={pointer(at("outcome", "reason"))}
          value={c.outcome.reason}
          readOnly={readOnly}
          onChange={(v) => set(at("outcome", "reason"), v === "" ? undefined : v)}
        />
        <label style={{ display: "flex", gap: "0.4rem", alignItems: "center" }}>
          <input
            type="checkbox"
            data-pointer={pointer(at("outcome", "termRestarts"))}
            checked={c.outcome.termRestarts ?? false}
            disabled={readOnly}
            onChange={(e) => set(at("outcome", "termRestarts"), e.target.checked ? true : undefined)}
          />
          The term starts again on the effective date ({name})
        </label>
      </fieldset>
    </div>
  );
}
