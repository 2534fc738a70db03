/**
 * The base package's phases on a quote. They govern the whole subscription (one subscription has
 * one trial, as in Stripe) except the lines of add-ons with phases of their own, which those
 * phases price (see addon-phases.ts; on a running arrangement, paths/addon-start.ts). The
 * timeline is phases.ts; here it becomes lines.
 *
 * - Leading trial phases: recurring charges are free until they end. The first invoice, on the
 *   start date, holds the one-time charges only; recurring charges start the day the trial ends,
 *   which becomes the billing anchor unless the quote sets one. The term (and TCV) starts when the
 *   trial ends: trial days are free and add nothing.
 * - The phases after it run from the first full billing period (the partial period before a billing
 *   anchor is billed at the first phase's price). Each phase's price applies to every invoice dated
 *   within it (Stripe's duration_in_months rule): "20% off for 3 months" is 3 monthly invoices, or
 *   13 weekly ones. A phase with a price of its own is one discount line: −(percent of the committed
 *   recurring price), or −(the fixed amount, never more than that price), or −(all of it) for a free
 *   phase, counted once per invoice in the phase. The per-period total keeps showing the regular
 *   price, except for an unlimited (evergreen) phase with a discount: that discount is the regular
 *   price from then on, so it is part of the per-period total (and of MRR).
 * - When the last phase is fixed_term the subscription ends with it: invoices after it are not
 *   billed, so TCV counts only the invoices before its end.
 * @see https://docs.stripe.com/billing/subscriptions/trials
 * @see https://docs.killbill.io/latest/userguide_subscription.html#components-catalog
 */
import type { BillingPeriod, Package } from "@tessera/schema";
import { addSpan, periodSpan, type Span } from "../calendar.ts";
import { formatMoney, roundMoney } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import { fixedTermEnd, type PhaseSpan, phasePlans, timeline, trialEnd } from "../phases.ts";
import type { Commitment, DiscountContext } from "./discounts.ts";
import { showAmount } from "./explain.ts";
import { percentOf } from "./percent.ts";
import type { SchedulePhase } from "./types.ts";
import { uniqueId, type WorkLine } from "./work.ts";

/** The leading trial: when recurring charges start. */
export function trialOf(pkg: Package, start: string, period: BillingPeriod, term: Span): string | undefined {
  const plans = phasePlans(pkg);
  if (plans[0]?.type !== "trial") return undefined;
  return trialEnd(timeline(plans, start, period, term));
}

export interface PhaseInput {
  pkg: Package;
  start: string;
  /** Day recurring charges start (after the leading trial). */
  chargesStart: string;
  firstFullPeriodStart: string;
  period: BillingPeriod;
  term: Span;
  /** Whether a partial period before the anchor is billed first (it takes the first phase's price). */
  partial: boolean;
  /** Add-ons with phases of their own: the base's phases do not price their lines. */
  ownPhases?: ReadonlySet<string>;
}

export interface PricedPhases {
  lines: WorkLine[];
  /** Every phase on the calendar, for the schedule. */
  schedule: SchedulePhase[];
  /** When the last phase is a fixed term: the day the subscription ends, and invoices billed before it. */
  ends?: { on: string; invoices: number };
}

/** The invoice dates of the term's whole periods (at most 520, the longest term in weeks). */
export function invoiceDates(first: string, span: Span, periods: number, upfront: boolean): string[] {
  if (upfront) return [first];
  const out: string[] = [];
  for (let i = 0; i < periods; i++) out.push(addSpan(first, span, i));
  return out;
}

export function phaseLines(
  ctx: DiscountContext,
  input: PhaseInput,
  lines: readonly WorkLine[],
  commitment: Commitment,
  notes: string[],
): PricedPhases {
  const plans = phasePlans(input.pkg);
  if (plans.length === 0) return { lines: [], schedule: [] };
  let lead = 0;
  while (plans[lead]?.type === "trial" && plans[lead]?.length) lead++;
  const trials = timeline(plans.slice(0, lead), input.start, input.period, input.term);
  const rest = timeline(plans.slice(lead), input.firstFullPeriodStart, input.period, input.term);
  const spans = [...trials, ...rest];
  const span = periodSpan(input.period, input.term);
  const dates = invoiceDates(input.firstFullPeriodStart, span, ctx.termPeriods, input.period === "upfront");
  const inSpan = (s: PhaseSpan, d: string) => s.start <= d && (s.end === undefined || d < s.end);
  const schedule: SchedulePhase[] = spans.map((s) => ({
    type: s.plan.type,
    index: s.plan.index,
    start: s.start,
    ...(s.end !== undefined ? { end: s.end } : {}),
    words: s.plan.words,
    invoices: s.plan.type === "trial" && s.plan.index < lead ? 0 : dates.filter((d) => inSpan(s, d)).length,
  }));
  const endOn = fixedTermEnd(rest);
  const ends =
    endOn === undefined ? undefined : { on: endOn, invoices: dates.filter((d) => d < endOn).length };
  if (ends)
    notes.push(
      `The subscription ends on ${ends.on}, when its fixed-term phase ends: ${ends.invoices} ${ctx.periodWord}${ends.invoices === 1 ? "" : "s"} of the term are billed.`,
    );

  const { total: base, advance } = commitment.net(
    lines,
    (l) => l.kind === "recurring" && !input.ownPhases?.has(l.packageId),
  );
  const out: WorkLine[] = [];
  if (base.isZero()) return { lines: out, schedule, ...(ends ? { ends } : {}) };
  for (const s of rest) {
    const count = dates.filter((d) => inSpan(s, d)).length;
    if (count === 0) continue;
    const first = inSpan(s, dates[0] ?? "") || (input.partial && s === rest[0]);
    const line = phaseDiscount(ctx, { pkg: input.pkg, suffix: "", owner: ctx.basePackageId }, s, {
      count,
      first,
      base,
      advance,
      notes,
    });
    if (line) out.push(line);
  }
  return { lines: out, schedule, ...(ends ? { ends } : {}) };
}

