/**
 * The commercial side of configure(): the term, billing period and currency a selection takes
 * (defaults, and the pairs that do not bill), and which options and add-ons cannot be priced in
 * them (no price point in the term, period, currency and price book).
 */
import type { BillingPeriod, Package, Quote } from "@tessera/schema";
import {
  PERIOD_PER,
  quotedTerm,
  quoteTermOf,
  type Span,
  sameSpan,
  spanAdjective,
  spanWords,
  termFields,
  termLengthOf,
  termPeriodMismatch,
} from "../calendar.ts";
import type { CompiledCatalog } from "../compile.ts";
import type { Diagnostic } from "../diagnostic.ts";
import { type PricingContext, unpricedReason } from "../price/availability.ts";
import { isKnownBook } from "../price/point.ts";
import { listOf, orList, quote } from "./messages.ts";
import type { PackageLogic } from "./model.ts";
import { error } from "./picks.ts";
import type { ChoiceState, Configuration, DefaultsApplied, Reason } from "./types.ts";

/**
 * What the quote is priced in, when it is fully known and offered (else there is already a
 * violation, and nothing is disabled for want of a price).
 */
export function pricingContext(
  catalog: CompiledCatalog,
  selection: Quote,
  head: Commercial,
): PricingContext | undefined {
  const { billingPeriod, currency } = head;
  if (billingPeriod === undefined || currency === undefined) return undefined;
  if (head.termMonths === undefined && head.termWeeks === undefined) return undefined;
  const term = quotedTerm(head, []);
  if (!catalog.doc.currencies.includes(currency)) return undefined;
  if (termPeriodMismatch(term, billingPeriod)) return undefined;
  const book = selection.priceBook ?? catalog.defaultPriceBook;
  if (!isKnownBook(catalog, book)) return undefined;
  return { currency, book, period: billingPeriod, term };
}

/**
 * Per package logic and pricing context, why each variable cannot be priced (null: it can),
 * filled as configure asks: the answer depends on the catalog alone, not on the picks.
 */
const unpricedCache = new WeakMap<PackageLogic, Map<string, (string | null | undefined)[]>>();

export function unpricedMemo(logic: PackageLogic, ctx: PricingContext): (string | null | undefined)[] {
  let byContext = unpricedCache.get(logic);
  if (!byContext) {
    byContext = new Map();
    unpricedCache.set(logic, byContext);
  }
  // Every field of the context, whatever it holds: a new field must not share answers.
  const key = JSON.stringify(Object.entries(ctx).sort(([a], [b]) => (a < b ? -1 : 1)));
  let memo = byContext.get(key);
  if (!memo) {
    memo = new Array(logic.vars.length);
    byContext.set(key, memo);
  }
  return memo;
}

/** Why variable v (an option, or an add-on not included in the base) cannot be priced; undefined when it can. */
export function unpricedOf(
  catalog: CompiledCatalog,
  logic: PackageLogic,
  v: number,
  ctx: PricingContext,
): string | undefined {
  const variable = logic.vars[v]!;
  const name = quote(variable.name);
  if (variable.kind === "addOn") {
    // An included add-on is free: it has no price of its own on the quote.
    if (variable.included) return undefined;
    const pkg = logic.addOns.get(variable.id);
    return pkg ? unpricedReason(catalog, pkg, undefined, name, ctx) : undefined;
  }
  if (variable.packageId === logic.base.id)
    return unpricedReason(catalog, logic.base, variable.id, name, ctx);
  // Picking an option of an add-on buys the add-on: it must be priced too.
  const owner = logic.index.get(variable.packageId);
  const pkg = logic.addOns.get(variable.packageId);
  if (!pkg || owner === undefined) return undefined;
  return unpricedOf(catalog, logic, owner, ctx) ?? unpricedReason(catalog, pkg, variable.id, name, ctx);
}

