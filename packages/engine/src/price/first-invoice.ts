/**
 * The first invoice and the billing anchor.
 *
 * - The first invoice is dated the start date (quote.startDate, default the pricing date). It holds
 *   the one-time charges (and discounts on them) and, without a trial, the first billing period of
 *   the in-advance recurring charges. In-arrear charges and usage are never on it.
 * - With a trial, recurring charges start when the trial ends; the first invoice holds one-time
 *   charges only.
 * - Billing anchor day: when the quote sets billingAnchorDay and it differs from the day recurring
 *   charges start, the first full billing period starts on the next date with that day (clamped to
 *   short months), and the partial period before it is prorated day-based: days remaining ÷ days in
 *   the full period that ends on the anchor, like Stripe's billing_cycle_anchor with
 *   proration_behavior=create_prorations (a monthly plan from Jan 15 anchored on the 1st bills
 *   17/31 of a month). The proration is one line over the net in-advance recurring amount of the
 *   first period (after commitment, seller and intro discounts), rounded once. Without a trial it is
 *   the first invoice's recurring content; the term's whole periods then start on the anchor, and
 *   TCV counts the partial period once on top of them. With a trial the partial period is billed
 *   when the trial ends (stated in notes; that invoice is not the first one). Upfront billing has no
 *   anchor: the single period starts when charges start.
 * @see https://docs.stripe.com/billing/subscriptions/billing-cycle
 * @see https://stripe.com/docs/billing/subscriptions/backdating
 */
import type { BillingPeriod } from "@tessera/schema";
import { addMonths, addSpan, daysBetween, type Span } from "../calendar.ts";

export interface FirstPeriod {
  /** Day recurring charges start (the start date, or the day after the trial ends). */
  chargesStart: string;
  trialEnds: string | undefined;
  /** Start of the first full billing period. */
  firstFullPeriodStart: string;
  /** The partial period before the anchor, when there is one. */
  partial: { from: string; to: string; days: number; fullDays: number } | undefined;
}

export function firstPeriod(
  start: string,
  trialEnds: string | undefined,
  anchorDay: number | undefined,
  period: BillingPeriod,
  span: Span,
): FirstPeriod {
  const chargesStart = trialEnds ?? start;
  // A billing day of the month anchors month-based periods only (weeks run from the start).
  if (anchorDay === undefined || period === "upfront" || span.unit === "week")
    return { chargesStart, trialEnds, firstFullPeriodStart: chargesStart, partial: undefined };
  let anchor = addMonths(chargesStart, 0, anchorDay);
  if (anchor < chargesStart) anchor = addMonths(chargesStart, 1, anchorDay);
  if (anchor === chargesStart)
    return { chargesStart, trialEnds, firstFullPeriodStart: chargesStart, partial: undefined };
  // The full period containing the start is the one ending on the anchor (anchor day clamped).
  const fullStart = addSpan(anchor, span, -1, anchorDay);
  return {
    chargesStart,
    trialEnds,
    firstFullPeriodStart: anchor,
    partial: {
      from: chargesStart,
      to: anchor,
      days: daysBetween(chargesStart, anchor),
      fullDays: daysBetween(fullStart, anchor),
    },
  };
}
