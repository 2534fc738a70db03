/**
 * How a package is contracted and billed: the term lengths offered with their commitment discounts
 * and the default one, the billing periods, and the payment terms.
 */

import { PERIOD_ADVERB } from "@tessera/engine";
import type { Package, Term } from "@tessera/schema";
import { ChecklistField, NumberInput } from "./fields.tsx";
import type { PackageCtx } from "./packageContext.ts";
import { BILLING_PERIODS } from "./periods.ts";

const PERIODS = BILLING_PERIODS.map((p) => ({
  value: p,
  label: p === "upfront" ? "upfront (whole term)" : PERIOD_ADVERB[p],
}));

const PAYMENT_TERMS = [
  { value: "due_on_receipt", label: "due on receipt" },
  { value: "net_15", label: "net 15" },
  { value: "net_30", label: "net 30" },
  { value: "net_45", label: "net 45" },
  { value: "net_60", label: "net 60" },
  { value: "net_90", label: "net 90" },
] as const;

type PaymentTerm = NonNullable<Package["paymentTerms"]>[number];
type Period = Package["billingPeriods"][number];

/** The next term length to offer: the first common one not yet offered. */
export function nextTermMonths(terms: readonly Term[]): number {
  const used = new Set(terms.flatMap((t) => (t.months === undefined ? [] : [t.months])));
  const common = [1, 12, 24, 36, 6, 3, 48, 60].find((m) => !used.has(m));
  return common ?? Math.min(120, Math.max(0, ...used) + 1);
}

export type TermUnit = "months" | "weeks";

const unitOf = (t: Term): TermUnit => (t.weeks !== undefined ? "weeks" : "months");

/** "12 months", "6 weeks": a term as the labels name it. */
export const termWords = (t: Term) =>
  t.weeks !== undefined ? `${t.weeks} weeks` : `${t.months ?? 1} months`;

/**
 * The term in `unit` (exactly one of months and weeks, as the schema asks), its discount and default
 * kept. A switch of unit carries the length over (12 months ⇄ 52 weeks); `length`, when given, is
 * the number typed, clamped to the schema's bounds of that unit (1–120 months, 1–520 weeks).
 */
export function termIn(t: Term & { length?: number }, unit: TermUnit): Term {
  const { months, weeks, length, ...rest } = t;
  const max = unit === "weeks" ? 520 : 120;
  const carried =
    length !== undefined && Number.isFinite(length)
      ? length
      : unit === "weeks"
        ? (weeks ?? Math.round(((months ?? 1) * 52) / 12))
        : (months ?? Math.round(((weeks ?? 4) * 12) / 52));
  const n = Math.min(max, Math.max(1, Math.trunc(carried)));
  return unit === "weeks" ? { weeks: n, ...rest } : { months: n, ...rest };
}

export function TermsSection({ ctx }: { ctx: PackageCtx }) {
  const { pkg, p, set, readOnly, at } = ctx;
  const terms = pkg.terms;
  const put = (next: Term[]) => {
    if (next.length > 0) set([...at, "terms"], next);
  };
  return (
    <section className="ts-card" aria-labelledby="pkg-terms">
      <h2 id="pkg-terms">Terms and billing</h2>
      <table className="ts-table" aria-label="Contract terms">
        <thead>
          <tr>
            <th scope="col">Length</th>
            <th scope="col">Commitment discount (%)</th>
            <th scope="col">Proposed on new quotes</th>
            <th scope="col">
              <span className="ts-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {terms.map((t, k) => (
            <tr key={k} data-pointer={p("terms", k)}>
              <td>
                <span className="ts-row" style={{ gap: "0.25rem", flexWrap: "nowrap" }}>
                  <NumberInput
                    className="ts-input"
                    min={1}
                    max={t.weeks !== undefined ? 520 : 120}
                    aria-label={`Term ${k + 1} length`}
                    data-pointer={p("terms", k, t.weeks !== undefined ? "weeks" : "months")}
                    value={t.weeks ?? t.months}
                    readOnly={readOnly}
                    required
                    onChange={(v) => set([...at, "terms", k], termIn({ ...t, length: v ?? 1 }, unitOf(t)))}
                  />
                  <select
                    className="ts-select"
                    aria-label={`Term ${k + 1} unit`}
                    value={unitOf(t)}
                    disabled={readOnly}
                    onChange={(e) => set([...at, "terms", k], termIn(t, e.target.value as TermUnit))}
                  >
                    <option value="months">months</option>
                    <option value="weeks">weeks</option>
                  </select>
                </span>
              </td>
              <td>
                <input
                  className="ts-input"
                  inputMode="decimal"
                  aria-label={`Term ${k + 1} discount percent`}
                  data-pointer={p("terms", k, "discountPercent")}
                  value={t.discountPercent ?? ""}
                  placeholder="none"
                  readOnly={readOnly}
                  onChange={(e) =>
                    set([...at, "terms", k, "discountPercent"], e.target.value.trim() || undefined)
                  }
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Term ${k + 1} (${termWords(t)}) is proposed on new quotes`}
                  data-pointer={p("terms", k, "default")}
                  checked={t.default === true}
                  disabled={readOnly}
                  onChange={(e) =>
                    put(
                      terms.map((x, i) => {
                        const { default: _d, ...rest } = x;
                        return i === k && e.target.checked ? { ...rest, default: true } : rest;
                      }),
                    )
                  }
                />
              </td>
              <td>
                {!readOnly ? (
                  <button
                    type="button"
                    className="ts-button ts-button--small"
                    aria-label={`Remove term ${k + 1} (${termWords(t)})`}
                    disabled={terms.length === 1}
                    title={terms.length === 1 ? "A package offers at least one term." : undefined}
                    onClick={() => put(terms.filter((_, i) => i !== k))}
                  >
                    Remove
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly ? (
        <button
          type="button"
          className="ts-button ts-button--small"
          style={{ margin: "0.5rem 0 0.75rem" }}
          onClick={() => put([...terms, { months: nextTermMonths(terms) }])}
        >
          Add term
        </button>
      ) : null}
      <div className="grid-2">
        <ChecklistField<Period>
          label="Billing periods"
          pointer={p("billingPeriods")}
          value={pkg.billingPeriods}
          options={PERIODS}
          readOnly={readOnly}
          hint="At least one."
          onChange={(next) => {
            if (next.length > 0) set([...at, "billingPeriods"], next);
          }}
        />
        <ChecklistField<PaymentTerm>
          label="Payment terms"
          pointer={p("paymentTerms")}
          value={pkg.paymentTerms ?? []}
          options={PAYMENT_TERMS}
          readOnly={readOnly}
          hint="None ticked: due on receipt."
          onChange={(next) => set([...at, "paymentTerms"], next.length > 0 ? next : undefined)}
        />
      </div>
    </section>
  );
}
