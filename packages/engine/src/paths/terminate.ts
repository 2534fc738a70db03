/**
 * Termination, the salvage point: the package's retention offers come first (each a priced move a
 * customer can take instead), then the terminate move itself.
 * - Effective date: notice is counted from asOf. end_of_term: max(asOf + noticeDays, term end);
 *   immediate: asOf + noticeDays; next billing date (a case's `next_billing_date` or the package's
 *   `end_of_period`): the first billing date on or after asOf + noticeDays.
 * - Early termination fee, when the effective date falls before the term's end: `flat` (the amount
 *   in the arrangement's currency) or `remaining_percent` (that percent of the recurring charges of
 *   the billing periods still to be invoiced before the term's end), rounded once.
 * - Retention discount: `discountPercent` off the current recurring price for `periods` billing
 *   periods from the next billing date; the arrangement records it as a discount. Retention
 *   downgrade: the base change to `to`, under the same path rules as any downgrade. Taking either
 *   withdraws a scheduled termination.
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_cancellation (cancel policies)
 */
import type { Arrangement, RetentionOffer } from "@tessera/schema";
import { addDays, isDate, monthsPerPeriod, periodContaining } from "../calendar.ts";
import { Decimal } from "../decimal.ts";
import { type Built, blocked, type Candidate, newMove } from "./candidate.ts";
import type { PathContext } from "./context.ts";
import { impliedKind } from "./match.ts";
import { PERIOD_WORD, planChange } from "./plan-change.ts";
import { planChangeProration, prorationNet } from "./proration.ts";
import { mrrOf } from "./recurring.ts";
import { nextBillingDate, outcomeBlocks, outcomeFor } from "./rules.ts";
import type { Move, MoveRequest } from "./types.ts";

export function terminateMoves(ctx: PathContext): Candidate[] {
  const out: Candidate[] = [];
  for (const offer of ctx.current?.termination?.retentionOffers ?? []) out.push(retentionOffer(ctx, offer));
  out.push(terminate(ctx));
  if (ctx.arrangement.status === "pending_termination") out.push(uncancel(ctx));
  return out;
}

/**
 * Withdraws a pending cancellation (Kill Bill's uncancel): the arrangement goes on as if it had
 * never been cancelled, on its term and price. Only before the cancellation takes effect.
 * @see https://docs.killbill.io/latest/userguide_subscription.html (cancellation, uncancel)
 */
function uncancel(ctx: PathContext): Candidate {
  const a = ctx.arrangement;
  const name = ctx.current?.name ?? a.package;
  const move = newMove("uncancel", "uncancel", a.package, `Keep ${name} (withdraw the cancellation)`);
  const date = a.terminationDate ?? a.term.end;
  if (date <= ctx.asOf)
    return blocked(move, [`The termination took effect on ${date}; it can no longer be withdrawn.`]);
  const build = (): Built => {
    const m: Move = { ...move, reasons: [], notes: [] };
    m.notes.push(`The termination scheduled for ${date} is withdrawn; ${name} continues to ${a.term.end}.`);
    m.timing = "immediate";
    m.prorationPolicy = "none";
    m.effectiveDate = ctx.asOf;
    m.termRestarts = false;
    m.term = { ...a.term };
    m.billingPeriod = a.billingPeriod;
    m.addOns = (a.addOns ?? []).map((h) => ({
      package: h.package,
      fate: h.included ? ("included" as const) : ("carried" as const),
      reason: `${ctx.nameOf(h.package)} stays.`,
    }));
    m.newRecurring = ctx.money(ctx.currentRecurring);
    m.newMrr = ctx.money(ctx.currentMrr);
    m.mrrDelta = ctx.money(Decimal.ZERO);
    return { ok: true, arrangement: withdrawTermination(a), move: m };
  };
  const first = build();
  return first.ok
    ? { move: first.move, build, arrangement: first.arrangement }
    : blocked(move, first.reasons);
}

function withdrawTermination(a: Arrangement): Arrangement {
  const next: Arrangement = { ...a };
  if (next.status === "pending_termination") next.status = "active";
  delete next.terminationDate;
  return next;
}

