/**
 * An add-on's own phases on a quote (Kill Bill: each subscription of a bundle has its plan's
 * phases). They price that add-on's recurring lines only; the base's phases leave them alone.
 *
 * - The add-on's phases count from the subscription's start: on a quote the add-on is bought with
 *   the base, so both create alignments (start of bundle, start of the add-on) give that date.
 * - Phases with a price of their own (percent, fixed amount, free) are one discount line each,
 *   counted on the invoices dated within the phase, exactly as the base's phases are (price/phases.ts).
 * - A leading trial makes the add-on free until it ends: every invoice dated within it leaves the
 *   add-on out (one discount line of its whole recurring price, counted on those invoices), and
 *   the add-on is billed from the trial's end to the next invoice date, prorated by days over the
 *   billing period that holds it (Kill Bill's bundle billing alignment: an add-on leaving its trial
 *   bills pro rata up to the base's next billing date; paths/addon-start.ts does the same for an
 *   add-on bought later). That line is billed on the day the trial ends, not on the first invoice.
 * - When the add-on's last phase is fixed_term the add-on ends with it: its recurring lines count
 *   only the invoices before that day.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_alignments
 */
import type { BillingPeriod, Package } from "@tessera/schema";
import { daysBetween, periodSpan, type Span } from "../calendar.ts";
import { formatMoney, minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import { fixedTermEnd, type PhaseSpan, phasePlans, timeline } from "../phases.ts";
import type { Commitment, DiscountContext } from "./discounts.ts";
import { invoiceDates, phaseDiscount } from "./phases.ts";
import type { SchedulePhase } from "./types.ts";
import { uniqueId, type WorkLine } from "./work.ts";

export interface AddOnPhaseInput {
  start: string;
  /** Day recurring charges start (after the base's trial). */
  chargesStart: string;
  firstFullPeriodStart: string;
  period: BillingPeriod;
  term: Span;
  /** The partial period before the billing anchor, when there is one. */
  partial: { from: string; to: string; fullDays: number } | undefined;
}

export interface PricedAddOnPhases {
  lines: WorkLine[];
  schedule: SchedulePhase[];
  /** When the add-on's last phase is a fixed term: the day it ends, and its invoices before it. */
  ends?: { on: string; invoices: number };
}

/** The add-ons of `lines` with phases of their own (the base's phases skip their lines). */
export function phasedAddOns(lines: readonly WorkLine[], packageOf: (id: string) => Package | undefined) {
  const out = new Map<string, Package>();
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.kind !== "recurring" || seen.has(l.packageId)) continue;
    seen.add(l.packageId);
    const pkg = packageOf(l.packageId);
    if (pkg?.role === "add_on" && phasePlans(pkg).length > 0) out.set(l.packageId, pkg);
  }
  return out;
}

export function addOnPhaseLines(
  ctx: DiscountContext,
  addOn: Package,
  input: AddOnPhaseInput,
  lines: readonly WorkLine[],
  commitment: Commitment,
  notes: string[],
): PricedAddOnPhases {
  const plans = phasePlans(addOn);
  const spans = timeline(plans, input.start, input.period, input.term);
  const span = periodSpan(input.period, input.term);
  const upfront = input.period === "upfront";
  const dates = invoiceDates(input.firstFullPeriodStart, span, ctx.termPeriods, upfront);
  // The first invoice with recurring charges: the partial period's, else the first full period's.
  const firstDate = input.partial ? input.partial.from : (dates[0] ?? input.chargesStart);
  const inSpan = (s: PhaseSpan, d: string) => s.start <= d && (s.end === undefined || d < s.end);
  const leadTrial = spans[0]?.plan.type === "trial" ? spans[0] : undefined;
  const schedule: SchedulePhase[] = spans.map((s) => ({
    type: s.plan.type,
    index: s.plan.index,
    start: s.start,
    ...(s.end !== undefined ? { end: s.end } : {}),
    words: s.plan.words,
    invoices: dates.filter((d) => inSpan(s, d)).length,
  }));
  const endOn = fixedTermEnd(spans);
  const ends =
    endOn === undefined ? undefined : { on: endOn, invoices: dates.filter((d) => d < endOn).length };
  const own = (l: WorkLine) => l.kind === "recurring" && l.packageId === addOn.id;
  if (ends) {
    for (const l of lines) if (own(l) && l.periods > ends.invoices) l.periods = ends.invoices;
    notes.push(
      `${addOn.name} ends on ${ends.on}, when its fixed-term phase ends: ${ends.invoices} ${ctx.periodWord}${ends.invoices === 1 ? "" : "s"} of it are billed.`,
    );
  }
  const { total: base, advance } = commitment.net(lines, own);
  const out: WorkLine[] = [];
  if (base.isZero()) return { lines: out, schedule, ...(ends ? { ends } : {}) };
  const who = { pkg: addOn, suffix: `@${addOn.id}`, owner: addOn.id };
  for (const s of spans) {
    const trial = s === leadTrial;
    if (trial && s.end !== undefined && s.end <= input.chargesStart) {
      notes.push(
        `${addOn.name}: its ${s.plan.words} ends on ${s.end}, before recurring charges start on ${input.chargesStart}.`,
      );
      continue;
    }
    const count = dates.filter((d) => inSpan(s, d)).length;
    const first = inSpan(s, firstDate);
    if (count === 0 && !first) continue;
    const line = phaseDiscount(ctx, who, trial ? { ...s, plan: { ...s.plan, price: { kind: "free" } } } : s, {
      count,
      first,
      base,
      advance,
      notes,
    });
    if (line) out.push(line);
    if (trial && s.end !== undefined) {
      const rest = trialRest(ctx, addOn, s.end, dates, input, base);
      if (rest) out.push(rest);
    }
  }
  return { lines: out, schedule, ...(ends ? { ends } : {}) };
}

/**
 * The add-on from the day its trial ends to the next invoice date, prorated by days over the
 * billing period that holds that day (the partial first period counts over its full length).
 */
function trialRest(
  ctx: DiscountContext,
  addOn: Package,
  end: string,
  dates: readonly string[],
  input: AddOnPhaseInput,
  base: Decimal,
): WorkLine | undefined {
  if (dates.includes(end)) return undefined;
  const next = dates.find((d) => d > end);
  if (next === undefined) return undefined;
  const i = dates.indexOf(next);
  const previous = i > 0 ? dates[i - 1] : undefined;
  const fullDays = previous !== undefined ? daysBetween(previous, next) : input.partial?.fullDays;
  if (fullDays === undefined) return undefined;
  const days = daysBetween(end, next);
  const { currency } = ctx;
  const amount = base.mulDiv(BigInt(days), BigInt(fullDays), minorUnit(currency));
  return {
    id: uniqueId(ctx.ids, `trial-end@${addOn.id}`),
    chargeId: null,
    packageId: addOn.id,
    kind: "proration",
    description: `${addOn.name} from the end of its trial, ${end} to ${next}`,
    quantity: 1,
    amount,
    explanation: `${days} of ${fullDays} days × ${formatMoney(base, currency)} of ${addOn.name}'s recurring charges = ${formatMoney(amount, currency)}, billed on ${end}`,
    firstInvoice: Decimal.ZERO,
    perPeriod: false,
    periods: 1,
    inAdvance: true,
    oneTime: false,
    commitment: false,
  };
}
