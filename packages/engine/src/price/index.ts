/**
 * price(catalog, quote, asOf): the priced offer of a quote — line items with human explanations,
 * discounts, and totals (first invoice, per billing period, MRR, ARR, TCV). Pure and exact: every
 * amount is a BigInt decimal, each line is rounded once to the currency's ISO 4217 minor unit (half
 * away from zero) and every total is a sum of rounded lines:
 *
 * - firstInvoice = Σ line.firstInvoice (see first-invoice.ts for what the first invoice holds);
 * - perPeriod = Σ amount of lines with `perPeriod` (recurring charges, estimated usage, lasting
 *   discounts — not the intro price or time-limited discounts);
 * - mrr = perPeriod ÷ months per billing period, rounded once; arr = perPeriod × 12 ÷ months, also
 *   rounded once (so a yearly price's ARR is exactly that price, never MRR's rounding × 12);
 * - tcv = Σ amount × periods: recurring lines over the term's billing periods, intro and limited
 *   discounts over their periods, one-time lines and a partial first period once.
 *
 * A quote that cannot be priced returns violations (Diagnostic with a JSON Pointer into the quote or
 * the catalog) and never throws. Without a package, currency, term or billing period to price in,
 * lines are empty; otherwise charges that cannot be priced are left out and the rest is priced, so
 * totals always equal the sums of the lines returned. A result with violations must not be sent.
 */