function retentionOffer(ctx: PathContext, offer: RetentionOffer): Candidate {
  const id = `retention_offer:${offer.id}`;
  const cur = ctx.current!;
  if (offer.kind === "downgrade") {
    const info: NonNullable<Move["offer"]> = { id: offer.id, name: offer.name, kind: "downgrade" };
    const to = offer.to !== undefined ? ctx.catalog.packages.get(offer.to)?.value : undefined;
    if (!to) {
      const move = newMove(id, "retention_offer", offer.to ?? cur.id, offer.name);
      move.offer = info;
      return blocked(move, [
        offer.to === undefined
          ? `The offer "${offer.name}" names no package to move to.`
          : `The offer "${offer.name}" moves to ${offer.to}, which is not in this catalog version.`,
      ]);
    }
    return planChange(ctx, to.id, impliedKind(cur, to), {
      id,
      label: offer.name,
      moveKind: "retention_offer",
      offer: info,
      finish: withdrawTermination,
    });
  }

  const move = newMove(id, "retention_offer", cur.id, offer.name);
  move.offer = { id: offer.id, name: offer.name, kind: "discount" };
  if (offer.discountPercent !== undefined) move.offer.percent = offer.discountPercent;
  if (offer.discountPercent === undefined)
    return blocked(move, [`The offer "${offer.name}" has no discount percent.`]);
  const percent = Decimal.parse(offer.discountPercent);
  const periods = offerPeriods(ctx, offer);
  if (periods !== undefined) move.offer.periods = periods;
  if (offer.months !== undefined) move.offer.months = offer.months;
  const build = (): Built => {
    const a = ctx.arrangement;
    const m: Move = { ...move, reasons: [], notes: [] };
    const effective = nextBillingDate(ctx);
    const discounted = ctx.currentRecurring.mul(Decimal.HUNDRED.sub(percent)).mulDiv(1n, 100n, ctx.minor);
    const discount: NonNullable<Arrangement["discounts"]>[number] = {
      id: offer.id,
      description: offer.name,
      percent: offer.discountPercent!,
    };
    if (periods !== undefined) discount.periods = periods;
    const next = withdrawTermination({
      ...a,
      discounts: [...(a.discounts ?? []).filter((d) => d.id !== offer.id), discount],
      recurring: ctx.money(discounted),
    });
    const lasting =
      periods === undefined
        ? ""
        : offer.months !== undefined && offer.periods === undefined
          ? ` for ${offer.months} month${offer.months === 1 ? "" : "s"}: the ${periods === 1 ? "first invoice" : `first ${periods} invoices`} (billed ${PERIOD_WORD[a.billingPeriod]})`
          : ` for ${periods} billing period${periods === 1 ? "" : "s"}`;
    m.notes.push(
      `${percent.toString()}% off ${ctx.money(ctx.currentRecurring)}${lasting}, from ${effective}.`,
    );
    if (a.status === "pending_termination")
      m.notes.push(`The termination scheduled for ${a.terminationDate ?? a.term.end} is withdrawn.`);
    m.timing = "next_billing_date";
    m.prorationPolicy = "none";
    m.effectiveDate = effective;
    m.termRestarts = false;
    m.term = { ...a.term };
    m.billingPeriod = a.billingPeriod;
    m.newRecurring = ctx.money(discounted);
    const newMrr = mrrOf(discounted, a.billingPeriod, a.term.months, ctx.currency);
    m.newMrr = ctx.money(newMrr);
    m.mrrDelta = ctx.money(newMrr.sub(ctx.currentMrr));
    return { ok: true, arrangement: next, move: m };
  };
  const first = build();
  if (!first.ok) return blocked(move, first.reasons);
  return { move: first.move, build, arrangement: first.arrangement };
}

/**
 * Billing periods a retention discount lasts: `periods` as given, or the invoices dated within
 * `months` calendar months from the next billing date, ⌈months ÷ months per period⌉ (Stripe's
 * duration_in_months: a 4-month coupon covers the whole first invoice of a yearly plan).
 * @see https://docs.stripe.com/billing/subscriptions/coupons
 */
function offerPeriods(ctx: PathContext, offer: RetentionOffer): number | undefined {
  if (offer.periods !== undefined) return offer.periods;
  if (offer.months === undefined) return undefined;
  const a = ctx.arrangement;
  const per = monthsPerPeriod(a.billingPeriod, a.term.months);
  return Math.ceil(offer.months / per);
}

