/**
 * What an accepted quote becomes: the customer's arrangement, holding the package, picks,
 * quantities and add-ons the quote priced, on the same catalog version, with the term starting on
 * the quote's start date (the acceptance date when it has none) and the priced recurring amount as
 * the price snapshot (used for locked renewals and proration credit). The snapshot leaves out the
 * quote's estimated usage: usage is billed in arrear on what is used, and `paths` prices an
 * arrangement without an estimate, so a snapshot with one made adding a seat look like a credit.
 * @see https://docs.stripe.com/billing/subscriptions/overview (a subscription created from a quote)
 */
import {
  type Configuration,
  Decimal,
  formatMoney,
  type PriceResult,
  termEnd,
  termFields,
  termLengthOf,
} from "@tessera/engine";
import type { Arrangement, Quote } from "@tessera/schema";

export function arrangementFromQuote(opts: {
  id: string;
  quote: Quote & { catalogId: string; catalogVersion: number };
  configuration: Configuration;
  priced: PriceResult;
  acceptedOn: string;
}): Arrangement {
  const { quote, configuration, priced } = opts;
  const start = quote.startDate ?? priced.schedule?.start ?? opts.acceptedOn;
  const length = termLengthOf({ months: priced.termMonths, weeks: priced.termWeeks });
  const picks = [...new Set([...(quote.picks ?? []), ...configuration.defaultsApplied.picks])];
  const arrangement: Arrangement = {
    id: opts.id,
    catalogId: quote.catalogId,
    catalogVersion: quote.catalogVersion,
    package: quote.package,
    packageSince: start,
    currency: priced.currency,
    billingPeriod: priced.billingPeriod,
    priceBook: priced.priceBook,
    term: { ...termFields(length), start, end: termEnd(start, length) },
    billingAnchor: priced.schedule?.firstFullPeriodStart ?? start,
    recurring: snapshotOf(priced),
    status: "active",
  };
  if (quote.customer !== undefined) arrangement.customer = quote.customer;
  if (quote.paymentTerm !== undefined) arrangement.paymentTerm = quote.paymentTerm;
  if (picks.length > 0) arrangement.picks = picks;
  if (quote.quantities !== undefined) arrangement.quantities = quote.quantities;
  if (quote.discounts !== undefined && quote.discounts.length > 0) arrangement.discounts = quote.discounts;
  const held: NonNullable<Arrangement["addOns"]> = (quote.addOns ?? []).map((a) => {
    const h: NonNullable<Arrangement["addOns"]>[number] = { ...a, since: start };
    // An add-on with phases of its own holds the one in force on the start date (its trial, …).
    const own = priced.schedule?.addOnPhases
      ?.find((x) => x.package === a.package)
      ?.phases.find(
        (p) => p.start <= start && p.end !== undefined && start < p.end && p.type !== "evergreen",
      );
    if (own?.end !== undefined) {
      h.phase = own.type;
      h.phaseEnds = own.end;
    }
    return h;
  });
  for (const choice of configuration.addOns) {
    if (choice.included && !held.some((h) => h.package === choice.id))
      held.push({ package: choice.id, included: true, since: start });
  }
  if (held.length > 0) arrangement.addOns = held;
  // The phase in force on the start date (a trial, a discount phase, …), as the schedule places it.
  const phase = priced.schedule?.phases?.find(
    (p) => p.start <= start && p.end !== undefined && start < p.end && p.type !== "evergreen",
  );
  if (phase?.end !== undefined) {
    arrangement.phase = phase.type;
    arrangement.phaseEnds = phase.end;
    if ((priced.schedule?.phases?.length ?? 0) > 1 && phase.type !== "trial")
      arrangement.phaseIndex = phase.index;
  } else if (priced.schedule?.trialEnds !== undefined) {
    arrangement.phase = "trial";
    arrangement.phaseEnds = priced.schedule.trialEnds;
  }
  return arrangement;
}

/** The regular bill of one period without estimated usage lines (sum of rounded lines, exact). */
function snapshotOf(priced: PriceResult): string {
  const lines = priced.lines.filter((l) => l.perPeriod && l.kind !== "usage");
  if (lines.length === priced.lines.filter((l) => l.perPeriod).length) return priced.totals.perPeriod;
  return formatMoney(Decimal.sum(lines.map((l) => Decimal.parse(l.amount))), priced.currency);
}
