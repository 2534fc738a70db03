/**
 * Day-based proration over the billing period that contains the effective date, when that period
 * has started (it contains asOf). Each line is rounded once to the minor unit. Proration follows
 * each charge's timing:
 * - in advance (the period is already invoiced): credit = −old × unusedDays ÷ periodDays, charge =
 *   +new × unusedDays ÷ periodDays; `full_credit` credits the whole old period instead;
 * - in arrear (nothing invoiced yet for the period): nothing to credit; the used days are billed at
 *   the old price, +old × usedDays ÷ periodDays, and the rest at the new, +new × unusedDays ÷
 *   periodDays.
 * When the billing period itself changes, the new price starts a new cycle on the effective date:
 * its in-advance part is charged for one whole new period (its in-arrear part at that period's end).
 * A change on or after the period's end (next billing date, end of term) prorates nothing.
 *
 * Styles of the in-advance credit: `day_based` (Stripe's classic mode) credits the current price
 * for the unused days; `flexible` (Stripe's flexible billing mode) credits from what was actually
 * invoiced for the period — the arrangement's `billed` record, amount × unused days ÷ the days it
 * covered — so a credit never exceeds what the customer paid (a quantity raised without proration
 * mid-period is not credited at the raised price). Without a record for the period the current
 * price is what was billed, and both styles agree.
 * @see https://docs.stripe.com/billing/subscriptions/billing-mode/compare (credit prorations)
 *
 * @see https://docs.stripe.com/billing/subscriptions/prorations (10 USD → 20 USD halfway through the
 * month: −5 USD unused time, +10 USD remaining time)
 * @see https://getlago.com/docs/guide/subscriptions/upgrades-downgrades (in arrears: 100 €/month →
 * 200 €/month on 15 January: 45.16 for 14/31 days of the old plan, then the new plan's 17/31 days)
 * @see https://chargebee.com/docs/2.0/subscriptions/articles-and-faq/how-to-give-my-customers-the-credits-for-the-unused-period-when-there-is-a-subscription-change.html
 */
import { addSpan, daysBetween, type Span } from "../calendar.ts";
import { Decimal } from "../decimal.ts";
import type { PathContext } from "./context.ts";
import { itemsCredit } from "./flexible.ts";
import type { ProrationStyle } from "./rules.ts";
import type { ProrationLine, ProrationPolicy } from "./types.ts";

export interface PlanChangeProration {
  policy: ProrationPolicy;
  effective: string;
  /** The whole old and new per-period prices, and the parts of them billed in arrear. */
  oldAmount: Decimal;
  oldArrear?: Decimal;
  oldLabel: string;
  newAmount: Decimal;
  newArrear?: Decimal;
  newLabel: string;
  /** Set when the new arrangement bills on another period: its cycle restarts on the effective date. */
  newCycle?: { span: Span };
  /** The new package bills nothing yet (it starts in a free trial): only the old side is settled. */
  newDeferred?: boolean;
  /** day_based (default) or flexible: whether the credit comes from what was billed. */
  style?: ProrationStyle;
}