/** Whose phases a discount line prices: the base (suffix "") or an add-on ("@<add-on id>"). */
export interface PhaseOwner {
  pkg: Package;
  suffix: string;
  /** packageId of the line. */
  owner: string;
}

/**
 * The discount line of one phase with a price of its own (percent, fixed amount, free), counted on
 * `count` invoices; undefined for a regular-price phase or a currency the phase has no amount in
 * (a violation then).
 */
export function phaseDiscount(
  ctx: DiscountContext,
  who: PhaseOwner,
  s: PhaseSpan,
  at: { count: number; first: boolean; base: Decimal; advance: Decimal; notes: string[] },
): WorkLine | undefined {
  const { currency } = ctx;
  const { count, first, base, advance, notes } = at;
  const price = s.plan.price;
  if (price.kind === "regular") return undefined;
  const regular = roundMoney(base, currency);
  const whose = who.suffix === "" ? "" : `${who.pkg.name}: `;
  let amount: Decimal;
  let firstAmount: Decimal;
  let how: string;
  if (price.kind === "percent") {
    amount = percentOf(base, price.percent, currency);
    firstAmount = percentOf(advance, price.percent, currency);
    how = `${price.percent.toString()}% off ${showAmount(regular, currency)} of recurring charges`;
  } else if (price.kind === "amount") {
    const off = price.amounts.get(currency);
    if (off === undefined) {
      ctx.violations.push({
        code: "price.phase-currency",
        severity: "error",
        pointer: "/package",
        message: `Phase ${s.plan.index + 1} of "${who.pkg.name}" (${s.plan.words}) has no amount off in ${currency}.`,
      });
      return undefined;
    }
    amount = Decimal.min(roundMoney(off, currency), regular);
    firstAmount = Decimal.min(amount, roundMoney(advance, currency));
    how = `${formatMoney(amount, currency)} off ${showAmount(regular, currency)} of recurring charges`;
  } else {
    amount = regular;
    firstAmount = roundMoney(advance, currency);
    how = `${showAmount(regular, currency)} of recurring charges free`;
  }
  const lasting = s.end === undefined;
  const plural = count === 1 ? "" : "s";
  const legacyIntro = s.plan.type === "intro" && s.plan.length?.unit === "period";
  const trial = s.plan.type === "trial";
  const when = legacyIntro
    ? `for the first ${count} ${ctx.periodWord}${plural}`
    : lasting
      ? `from ${s.start}, every ${ctx.periodWord}`
      : trial
        ? `on the invoices from ${s.start} to ${s.end}`
        : `for ${count} ${ctx.periodWord}${plural} from ${s.start} to ${s.end}`;
  notes.push(
    legacyIntro
      ? `${whose}Intro price: ${formatMoney(regular.sub(amount), currency)} instead of ${formatMoney(regular, currency)} per ${ctx.periodWord} of recurring charges for the first ${count} ${ctx.periodWord}${plural}.`
      : trial
        ? `${whose}${capital(s.plan.words)} from ${s.start} to ${s.end}: not billed on the invoices of that time, then billed from ${s.end} (${formatMoney(regular, currency)} per ${ctx.periodWord}).`
        : `${whose}${capital(s.plan.words)}: ${formatMoney(regular.sub(amount), currency)} instead of ${formatMoney(regular, currency)} per ${ctx.periodWord} of recurring charges ${when}.`,
  );
  return {
    id: uniqueId(ctx.ids, `${legacyIntro ? "intro" : `phase-${s.plan.index + 1}`}${who.suffix}`),
    chargeId: null,
    packageId: who.owner,
    kind: "discount",
    description: `${whose}${
      legacyIntro
        ? `Intro price (first ${count} ${ctx.periodWord}${plural})`
        : `${capital(s.plan.words)} (${lasting ? `from ${s.start}` : trial ? `${s.start} to ${s.end}` : `${count} ${ctx.periodWord}${plural}`})`
    }`,
    quantity: 1,
    amount: amount.neg(),
    explanation: `${how} = -${formatMoney(amount, currency)} ${when}`,
    firstInvoice: first ? firstAmount.neg() : Decimal.ZERO,
    perPeriod: lasting,
    periods: count,
    inAdvance: true,
    oneTime: false,
    commitment: false,
  };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
