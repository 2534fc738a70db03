/**
 * The phases of a new subscription, in the order they run (Kill Bill's plan phases): a free trial,
 * an introductory or discount price, a fixed term at the regular price, and an evergreen phase that
 * runs until cancelled. Each phase lasts days, billing periods or a duration, and a discounted
 * phase takes a percent or a fixed amount per currency off. Phases are added, edited, reordered and
 * deleted here; add-ons have phases too (create alignment decides when theirs start). The edits
 * live in phaseEdits.ts.
 */
import type { Phase } from "@tessera/schema";
import { formatMoney } from "@tessera/ui";
import { moveItem } from "./docEdit.ts";
import { inContext, NumberField, SelectField, TextField } from "./fields.tsx";
import type { PackageCtx } from "./packageContext.ts";
import {
  addPhase,
  type DiscountKind,
  discountKind,
  type LengthKind,
  lengthKind,
  lengthKinds,
  lengthOf,
  PHASE_TYPES,
  type PhaseType,
  phaseAs,
  withAmountOff,
  withDiscount,
  withLength,
} from "./phaseEdits.ts";

const LENGTHS: Record<LengthKind, string> = {
  days: "a number of days",
  periods: "a number of billing periods",
  duration: "a duration",
  none: "until cancelled",
};
const UNITS = [
  { value: "day", label: "days" },
  { value: "week", label: "weeks" },
  { value: "month", label: "months" },
  { value: "year", label: "years" },
];
const DISCOUNTS: readonly { value: DiscountKind; label: string }[] = [
  { value: "none", label: "regular price" },
  { value: "percent", label: "a percent off" },
  { value: "amounts", label: "an amount off" },
];

