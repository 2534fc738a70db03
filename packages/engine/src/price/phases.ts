/**
 * Trial and introductory phases of the base package (they govern the whole subscription: one
 * subscription has one trial, as in Stripe; add-on packages' own phases are not applied on a quote).
 *
 * - trial (N days): recurring charges are free for N days from the start date. The first invoice,
 *   on the start date, holds the one-time charges only; recurring charges start the day the trial
 *   ends, which becomes the billing anchor unless the quote sets one. The term (and TCV) starts
 *   when the trial ends: trial days are free and add nothing.
 * - intro (X% off for N periods): the first N billing periods of the term cost X% less than the
 *   committed price (list minus the commitment discount). The per-period total keeps showing the
 *   regular price; the intro price is a separate discount line counted N times in TCV.
 * @see https://docs.stripe.com/billing/subscriptions/trials
 */
import type { Package } from "@tessera/schema";
import { formatMoney, roundMoney } from "../currency.ts";
import type { Decimal } from "../decimal.ts";
import type { Commitment, DiscountContext } from "./discounts.ts";
import { showAmount } from "./explain.ts";
import { parsePercent, percentOf } from "./percent.ts";
import { uniqueId, type WorkLine } from "./work.ts";

export interface Phases {
  trialDays: number;
  intro: { percent: Decimal; periods: number } | undefined;
}

export function phasesOf(pkg: Package): Phases {
  let trialDays = 0;
  let intro: Phases["intro"];
  for (const phase of pkg.phases ?? []) {
    if (phase.type === "trial" && phase.days && phase.days > 0) trialDays = phase.days;
    if (phase.type === "intro") {
      const percent = parsePercent(phase.discountPercent);
      if (percent && !percent.isZero() && phase.periods && phase.periods > 0)
        intro = { percent, periods: phase.periods };
    }
  }
  return { trialDays, intro };
}

/** The intro-price discount line, or null when the package has no intro phase. */
export function introLine(
  ctx: DiscountContext,
  phases: Phases,
  lines: readonly WorkLine[],
  commitment: Commitment,
  notes: string[],
): WorkLine | null {
  const intro = phases.intro;
  if (!intro) return null;
  const { currency } = ctx;
  const { total: base, advance } = commitment.net(lines, (l) => l.kind === "recurring");
  if (base.isZero()) return null;
  const amount = percentOf(base, intro.percent, currency);
  const periods = Math.min(intro.periods, ctx.termPeriods);
  const regular = roundMoney(base, currency);
  const plural = periods === 1 ? "" : "s";
  notes.push(
    `Intro price: ${formatMoney(regular.sub(amount), currency)} instead of ${formatMoney(regular, currency)} per ${ctx.periodWord} of recurring charges for the first ${periods} ${ctx.periodWord}${plural}.`,
  );
  return {
    id: uniqueId(ctx.ids, "intro"),
    chargeId: null,
    packageId: ctx.basePackageId,
    kind: "discount",
    description: `Intro price (first ${periods} ${ctx.periodWord}${plural})`,
    quantity: 1,
    amount: amount.neg(),
    explanation: `${intro.percent.toString()}% off ${showAmount(regular, currency)} of recurring charges = -${formatMoney(amount, currency)} for the first ${periods} ${ctx.periodWord}${plural}`,
    firstInvoice: percentOf(advance, intro.percent, currency).neg(),
    perPeriod: false,
    periods,
    inAdvance: true,
    oneTime: false,
    commitment: false,
  };
}
