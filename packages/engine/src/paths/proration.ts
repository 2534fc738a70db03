/**
 * Day-based proration over the billing period that contains the effective date, when that period
 * has already been invoiced (it contains asOf). Each line is rounded once to the minor unit:
 * credit = −old × unusedDays ÷ periodDays, charge = +new × unusedDays ÷ periodDays.
 * `full_credit` credits the whole old period instead. When the billing period itself changes, the
 * new price starts a new cycle on the effective date, so its charge is one whole new period.
 * A change on or after the period's end (next billing date, end of term) prorates nothing.
 *
 * @see https://docs.stripe.com/billing/subscriptions/prorations (10 USD → 20 USD halfway through the
 * month: −5 USD unused time, +10 USD remaining time)
 * @see https://chargebee.com/docs/2.0/subscriptions/articles-and-faq/how-to-give-my-customers-the-credits-for-the-unused-period-when-there-is-a-subscription-change.html
 */
import { addMonths, daysBetween } from "../calendar.ts";
import type { Decimal } from "../decimal.ts";
import type { PathContext } from "./context.ts";
import type { ProrationLine, ProrationPolicy } from "./types.ts";

export interface PlanChangeProration {
  policy: ProrationPolicy;
  effective: string;
  oldAmount: Decimal;
  oldLabel: string;
  newAmount: Decimal;
  newLabel: string;
  /** Set when the new arrangement bills on another period: its cycle restarts on the effective date. */
  newCycle?: { months: number };
}

/** Credit and charge lines for a base change (or any change that replaces the whole bill). */
export function planChangeProration(ctx: PathContext, p: PlanChangeProration): ProrationLine[] {
  if (p.policy === "none") return [];
  const { start, end } = ctx.period;
  if (p.effective >= end || p.effective < start || p.effective >= ctx.arrangement.term.end) return [];
  const periodDays = ctx.periodDays;
  const unused = p.effective === ctx.asOf ? ctx.unusedDays : daysBetween(p.effective, end);
  const lines: ProrationLine[] = [];
  if (p.policy === "full_credit") {
    lines.push({
      kind: "credit",
      description: `Credit for the current period of ${p.oldLabel}`,
      amount: ctx.money(p.oldAmount.neg().round(ctx.minor)),
      periodStart: start,
      periodEnd: end,
      days: periodDays,
      periodDays,
    });
  } else {
    lines.push({
      kind: "credit",
      description: `Unused time on ${p.oldLabel} (${unused} of ${periodDays} days)`,
      amount: ctx.money(p.oldAmount.neg().mulDiv(BigInt(unused), BigInt(periodDays), ctx.minor)),
      periodStart: start,
      periodEnd: end,
      days: unused,
      periodDays,
    });
  }
  if (p.newCycle) {
    const newEnd = addMonths(p.effective, p.newCycle.months);
    const days = daysBetween(p.effective, newEnd);
    lines.push({
      kind: "charge",
      description: `First period of ${p.newLabel}`,
      amount: ctx.money(p.newAmount.round(ctx.minor)),
      periodStart: p.effective,
      periodEnd: newEnd,
      days,
      periodDays: days,
    });
  } else {
    lines.push({
      kind: "charge",
      description: `Remaining time on ${p.newLabel} (${unused} of ${periodDays} days)`,
      amount: ctx.money(p.newAmount.mulDiv(BigInt(unused), BigInt(periodDays), ctx.minor)),
      periodStart: start,
      periodEnd: end,
      days: unused,
      periodDays,
    });
  }
  return lines;
}

/**
 * One line for a change to part of the bill (an add-on, a quantity): the difference between the
 * new and the old per-period price for the rest of the current period, rounded once.
 */
export function deltaProration(
  ctx: PathContext,
  effective: string,
  delta: Decimal,
  description: string,
): ProrationLine[] {
  const { start, end } = ctx.period;
  if (delta.isZero() || effective >= end || effective < start || effective >= ctx.arrangement.term.end)
    return [];
  const periodDays = ctx.periodDays;
  const unused = effective === ctx.asOf ? ctx.unusedDays : daysBetween(effective, end);
  return [
    {
      kind: delta.isNegative() ? "credit" : "charge",
      description: `${description} (${unused} of ${periodDays} days)`,
      amount: ctx.money(delta.mulDiv(BigInt(unused), BigInt(periodDays), ctx.minor)),
      periodStart: start,
      periodEnd: end,
      days: unused,
      periodDays,
    },
  ];
}