function PhaseCard({ ctx, index }: { ctx: PackageCtx; index: number }) {
  const { doc, pkg, p, set, readOnly, at } = ctx;
  const phases = pkg.phases ?? [];
  const ph = phases[index] as Phase;
  const put = (next: Phase[]) => set([...at, "phases"], next.length > 0 ? next : undefined);
  const edit = (next: Phase) => put(phases.map((x, i) => (i === index ? next : x)));
  const n = `Phase ${index + 1}`;
  const kind = lengthKind(ph);
  const discount = discountKind(ph);
  return (
    <fieldset className="ts-card ts-case-side" data-pointer={p("phases", index)}>
      <legend className="ts-label">
        {n}: {PHASE_TYPES.find((t) => t.value === ph.type)?.label ?? ph.type}
      </legend>
      <div className="grid-3">
        <SelectField
          label={inContext(n, "Type")}
          pointer={p("phases", index, "type")}
          value={ph.type}
          options={PHASE_TYPES}
          readOnly={readOnly}
          onChange={(v) => edit(phaseAs(ph, v as PhaseType, doc.currencies))}
        />
        <TextField
          label={inContext(n, "Name (optional)")}
          pointer={p("phases", index, "name")}
          value={ph.name}
          readOnly={readOnly}
          placeholder="e.g. Launch offer"
          onChange={(v) => {
            const { name: _n, ...rest } = ph;
            edit(v.trim() ? { ...rest, name: v } : rest);
          }}
        />
        {ph.type !== "evergreen" ? (
          <SelectField
            label={inContext(n, "Lasts")}
            pointer={p("phases", index, kind === "none" ? "type" : kind)}
            value={kind}
            options={lengthKinds(ph.type).map((k) => ({ value: k, label: LENGTHS[k] }))}
            readOnly={readOnly}
            onChange={(v) => edit(withLength(ph, v as LengthKind))}
          />
        ) : (
          <span className="ts-hint" style={{ alignSelf: "center" }}>
            Lasts until the subscription is cancelled; nothing runs after it.
          </span>
        )}
      </div>
      <div className="grid-4">
        {kind !== "none" ? (
          <NumberField
            label={inContext(n, "Length")}
            pointer={p("phases", index, ...(kind === "duration" ? ["duration", "length"] : [kind]))}
            value={lengthOf(ph)}
            readOnly={readOnly}
            required
            onChange={(v) => edit(withLength(ph, kind, v ?? 1))}
          />
        ) : null}
        {kind === "duration" ? (
          <SelectField
            label={inContext(n, "Unit")}
            pointer={p("phases", index, "duration", "unit")}
            value={ph.duration?.unit}
            options={UNITS}
            readOnly={readOnly}
            onChange={(v) => edit(withLength(ph, "duration", lengthOf(ph), v as "day"))}
          />
        ) : null}
        {ph.type === "trial" ? (
          <SelectField
            label={inContext(n, "Payment method up front")}
            pointer={p("phases", index, "requiresPaymentMethod")}
            value={ph.requiresPaymentMethod === undefined ? "" : String(ph.requiresPaymentMethod)}
            options={[
              { value: "", label: "no (default)" },
              { value: "true", label: "yes, card required" },
              { value: "false", label: "no" },
            ]}
            readOnly={readOnly}
            onChange={(v) => {
              const { requiresPaymentMethod: _r, ...rest } = ph;
              edit(v === "" ? rest : { ...rest, requiresPaymentMethod: v === "true" });
            }}
          />
        ) : (
          <SelectField
            label={inContext(n, "Price")}
            pointer={p("phases", index, discount === "amounts" ? "discountAmounts" : "discountPercent")}
            value={discount}
            options={
              ph.type === "intro" || ph.type === "discount"
                ? DISCOUNTS.filter((d) => d.value !== "none")
                : DISCOUNTS
            }
            readOnly={readOnly}
            onChange={(v) => edit(withDiscount(ph, v as DiscountKind, doc.currencies))}
          />
        )}
        {discount === "percent" ? (
          <TextField
            label={inContext(n, "Percent off")}
            pointer={p("phases", index, "discountPercent")}
            value={ph.discountPercent}
            readOnly={readOnly}
            onChange={(v) => edit({ ...ph, discountPercent: v.trim() })}
          />
        ) : null}
        {discount === "amounts"
          ? doc.currencies.map((currency, k) => {
              const amount = ph.discountAmounts?.find((a) => a.currency === currency)?.amount;
              return (
                <TextField
                  key={currency}
                  label={inContext(n, `Amount off (${currency})`)}
                  pointer={p("phases", index, "discountAmounts", k, "amount")}
                  value={amount}
                  readOnly={readOnly}
                  hint={
                    amount && /^\d+(\.\d+)?$/.test(amount)
                      ? `${formatMoney(amount, currency)} off each period`
                      : undefined
                  }
                  onChange={(v) => edit(withAmountOff(ph, currency, v.trim(), doc.currencies))}
                />
              );
            })
          : null}
      </div>
      {!readOnly ? (
        <span className="ts-row" style={{ gap: "0.25rem" }}>
          <button
            type="button"
            className="ts-button ts-button--small"
            aria-label={`Move ${n.toLowerCase()} up`}
            disabled={index === 0}
            onClick={() => put(moveItem(phases, index, index - 1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="ts-button ts-button--small"
            aria-label={`Move ${n.toLowerCase()} down`}
            disabled={index === phases.length - 1}
            onClick={() => put(moveItem(phases, index, index + 1))}
          >
            ↓
          </button>
          <button
            type="button"
            className="ts-button ts-button--small ts-button--danger"
            aria-label={`Delete ${n.toLowerCase()}`}
            onClick={() => put(phases.filter((_, i) => i !== index))}
          >
            Delete
          </button>
        </span>
      ) : null}
    </fieldset>
  );
}

export function PhasesSection({ ctx }: { ctx: PackageCtx }) {
  const { pkg, set, readOnly, at } = ctx;
  const phases = pkg.phases ?? [];
  return (
    <section className="ts-card stack" aria-labelledby="pkg-phases" style={{ gap: "0.5rem" }}>
      <h2 id="pkg-phases" style={{ marginBottom: 0 }}>
        Phases: trial, introductory price, fixed term
      </h2>
      <p className="ts-hint" style={{ margin: 0 }}>
        {phases.length === 0
          ? "No phases: a new subscription is billed at the regular price from its first day."
          : "In the order they run; after the last one the regular price applies until the subscription ends."}
        {pkg.role === "add_on" ? " An add-on's phases start as the catalog's create alignment says." : ""}
      </p>
      {phases.map((_, i) => (
        <PhaseCard key={i} ctx={ctx} index={i} />
      ))}
      {!readOnly && phases.length < 12 ? (
        <button
          type="button"
          className="ts-button ts-button--small"
          style={{ alignSelf: "flex-start" }}
          onClick={() => set([...at, "phases"], addPhase(phases))}
        >
          {phases.length === 0 ? "Add a free trial" : "Add a phase"}
        </button>
      ) : null}
    </section>
  );
}
