/**
 * The quote's commercial terms and quantities: term, billing period (with the term's notice when
 * changing the term moved it), start date, and one quantity input per component of the base.
 */
import {
  type CompiledCatalog,
  type Configuration,
  type Diagnostic,
  quotedTerm,
  quoteTermOf,
  type Span,
  spanAdjective,
  spanWords,
  termLengthOf,
  termPeriodMismatch,
} from "@tessera/engine";
import type { Package, Quote } from "@tessera/schema";
import { PERIOD_LABEL, QuantityInput } from "@tessera/ui";
import { useState } from "react";
import { setQuantity } from "./quoteStore.ts";
import { fittingPeriod } from "./useComparedPackages.ts";

/** "per month", "per year", "up front". */
function billedLabel(period: string): string {
  if (period === "two_weeks") return "every two weeks";
  return period === "upfront" ? "up front" : `per ${PERIOD_LABEL[period] ?? period}`;
}

/** A term as a select value: "12" for months (the original form), "6w" for weeks. */
function termKey(span: Span): string {
  return span.unit === "week" ? `${span.count}w` : String(span.count);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export interface TermsSectionProps {
  catalog: CompiledCatalog;
  pkg: Package;
  quote: Quote;
  configuration: Configuration;
  problems: readonly Diagnostic[];
  edit: (update: (q: Quote) => Quote) => void;
}

/** Says why the billing period changed with the term, until the seller changes either again. */
function useTermNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  return { notice, setNotice };
}

export function TermsSection({ catalog, pkg, quote, configuration, problems, edit }: TermsSectionProps) {
  const { notice, setNotice } = useTermNotice();
  const term = quotedTerm(
    quote.termMonths !== undefined || quote.termWeeks !== undefined ? quote : configuration,
    pkg.terms,
  );
  return (
    <>
      <div className="grid-3">
        <div className="ts-field">
          <label htmlFor="quote-term">Term</label>
          <select
            id="quote-term"
            className="ts-select"
            value={termKey(term)}
            onChange={(e) => {
              // A term the billing period cannot bill moves the billing to one that can.
              const chosen = pkg.terms.map(termLengthOf).find((s) => termKey(s) === e.target.value) ?? term;
              const period = quote.billingPeriod ?? pkg.billingPeriods[0];
              const mismatch = termPeriodMismatch(chosen, period);
              const next = mismatch ? fittingPeriod(pkg, chosen) : period;
              setNotice(
                mismatch && next !== period
                  ? `Billing changed to ${billedLabel(next)}: ${lowerFirst(mismatch.message)}`
                  : null,
              );
              edit((q) => {
                const { termMonths: _m, termWeeks: _w, ...rest } = q;
                return { ...rest, ...quoteTermOf(chosen), billingPeriod: next };
              });
            }}
          >
            {pkg.terms.map((t) => {
              const length = termLengthOf(t);
              const choice = configuration.terms.find((c) => c.months === t.months && c.weeks === t.weeks);
              return (
                <option key={termKey(length)} value={termKey(length)} title={choice?.reason?.message}>
                  {spanWords(length)}
                  {t.discountPercent ? ` (−${t.discountPercent}%)` : ""}
                  {choice?.state === "disabled" ? " — changes the billing period" : ""}
                </option>
              );
            })}
          </select>
        </div>
        <div className="ts-field">
          <label htmlFor="quote-period">Billing period</label>
          <select
            id="quote-period"
            className="ts-select"
            value={quote.billingPeriod ?? pkg.billingPeriods[0]}
            aria-describedby={notice ? "quote-term-notice" : undefined}
            onChange={(e) => {
              setNotice(null);
              edit((q) => ({ ...q, billingPeriod: e.target.value as Quote["billingPeriod"] & string }));
            }}
          >
            {pkg.billingPeriods.map((b) => {
              const choice = configuration.billingPeriods.find((c) => c.period === b);
              return (
                <option
                  key={b}
                  value={b}
                  disabled={choice?.state === "disabled"}
                  title={choice?.reason?.message}
                >
                  {billedLabel(b)}
                  {choice?.state === "disabled" ? ` — not for a ${spanAdjective(term)} term` : ""}
                </option>
              );
            })}
          </select>
        </div>
        <div className="ts-field">
          <label htmlFor="quote-start">Start date</label>
          <input
            id="quote-start"
            type="date"
            className="ts-input"
            value={quote.startDate ?? ""}
            onChange={(e) =>
              edit((q) => {
                const { startDate: _s, ...rest } = q;
                return e.target.value ? { ...rest, startDate: e.target.value } : rest;
              })
            }
          />
        </div>
      </div>
      {notice ? (
        <p id="quote-term-notice" role="status" className="ts-hint" style={{ marginTop: 0 }}>
          {notice}
        </p>
      ) : null}
      {configuration.quantities
        .filter((qc) => qc.package === pkg.id)
        .map((qc) => {
          const component = catalog.components.get(qc.component)?.value;
          const unit = component ? (catalog.services.get(component.service)?.value.unit ?? "") : "";
          const problem = problems.find((p) => p.pointer.startsWith(`/quantities/${qc.component}`))?.message;
          return (
            <QuantityInput
              key={qc.component}
              label={qc.name}
              unit={unit}
              value={qc.value}
              min={qc.min}
              step={qc.step}
              {...(qc.max !== null ? { max: qc.max } : {})}
              {...(component?.included ? { included: component.included } : {})}
              limits={qc.limits}
              {...(problem
                ? { problem }
                : qc.reason && qc.state === "disabled"
                  ? { problem: qc.reason.message }
                  : {})}
              onChange={(v) => edit((q) => setQuantity(q, qc.component, v))}
            />
          );
        })}
    </>
  );
}