import type { BillingPeriod, Package, Quote } from "@tessera/schema";
import { billingAlignment } from "../alignment.ts";
import {
  isDate,
  PERIOD_NOUN,
  PERIOD_PER,
  periodSpan,
  periodsInTerm,
  quotedTerm,
  quoteTermOf,
  sameSpan,
  spanAdjective,
  spanWords,
  termLengthOf,
  termPeriodMismatch,
} from "../calendar.ts";
import type { CompiledCatalog } from "../compile.ts";
import { formatMoney, minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import type { Diagnostic } from "../diagnostic.ts";
import { addOnPhaseLines, phasedAddOns } from "./addon-phases.ts";
import {
  type ChargeContext,
  chargeLines,
  checkQuantities,
  includedLines,
  type Purchase,
  picksOf,
} from "./charges.ts";
import { commitmentDiscount, type DiscountContext, sellerDiscounts } from "./discounts.ts";
import { firstPeriod } from "./first-invoice.ts";
import { phaseLines, trialOf } from "./phases.ts";
import { choiceKey, isKnownBook } from "./point.ts";
import { applyFirstInvoice, emptyResult, toLine, totals } from "./result.ts";
import { Sum } from "./sum.ts";
import type { PriceResult } from "./types.ts";
import type { WorkLine } from "./work.ts";

export type {
  AddOnSchedule,
  PriceLine,
  PriceLineKind,
  PriceResult,
  PriceSchedule,
  PriceTotals,
  SchedulePhase,
} from "./types.ts";

const PERIOD_WORD = PERIOD_NOUN;

/**
 * Prices a quote against a compiled catalog as of a date ("YYYY-MM-DD").
 *
 * Defaults for what the quote leaves out: currency = the catalog's first currency; term = the
 * package's default term (else its first); billing period = the package's first; price book = the
 * catalog's default book; start date = `asOf`; picks = the options marked `default` (only when the
 * quote gives no picks at all); component quantities = default ?? min ?? 0. The package (and each
 * add-on) must be active and effective on `asOf`.
 */
export function price(catalog: CompiledCatalog, quote: Quote, asOf: string): PriceResult {
  const violations: Diagnostic[] = [];
  const currency = quote.currency ?? catalog.doc.currencies[0];
  const located = catalog.packages.get(quote.package);
  const pkg = located?.value;
  const termLength = quotedTerm(quote, pkg?.terms ?? []);
  const period: BillingPeriod = quote.billingPeriod ?? pkg?.billingPeriods[0] ?? "month";
  const book = quote.priceBook ?? catalog.defaultPriceBook;
  const empty = (): PriceResult => emptyResult(currency, period, termLength, book, violations);

  if (!isDate(asOf))
    violations.push(
      error("price.as-of", "", `The pricing date "${asOf}" is not a calendar date (YYYY-MM-DD).`),
    );
  const start = quote.startDate ?? asOf;
  if (quote.startDate !== undefined && !isDate(quote.startDate))
    violations.push(
      error("price.start-date", "/startDate", `The start date "${quote.startDate}" is not a calendar date.`),
    );
  if (!located || !pkg) {
    violations.push(
      error("price.unknown-package", "/package", `Package "${quote.package}" is not in the catalog.`),
    );
    return empty();
  }
  if (pkg.role !== "base")
    violations.push(
      error(
        "price.not-base",
        "/package",
        `"${pkg.name}" is an add-on; a quote is for a base package, with add-ons on top.`,
      ),
    );
  if (!catalog.doc.currencies.includes(currency))
    violations.push(
      error("price.unknown-currency", "/currency", `The catalog is not priced in ${currency}.`),
    );
  const term = pkg.terms.find((t) => sameSpan(termLengthOf(t), termLength));
  if (!term)
    violations.push(
      error(
        "price.term-not-offered",
        quote.termWeeks !== undefined ? "/termWeeks" : "/termMonths",
        `"${pkg.name}" is not offered with a ${spanAdjective(termLength)} term (offered: ${pkg.terms.map((t) => spanWords(termLengthOf(t))).join(", ")}).`,
      ),
    );
  if (!pkg.billingPeriods.includes(period))
    violations.push(
      error(
        "price.period-not-offered",
        "/billingPeriod",
        `"${pkg.name}" is not billed ${PERIOD_PER[period]} (offered: ${pkg.billingPeriods.join(", ")}).`,
      ),
    );
  if (!isKnownBook(catalog, book))
    violations.push(
      error("price.unknown-price-book", "/priceBook", `Price book "${book}" is not in the catalog.`),
    );
  const span = periodSpan(period, termLength);
  // Monthly price points scale to month-based periods only (0: none, for week-based ones).
  const months = span.unit === "month" ? span.count : 0;
  const mismatch = termPeriodMismatch(termLength, period);
  if (mismatch) violations.push(error(`price.${mismatch.code}`, "/billingPeriod", mismatch.message));
  if (violations.length > 0) return empty();
  checkQuantities(quote, violations);
  checkSellable(pkg, "/package", asOf, violations);

  const termPeriods = periodsInTerm(termLength, period) ?? 1;
  const ids = new Set<string>();
  const ctx: ChargeContext = {
    catalog,
    currency,
    book,
    period,
    months,
    termPeriods,
    expectedUsage: quote.expectedUsage,
    violations,
    ids,
    choice: choiceKey(currency, book, period, months),
  };
  const work: WorkLine[] = [];

  // Base package, its included add-ons, then each add-on selection.
  chargeLines(
    ctx,
    {
      pkg,
      pointer: located.pointer,
      quotePointer: "",
      picks: picksOf(pkg, quote.picks),
      quantities: quote.quantities ?? {},
      addOnQuantity: undefined,
    },
    work,
  );
  includedLines(ctx, pkg, work);
  const included = new Map((pkg.includedAddOns ?? []).map((a) => [a.addOn, a.quantity ?? 1]));
  (quote.addOns ?? []).forEach((sel, i) => {
    const addOn = catalog.packages.get(sel.package);
    if (addOn?.value.role !== "add_on") {
      violations.push(
        error(
          "price.unknown-add-on",
          `/addOns/${i}/package`,
          `"${sel.package}" is not an add-on package of the catalog.`,
        ),
      );
      return;
    }
    const bought = sel.quantity ?? 1;
    if (!Number.isSafeInteger(bought) || bought < 1) {
      violations.push(
        error(
          "price.invalid-quantity",
          `/addOns/${i}/quantity`,
          `The quantity of add-on "${addOn.value.name}" must be at least 1.`,
        ),
      );
      return;
    }
    // Units of an included add-on are free; only units above the included quantity are billed.
    const free = included.get(sel.package) ?? 0;
    const billed = bought - free;
    included.set(sel.package, Math.max(0, free - bought));
    if (billed <= 0) return;
    const purchase: Purchase = {
      pkg: addOn.value,
      pointer: addOn.pointer,
      quotePointer: `/addOns/${i}`,
      picks: picksOf(addOn.value, sel.picks),
      quantities: sel.quantities ?? {},
      addOnQuantity: billed,
    };
    checkSellable(addOn.value, `/addOns/${i}/package`, asOf, violations);
    chargeLines(ctx, purchase, work);
  });

  // Discounts: commitment, seller, intro.
  const notes: string[] = [];
  const reasons: string[] = [];
  const dctx: DiscountContext = {
    currency,
    termWords: spanAdjective(termLength),
    termPeriods,
    periodWord: PERIOD_WORD[period],
    basePackageId: pkg.id,
    ids,
    violations,
    reasons,
    approval: { approvers: 0, tier: undefined },
  };
  const termPercent =
    term?.discountPercent === undefined ? undefined : Decimal.tryParse(term.discountPercent);
  const { line: commitmentLine, commitment } = commitmentDiscount(dctx, termPercent, work);
  const seller = sellerDiscounts(dctx, quote.discounts ?? [], catalog.doc.quotePolicy, work, commitment);
  // Billing alignment: the quote's billing day is the account's; a package aligned to its own
  // anniversary (or its bundle's, which for a base package is the same) bills from its start.
  const aligned = billingAlignment(catalog, pkg, period);
  let anchorDay = quote.billingAnchorDay;
  if (aligned.alignment !== "account" && anchorDay !== undefined) {
    notes.push(
      `Billing follows the subscription's own anniversary (billing alignment ${aligned.alignment}${aligned.caseId ? `, case ${aligned.caseId}` : ""}): the billing day ${anchorDay} is not used.`,
    );
    anchorDay = undefined;
  }
  const trialEnds = isDate(start) ? trialOf(pkg, start, period, termLength) : undefined;
  const first = firstPeriod(start, trialEnds, anchorDay, period, span);
  // Add-ons with phases of their own are priced by them, not by the base's phases.
  const ownPhases = phasedAddOns(work, (id) => catalog.packages.get(id)?.value);
  const phased = phaseLines(
    dctx,
    {
      pkg,
      start,
      chargesStart: first.chargesStart,
      firstFullPeriodStart: first.firstFullPeriodStart,
      period,
      term: termLength,
      partial: first.partial !== undefined,
      ...(ownPhases.size > 0 ? { ownPhases: new Set(ownPhases.keys()) } : {}),
    },
    work,
    commitment,
    notes,
  );
  const addOnPhases = [...ownPhases.values()].map((addOn) => ({
    addOn,
    priced: addOnPhaseLines(
      dctx,
      addOn,
      {
        start,
        chargesStart: first.chargesStart,
        firstFullPeriodStart: first.firstFullPeriodStart,
        period,
        term: termLength,
        partial: first.partial,
      },
      work,
      commitment,
      notes,
    ),
  }));
  if (phased.ends) {
    // The subscription ends with its fixed-term phase: later invoices of the term are not billed.
    for (const l of work) if (!l.oneTime && l.periods === termPeriods) l.periods = phased.ends.invoices;
    for (const l of [commitmentLine, ...seller])
      if (l && !l.oneTime && l.periods > phased.ends.invoices) l.periods = phased.ends.invoices;
  }
  const discountLines = [
    ...(commitmentLine ? [commitmentLine] : []),
    ...seller,
    ...phased.lines,
    ...addOnPhases.flatMap((a) => a.priced.lines),
  ];
  checkNotNegative(work, discountLines, violations, currency);
  work.push(...discountLines);

  // First invoice: trial, anchor and proration.
  applyFirstInvoice(first, work, notes, ids, pkg, currency, start);
  if (work.some((l) => l.kind === "usage" && l.perPeriod))
    notes.push(
      "Usage lines marked estimated are priced from the expected usage; actual usage is billed in arrear.",
    );
  else if (work.some((l) => l.kind === "usage"))
    notes.push("Usage is billed in arrear on actual usage at the rates shown; it is not in the totals.");

  const zero = formatMoney(Decimal.ZERO, currency);
  const lines = work.map((l) => toLine(l, currency, zero));
  return {
    currency,
    billingPeriod: period,
    ...quoteTermOf(termLength),
    priceBook: book,
    lines,
    totals: totals(work, span, currency),
    requiresApproval: reasons.length > 0,
    approvalsRequired: reasons.length > 0 ? Math.max(1, dctx.approval.approvers) : 0,
    ...(dctx.approval.tier ? { approvalTier: dctx.approval.tier } : {}),
    reasons,
    notes,
    schedule: {
      start,
      firstInvoiceDate: start,
      ...(first.trialEnds ? { trialEnds: first.trialEnds } : {}),
      firstFullPeriodStart: first.firstFullPeriodStart,
      termPeriods,
      ...(phased.schedule.length > 0 ? { phases: phased.schedule } : {}),
      ...(phased.ends ? { ends: phased.ends.on } : {}),
      ...(addOnPhases.length > 0
        ? {
            addOnPhases: addOnPhases.map(({ addOn, priced }) => ({
              package: addOn.id,
              name: addOn.name,
              phases: priced.schedule,
              ...(priced.ends ? { ends: priced.ends.on } : {}),
            })),
          }
        : {}),
      billingAlignment: aligned.alignment,
    },
    violations,
  };
}

/**
 * A package can be quoted when it is active and effective on the pricing date (effectiveFrom ≤
 * asOf ≤ effectiveTo: effectiveTo is the last day of sale, the same rule `paths` applies).
 * Otherwise the quote is still priced, for information, with a violation.
 */
function checkSellable(pkg: Package, pointer: string, asOf: string, violations: Diagnostic[]): void {
  let why: string | undefined;
  if (pkg.status === "draft") why = "is a draft and is not sold yet";
  else if (pkg.status === "retired")
    why = `is retired and no longer sold to new customers${pkg.successor ? ` (its successor is "${pkg.successor}")` : ""}`;
  else if (pkg.effectiveFrom !== undefined && asOf < pkg.effectiveFrom)
    why = `is sold from ${pkg.effectiveFrom}`;
  else if (pkg.effectiveTo !== undefined && asOf > pkg.effectiveTo) why = `was sold until ${pkg.effectiveTo}`;
  if (why) violations.push(error("price.not-sellable", pointer, `"${pkg.name}" ${why}.`));
}

/** Discounts may not take more than the whole recurring price of a period (checked on period 1, where all overlap). */
function checkNotNegative(
  work: WorkLine[],
  discounts: WorkLine[],
  violations: Diagnostic[],
  currency: string,
): void {
  const scale = minorUnit(currency);
  const netSum = new Sum(scale);
  const oneTimeSum = new Sum(scale);
  for (const l of work) {
    if (l.kind === "recurring") netSum.add(l.amount);
    else if (l.kind === "one_time") oneTimeSum.add(l.amount);
  }
  for (const d of discounts) (d.oneTime ? oneTimeSum : netSum).add(d.amount);
  const net = netSum.value();
  const oneTime = oneTimeSum.value();
  if (net.isNegative() || oneTime.isNegative())
    violations.push(
      error(
        "price.discounts-exceed-price",
        "/discounts",
        `The discounts take more than the whole price (${formatMoney(net, currency)} a period after discounts).`,
      ),
    );
}

function error(code: string, pointer: string, message: string): Diagnostic {
  return { code, severity: "error", pointer, message };
}