function terminate(ctx: PathContext): Candidate {
  const a = ctx.arrangement;
  const cur = ctx.current;
  const name = cur?.name ?? a.package;
  const move = newMove("terminate", "terminate", a.package, `Cancel ${name}`);
  if (a.status === "pending_termination")
    return blocked(move, [`A termination is already scheduled for ${a.terminationDate ?? a.term.end}.`]);
  const outcome = outcomeFor(ctx, "terminate");
  if (outcome.rule) move.ruleCase = outcome.rule.id;
  move.timing = outcome.timing;
  const ruleReasons = outcomeBlocks(ctx, outcome);
  if (ruleReasons.length > 0) return blocked(move, ruleReasons, outcome.rule?.id);

  const build = (req?: MoveRequest): Built => {
    const m: Move = { ...move, reasons: [], notes: [] };
    const termination = cur?.termination;
    const notice = termination?.noticeDays ?? 0;
    const earliest = addDays(ctx.asOf, notice);
    m.earliestDate = earliest;
    const months = monthsPerPeriod(a.billingPeriod, a.term.months);
    let effective: string;
    if (outcome.timing === "immediate") effective = earliest;
    else if (outcome.timing === "next_billing_date" || a.term.end <= ctx.asOf) {
      effective = nextBillingDate(ctx, earliest);
    } else {
      // Dates compare as text; the later of the notice date and the term's end.
      effective = a.term.end;
      if (earliest > effective) effective = earliest;
    }
    if (notice > 0) m.notes.push(`${notice} days' notice: the earliest end date is ${earliest}.`);
    if (req?.date !== undefined) {
      // A chosen future date replaces the policy's date (Kill Bill's cancellation on a requested date).
      if (!isDate(req.date))
        return { ok: false, reasons: [`"${req.date}" is not a calendar date (YYYY-MM-DD).`] };
      if (req.date < earliest)
        return {
          ok: false,
          reasons: [
            notice > 0
              ? `${name} cannot end on ${req.date}: with ${notice} days' notice the earliest end date is ${earliest}.`
              : `${name} cannot end on ${req.date}, before ${ctx.asOf}.`,
          ],
        };
      if (req.date !== effective)
        m.notes.push(`Ends on the chosen date ${req.date} instead of ${effective}.`);
      effective = req.date;
    }
    if (!cur) m.notes.push(`${a.package} is not in this catalog version; it ends at the end of its term.`);

    const fee = termination?.earlyTerminationFee;
    if (fee && effective < a.term.end) {
      if (fee.kind === "flat") {
        const amount = fee.amounts?.find((x) => x.currency === ctx.currency)?.amount;
        if (amount !== undefined) m.fee = ctx.money(Decimal.parse(amount).round(ctx.minor));
        else m.notes.push(`No early termination fee is set in ${ctx.currency}.`);
      } else {
        let periods = 0;
        let p = periodContaining(a.billingAnchor, months, effective);
        if (p.start < effective) p = periodContaining(a.billingAnchor, months, p.end);
        while (p.start < a.term.end) {
          periods++;
          p = periodContaining(a.billingAnchor, months, p.end);
        }
        const pct = Decimal.parse(fee.percent ?? "0");
        const remaining = ctx.currentRecurring.mul(periods);
        m.fee = ctx.money(remaining.mul(pct).mulDiv(1n, 100n, ctx.minor));
        m.notes.push(
          `Early termination fee: ${pct.toString()}% of ${ctx.money(remaining)} still due for ${periods} billing period${periods === 1 ? "" : "s"} before ${a.term.end}.`,
        );
      }
    }
    m.effectiveDate = effective;
    m.prorationPolicy = outcome.proration;
    m.proration =
      outcome.proration === "none"
        ? []
        : planChangeProration(ctx, {
            policy: outcome.proration,
            effective,
            oldAmount: ctx.currentRecurring,
            oldArrear: ctx.currentArrear,
            oldLabel: name,
            newAmount: Decimal.ZERO,
            newLabel: "no package",
            style: outcome.style,
          }).filter((l) => !Decimal.parse(l.amount).isZero());
    if (m.proration.length > 0) m.prorationNet = prorationNet(ctx, m.proration);
    m.termRestarts = false;
    m.addOns = (a.addOns ?? []).map((h) => ({
      package: h.package,
      fate: "dropped" as const,
      reason: `${ctx.nameOf(h.package)} ends with the arrangement on ${effective}.`,
    }));
    m.newRecurring = ctx.money(Decimal.ZERO);
    m.newMrr = ctx.money(Decimal.ZERO);
    m.mrrDelta = ctx.money(ctx.currentMrr.neg());
    const next: Arrangement = {
      ...a,
      status: effective <= ctx.asOf ? "terminated" : "pending_termination",
      terminationDate: effective,
    };
    return { ok: true, arrangement: next, move: m };
  };
  const first = build();
  return first.ok
    ? { move: first.move, build, arrangement: first.arrangement }
    : blocked(move, first.reasons);
}
