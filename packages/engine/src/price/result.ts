/**
 * The last stage of price(): the first invoice's partial period, the totals (each a sum of rounded
 * lines) and the lines as the result carries them.
 */
import type { BillingPeriod, Package } from "@tessera/schema";
import { monthsOf, quoteTermOf, type Span } from "../calendar.ts";
import { formatMoney, minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import type { Diagnostic } from "../diagnostic.ts";
import type { firstPeriod } from "./first-invoice.ts";
import { Sum } from "./sum.ts";
import type { PriceLine, PriceResult, PriceTotals } from "./types.ts";
import { uniqueId, type WorkLine } from "./work.ts";

export function applyFirstInvoice(
  first: ReturnType<typeof firstPeriod>,
  work: WorkLine[],
  notes: string[],
  ids: Set<string>,
  pkg: Package,
  currency: string,
  start: string,
): void {
  const recurringShare = (l: WorkLine) => !l.oneTime && (l.kind === "recurring" || l.kind === "discount");
  const sum = new Sum(minorUnit(currency));
  for (const l of work) if (recurringShare(l)) sum.add(l.firstInvoice);
  const net = sum.value();
  if (first.trialEnds) {
    for (const l of work) if (recurringShare(l)) l.firstInvoice = Decimal.ZERO;
    notes.push(
      `Free trial until ${first.trialEnds}: the first invoice (${start}) holds one-time charges only; recurring charges start on ${first.trialEnds}.`,
    );
    if (first.partial) {
      const prorated = net.mulDiv(
        BigInt(first.partial.days),
        BigInt(first.partial.fullDays),
        minorUnit(currency),
      );
      notes.push(
        `The invoice on ${first.trialEnds} prorates ${first.partial.days} of ${first.partial.fullDays} days up to the billing anchor on ${first.partial.to}: ${formatMoney(prorated, currency)}.`,
      );
    }
    return;
  }
  if (!first.partial) return;
  for (const l of work) if (recurringShare(l)) l.firstInvoice = Decimal.ZERO;
  const { days, fullDays, from, to } = first.partial;
  const amount = net.mulDiv(BigInt(days), BigInt(fullDays), minorUnit(currency));
  work.push({
    id: uniqueId(ids, "proration"),
    chargeId: null,
    packageId: pkg.id,
    kind: "proration",
    description: `Partial period ${from} to ${to}`,
    quantity: 1,
    amount,
    explanation: `${days} of ${fullDays} days × ${formatMoney(net, currency)} of in-advance recurring charges after discounts = ${formatMoney(amount, currency)}; full periods start on ${to}`,
    firstInvoice: amount,
    perPeriod: false,
    periods: 1,
    inAdvance: true,
    oneTime: false,
    commitment: false,
  });
}

export function totals(work: readonly WorkLine[], span: Span, currency: string): PriceTotals {
  const [num, den] = monthsOf(span);
  const scale = minorUnit(currency);
  const firstSum = new Sum(scale);
  const perPeriodSum = new Sum(scale);
  const tcvSum = new Sum(scale);
  for (const l of work) {
    firstSum.add(l.firstInvoice);
    if (l.perPeriod) perPeriodSum.add(l.amount);
    if (l.periods > 0) tcvSum.add(l.amount, l.periods);
  }
  const first = firstSum.value();
  const perPeriod = perPeriodSum.value();
  const tcv = tcvSum.value();
  const mrr = perPeriod.mulDiv(den, num, minorUnit(currency));
  return {
    firstInvoice: formatMoney(first, currency),
    perPeriod: formatMoney(perPeriod, currency),
    mrr: formatMoney(mrr, currency),
    arr: formatMoney(perPeriod.mulDiv(12n * den, num, minorUnit(currency)), currency),
    tcv: formatMoney(tcv, currency),
  };
}

export function toLine(l: WorkLine, currency: string, zero: string): PriceLine {
  const amount = l.text ?? formatMoney(l.amount, currency);
  const firstInvoice =
    l.firstInvoice === l.amount
      ? amount
      : l.firstInvoice.isZero()
        ? zero
        : formatMoney(l.firstInvoice, currency);
  return {
    id: l.id,
    chargeId: l.chargeId,
    packageId: l.packageId,
    kind: l.kind,
    description: l.description,
    quantity: l.quantity,
    amount,
    explanation: l.explanation,
    firstInvoice,
    perPeriod: l.perPeriod,
    periods: l.periods,
  };
}

export function emptyResult(
  currency: string,
  period: BillingPeriod,
  term: Span,
  book: string,
  violations: Diagnostic[],
): PriceResult {
  const zero = formatMoney(Decimal.ZERO, currency);
  return {
    currency,
    billingPeriod: period,
    ...quoteTermOf(term),
    priceBook: book,
    lines: [],
    totals: { firstInvoice: zero, perPeriod: zero, mrr: zero, arr: zero, tcv: zero },
    requiresApproval: false,
    approvalsRequired: 0,
    reasons: [],
    notes: [],
    violations,
  };
}