/** Credit and charge lines for a base change (or any change that replaces the whole bill). */
export function planChangeProration(ctx: PathContext, p: PlanChangeProration): ProrationLine[] {
  if (p.policy === "none") return [];
  const { start, end } = ctx.period;
  if (p.effective >= end || p.effective < start || p.effective >= ctx.arrangement.term.end) return [];
  const periodDays = ctx.periodDays;
  const unused = p.effective === ctx.asOf ? ctx.unusedDays : daysBetween(p.effective, end);
  const used = periodDays - unused;
  const oldArrear = p.oldArrear ?? Decimal.ZERO;
  const newArrear = p.newArrear ?? Decimal.ZERO;
  const oldAdvance = p.oldAmount.sub(oldArrear);
  const newAdvance = p.newAmount.sub(newArrear);
  const part = (amount: Decimal, days: number) =>
    ctx.money(amount.mulDiv(BigInt(days), BigInt(periodDays), ctx.minor));
  const line = (
    kind: ProrationLine["kind"],
    description: string,
    amount: string,
    days: number,
    timing: ProrationLine["timing"],
  ): ProrationLine => ({
    kind,
    description,
    amount,
    periodStart: start,
    periodEnd: end,
    days,
    periodDays,
    timing,
  });
  const lines: ProrationLine[] = [];
  const advance = !oldAdvance.isZero() || (oldArrear.isZero() && newArrear.isZero());
  const items = p.style === "flexible" ? itemsCredit(ctx, unused, p.policy === "full_credit") : undefined;
  const billed = p.style === "flexible" ? ctx.billed : undefined;
  if (advance && items) {
    // Flexible, item by item: each item's bill for its unused days (flexible.ts).
    lines.push(
      line(
        "credit",
        p.policy === "full_credit"
          ? `Credit for what was billed for the current period of ${p.oldLabel}`
          : `Unused time on ${p.oldLabel}, from what was billed for each item`,
        ctx.money(items.neg()),
        unused,
        "in_advance",
      ),
    );
  } else if (advance && billed) {
    // Flexible: what was invoiced for the days it covered, for the unused ones among them.
    const days = Math.min(unused, billed.days);
    lines.push(
      p.policy === "full_credit"
        ? line(
            "credit",
            `Credit for what was billed for the current period of ${p.oldLabel}`,
            ctx.money(billed.amount.neg().round(ctx.minor)),
            billed.days,
            "in_advance",
          )
        : {
            ...line(
              "credit",
              `Unused time on ${p.oldLabel}, from what was billed (${days} of ${billed.days} days billed)`,
              ctx.money(billed.amount.neg().mulDiv(BigInt(days), BigInt(billed.days), ctx.minor)),
              days,
              "in_advance",
            ),
            periodDays: billed.days,
          },
    );
  } else if (advance) {
    lines.push(
      p.policy === "full_credit"
        ? line(
            "credit",
            `Credit for the current period of ${p.oldLabel}`,
            ctx.money(oldAdvance.neg().round(ctx.minor)),
            periodDays,
            "in_advance",
          )
        : line(
            "credit",
            `Unused time on ${p.oldLabel} (${unused} of ${periodDays} days)`,
            part(oldAdvance.neg(), unused),
            unused,
            "in_advance",
          ),
    );
  }
  if (!oldArrear.isZero())
    lines.push(
      line(
        "charge",
        `Used time on ${p.oldLabel}, billed in arrear (${used} of ${periodDays} days)`,
        part(oldArrear, used),
        used,
        "in_arrear",
      ),
    );
  if (p.newDeferred) return lines;
  if (p.newCycle) {
    const newEnd = addSpan(p.effective, p.newCycle.span);
    const days = daysBetween(p.effective, newEnd);
    if (advance || !newAdvance.isZero())
      lines.push({
        kind: "charge",
        description: `First period of ${p.newLabel}`,
        amount: ctx.money(newAdvance.round(ctx.minor)),
        periodStart: p.effective,
        periodEnd: newEnd,
        days,
        periodDays: days,
        timing: "in_advance",
      });
    return lines;
  }
  if (advance || !newAdvance.isZero())
    lines.push(
      line(
        "charge",
        `Remaining time on ${p.newLabel} (${unused} of ${periodDays} days)`,
        part(newAdvance, unused),
        unused,
        "in_advance",
      ),
    );
  if (!newArrear.isZero())
    lines.push(
      line(
        "charge",
        `Remaining time on ${p.newLabel}, billed in arrear (${unused} of ${periodDays} days)`,
        part(newArrear, unused),
        unused,
        "in_arrear",
      ),
    );
  return lines;
}

/** Sum of proration lines, as a money string (what `Move.prorationNet` reports). */
export function prorationNet(ctx: PathContext, lines: readonly ProrationLine[]): string {
  return ctx.money(Decimal.sum(lines.map((l) => Decimal.parse(l.amount))));
}

/**
 * One line for a change to part of the bill (an add-on, a quantity): the difference between the
 * new and the old per-period price for the rest of the current period, rounded once; `whole`
 * (a full-credit cancellation) takes the whole period instead.
 */
export function deltaProration(
  ctx: PathContext,
  effective: string,
  delta: Decimal,
  description: string,
  timing: ProrationLine["timing"] = "in_advance",
  whole = false,
): ProrationLine[] {
  const { start, end } = ctx.period;
  if (delta.isZero() || effective >= end || effective < start || effective >= ctx.arrangement.term.end)
    return [];
  const periodDays = ctx.periodDays;
  const unused = whole ? periodDays : effective === ctx.asOf ? ctx.unusedDays : daysBetween(effective, end);
  return [
    {
      kind: delta.isNegative() ? "credit" : "charge",
      description: `${description} (${unused} of ${periodDays} days)`,
      amount: ctx.money(delta.mulDiv(BigInt(unused), BigInt(periodDays), ctx.minor)),
      periodStart: start,
      periodEnd: end,
      days: unused,
      periodDays,
      // The delta is the same for both timings: advance settles it now, arrear at the period's end.
      timing,
    },
  ];
}

/**
 * Keeps the `billed` record of the arrangement a move builds (flexible style): a move that charges
 * the rest of the current period in advance bills that amount from its effective date (a new
 * billing cycle bills its first period); a move that bills nothing for the current period leaves
 * what was invoiced as it was (recording the current price when there was no record); a move that
 * settles the period otherwise, or takes effect after it, leaves no record for it.
 */
export function recordBilled(
  ctx: PathContext,
  next: { billed?: { periodStart: string; from?: string; amount: string } },
  lines: readonly ProrationLine[],
  effective: string,
): void {
  const charges = lines.filter((l) => l.kind === "charge" && l.timing === "in_advance");
  const credits = lines.some((l) => l.kind === "credit");
  const { start, end } = ctx.period;
  if (charges.length === 1 && credits) {
    const c = charges[0]!;
    next.billed = {
      periodStart: c.periodStart,
      ...(c.periodStart === effective ? {} : { from: effective }),
      amount: c.amount,
    };
  } else if (lines.length === 0 && effective >= start && effective < end) {
    const advance = ctx.currentRecurring.sub(ctx.currentArrear);
    next.billed = ctx.arrangement.billed ?? {
      periodStart: start,
      amount: ctx.money(advance.round(ctx.minor)),
    };
  } else delete next.billed;
}