export function checkCommercialTerms(
  catalog: CompiledCatalog,
  base: Package,
  selection: Quote,
  violations: Diagnostic[],
  defaults: DefaultsApplied,
): Commercial {
  const out: Pick3 = {};
  const term = quotedTerm(selection, base.terms);
  const given = selection.termWeeks !== undefined || selection.termMonths !== undefined;
  Object.assign(out, quoteTermOf(term));
  const termOffered = base.terms.some((t) => sameSpan(termLengthOf(t), term));
  if (!given) Object.assign(defaults, quoteTermOf(term));
  else if (!termOffered) {
    const offered = listOf(base.terms.map((t) => spanWords(termLengthOf(t))));
    violations.push(
      error(
        "config.term",
        selection.termWeeks !== undefined ? "/termWeeks" : "/termMonths",
        `${base.name} is not sold on a ${spanAdjective(term)} term; choose ${offered}.`,
      ),
    );
  }
  // With no billing period given, the first one offered that can bill the term.
  const period =
    selection.billingPeriod ??
    base.billingPeriods.find((p) => termPeriodMismatch(term, p) === undefined) ??
    base.billingPeriods[0];
  out.billingPeriod = period;
  const periodOffered = base.billingPeriods.includes(period);
  if (selection.billingPeriod === undefined) defaults.billingPeriod = period;
  else if (!periodOffered) {
    violations.push(
      error(
        "config.billing-period",
        "/billingPeriod",
        `${base.name} is not billed ${billed(period)}; choose ${listOf(base.billingPeriods.map(billed))}.`,
      ),
    );
  }
  if (termOffered && periodOffered) {
    const mismatch = termPeriodMismatch(term, period);
    if (mismatch) {
      const periods = base.billingPeriods.filter((p) => !termPeriodMismatch(term, p)).map(billed);
      const terms = base.terms.map(termLengthOf).filter((m) => !termPeriodMismatch(m, period));
      const ways = [
        ...(periods.length > 0 ? [`bill ${orList(periods)}`] : []),
        ...(terms.length > 0 ? [`choose a ${orList(terms.map(spanAdjective))} term`] : []),
      ];
      violations.push(
        error(
          "config.period-term-mismatch",
          "/billingPeriod",
          `${mismatch.message.replace(/\.$/, "")}${ways.length > 0 ? `: ${ways.join(", or ")}` : ""}.`,
        ),
      );
    }
  }
  if (selection.currency === undefined) {
    out.currency = catalog.doc.currencies[0];
    defaults.currency = catalog.doc.currencies[0];
  } else {
    out.currency = selection.currency;
    if (!catalog.doc.currencies.includes(selection.currency)) {
      violations.push(
        error(
          "config.currency",
          "/currency",
          `This catalog does not sell in ${selection.currency}; choose ${listOf(catalog.doc.currencies)}.`,
        ),
      );
    }
  }
  return {
    ...out,
    terms: base.terms.map((t) => {
      const length = termLengthOf(t);
      return choiceOf(
        sameSpan(length, term),
        periodOffered ? termPeriodMismatch(length, period) : undefined,
        termFieldsOf(length),
      );
    }),
    billingPeriods: base.billingPeriods.map((p) =>
      choiceOf(p === period, termOffered ? termPeriodMismatch(term, p) : undefined, { period: p }),
    ),
  };
}

/** A term or billing period choice: selected, available, or disabled for `mismatch`. */
function choiceOf<T extends object>(
  selected: boolean,
  mismatch: { message: string } | undefined,
  what: T,
): T & { state: ChoiceState; reason?: Reason } {
  if (selected) return { ...what, state: "selected" };
  if (mismatch)
    return { ...what, state: "disabled", reason: { rules: [], picks: [], message: mismatch.message } };
  return { ...what, state: "available" };
}

/** "per month", "per year", "every two weeks", "up front". */
function billed(period: BillingPeriod): string {
  return PERIOD_PER[period];
}

export type Commercial = Pick3 & Pick<Configuration, "terms" | "billingPeriods">;
export type Pick3 = Pick<Configuration, "termMonths" | "termWeeks" | "billingPeriod" | "currency">;

function termFieldsOf(span: Span): { months: number } | { weeks: number } {
  return termFields(span);
}
