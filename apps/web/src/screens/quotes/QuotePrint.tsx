/**
 * The printed quote: a clean customer document in the catalog's branding (company, logo, address,
 * accent colour, terms, footer) with the quote's title, customer, lines by name, totals and
 * validity. Internal matters — approval state, reasons, notes to approvers, warnings, ids — are
 * never on it. The screen shows it as a page; the print stylesheet drops everything else.
 */
import { useQuery } from "@tanstack/react-query";
import { Decimal, type PriceLine, spanAdjective, spanWords } from "@tessera/engine";
import type { Branding } from "@tessera/schema";
import { ErrorState, formatMoney, LoadingState, PERIOD_LABEL } from "@tessera/ui";
import type { CSSProperties } from "react";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { usePublishedCatalog } from "../../engine/useCatalog.ts";
import { navigate } from "../../navigation/store.ts";
import { safeAccentColor, safeLogoUrl } from "./branding.ts";

/** How often a line is billed, in words. */
function billed(line: PriceLine, period: string, termPeriods: number): string {
  if (line.kind === "usage") return "on usage, in arrear";
  // An add-on's trial that ends within the partial first period only takes it off that period.
  if (line.kind === "discount" && line.periods === 0) return "in the partial first period";
  if (!line.perPeriod && line.periods <= 1) return "once";
  const every = `per ${PERIOD_LABEL[period] ?? period}`;
  return line.periods < termPeriods ? `${every}, first ${line.periods}` : every;
}

/** Paragraphs of a text, split on blank lines. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).filter((p) => p.trim() !== "");

export function QuotePrint({ quoteId }: { quoteId: string }) {
  const trpc = useTRPC();
  const quote = useQuery(trpc.quotes.get.queryOptions({ id: quoteId }));
  const record = quote.data;
  const {
    doc: catalogDoc,
    catalog,
    query,
  } = usePublishedCatalog(record?.catalogId ?? null, record?.catalogVersion);
  if (quote.isPending || (record && query.isPending)) return <LoadingState label="Preparing the quote" />;
  if (quote.error || !record)
    return (
      <ErrorState
        title="Could not load the quote"
        message={errorMessage(quote.error)}
        onRetry={() => quote.refetch()}
      />
    );
  const branding: Branding = catalogDoc?.branding ?? {};
  const { price, doc } = record;
  const currency = price.currency;
  const period = PERIOD_LABEL[price.billingPeriod] ?? price.billingPeriod;
  const termPeriods = price.schedule?.termPeriods ?? 1;
  const company = branding.companyName ?? catalogDoc?.name ?? "";
  // Week-based terms (a weekly coffee plan) print in weeks, not as "undefined-month".
  const term =
    price.termWeeks !== undefined
      ? { unit: "week" as const, count: price.termWeeks }
      : { unit: "month" as const, count: price.termMonths ?? 1 };
  // What the customer chose, by name: a choice with no price of its own (a hosting region) is on
  // no line, so the offer names it.
  const options = (doc.picks ?? []).map((id) => catalog?.options.get(id)?.value.name ?? id);
  // A charge of nothing (no extra storage bought) is noise on a customer document; usage rates stay.
  const printedLines = price.lines.filter((l) => l.kind === "usage" || !isZeroAmount(l.amount));
  const accentColor = safeAccentColor(branding);
  const logoUrl = safeLogoUrl(branding);
  const accent = accentColor ? ({ "--print-accent": accentColor } as CSSProperties) : undefined;

  return (
    <div className="print-page">
      <div className="ts-row ts-no-print print-page__toolbar" role="toolbar" aria-label="Print actions">
        <button type="button" className="ts-button" onClick={() => navigate(`/quotes/${record.id}`)}>
          Back to the quote
        </button>
        <button type="button" className="ts-button ts-button--primary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <article className="print-doc" style={accent} aria-label="Printed quote">
        <header className="print-doc__head">
          <div className="print-doc__seller">
            {logoUrl ? <img src={logoUrl} alt={company} className="print-doc__logo" /> : null}
            <strong className="print-doc__company">{company}</strong>
            {branding.address ? <address>{branding.address}</address> : null}
          </div>
          <div className="print-doc__meta">
            <p className="print-doc__kind">Quote</p>
            <dl>
              <dt>Issued</dt>
              <dd>{record.updatedAt.slice(0, 10)}</dd>
              {doc.validUntil ? (
                <>
                  <dt>Valid until</dt>
                  <dd>{doc.validUntil}</dd>
                </>
              ) : null}
              <dt>Revision</dt>
              <dd>{record.revision}</dd>
            </dl>
          </div>
        </header>

        <h1 className="print-doc__title">{record.title}</h1>
        <section className="print-doc__parties" aria-label="Offer">
          <div>
            <p className="print-doc__label">Prepared for</p>
            <p className="print-doc__customer">{record.customer ?? "—"}</p>
          </div>
          <div>
            <p className="print-doc__label">Offer</p>
            <p>
              {record.packageName}, {spanAdjective(term)} term, billed per {period}
              {price.schedule ? `, starting ${price.schedule.start}` : ""}
            </p>
            {options.length > 0 ? <p data-testid="print-options">With {options.join(", ")}</p> : null}
          </div>
        </section>

        <table className="print-doc__lines">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="ts-num">
                Qty
              </th>
              <th scope="col">Billed</th>
              <th scope="col" className="ts-num">
                Amount ({currency})
              </th>
            </tr>
          </thead>
          <tbody>
            {printedLines.map((l) => {
              // A usage rate line has no amount of its own: its rates are what the customer needs.
              const rates = l.kind === "usage" && isZeroAmount(l.amount);
              return (
                <tr key={l.id} className={l.kind === "discount" ? "print-doc__discount" : undefined}>
                  <td>
                    {l.description}
                    {l.kind === "usage" ? <div className="print-doc__rates">{l.explanation}</div> : null}
                  </td>
                  <td className="ts-num">{l.kind === "discount" || l.quantity <= 1 ? "" : l.quantity}</td>
                  <td>{billed(l, price.billingPeriod, termPeriods)}</td>
                  <td className="ts-num">{rates ? "as used" : formatMoney(l.amount, currency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <dl className="print-doc__totals" aria-label="Totals">
          <dt>Total per {period}</dt>
          <dd>{formatMoney(price.totals.perPeriod, currency)}</dd>
          <dt>First invoice</dt>
          <dd>{formatMoney(price.totals.firstInvoice, currency)}</dd>
          <dt className="print-doc__grand">Total contract value ({spanWords(term)})</dt>
          <dd className="print-doc__grand">{formatMoney(price.totals.tcv, currency)}</dd>
        </dl>

        {doc.notes || price.notes.length > 0 ? (
          <section className="print-doc__notes" aria-label="Notes">
            {doc.notes ? <p>{doc.notes}</p> : null}
            {price.notes.map((n) => (
              <p key={n}>{n}</p>
            ))}
          </section>
        ) : null}

        {branding.terms ? (
          <section className="print-doc__terms" aria-labelledby="print-terms">
            <h2 id="print-terms">Terms</h2>
            {paragraphs(branding.terms).map((p) => (
              <p key={p}>{p}</p>
            ))}
          </section>
        ) : null}
        {branding.footer ? <footer className="print-doc__footer">{branding.footer}</footer> : null}
      </article>
    </div>
  );
}

/** Whether a decimal amount string is zero (exact: never through binary floating point). */
function isZeroAmount(amount: string): boolean {
  return Decimal.tryParse(amount)?.isZero() ?? false;
}
