import type { HeldAddOn, Package } from "@tessera/schema";
import { ALIGNMENT_WORDS, billingAlignment, createAlignment } from "../alignment.ts";
import { addSpan, daysBetween, periodSpan, termLengthOf } from "../calendar.ts";
import type { Decimal } from "../decimal.ts";
import { phaseAmount, phaseOn, phasePlans, timeline } from "../phases.ts";
import type { PathContext } from "./context.ts";
import { deltaProration } from "./proration.ts";
import type { ProrationLine } from "./types.ts";

/**
 * How a new add-on starts (Kill Bill's create and billing alignments):
 * - its own phases count from the start of the bundle (create alignment start_of_bundle, the
 *   default) or from the day it is bought (start_of_subscription); a trial still running is free,
 *   so nothing is charged until it ends; a discount phase in force reduces what is charged now;
 * - billing alignment `subscription`: it bills on its own anniversary, a whole period from the day
 *   its charges start (no proration); `account` and `bundle` (the default): it bills with the base,
 *   prorated to the base's next billing date (Stripe's default for a new subscription item).
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_alignments
 */
export interface AddOnStart {
  notes: string[];
  lines(delta: Decimal, timing: ProrationLine["timing"]): ProrationLine[];
}

export function addOnStart(ctx: PathContext, addOn: Package, held: HeldAddOn): AddOnStart {
  const a = ctx.arrangement;
  const notes: string[] = [];
  const term = termLengthOf(a.term);
  const billing = billingAlignment(ctx.catalog, addOn, a.billingPeriod);
  const plans = phasePlans(addOn);
  let chargesStart = ctx.asOf;
  let price: Parameters<typeof phaseAmount>[0] = { kind: "regular" };
  if (plans.length > 0) {
    const create = createAlignment(ctx.catalog, addOn, a.billingPeriod);
    const origin = create.alignment === "start_of_bundle" ? (a.start ?? a.term.start) : ctx.asOf;
    const phase = phaseOn(timeline(plans, origin, a.billingPeriod, term), ctx.asOf);
    const how = `counted from ${ALIGNMENT_WORDS[create.alignment]} (${origin}, create alignment ${create.alignment}${create.caseId ? `, case ${create.caseId}` : ""})`;
    if (phase && phase.plan.type !== "evergreen" && phase.end !== undefined) {
      held.phase = phase.plan.type;
      held.phaseEnds = phase.end;
      if (phase.plan.type === "trial") chargesStart = phase.end;
      price = phase.plan.type === "trial" ? { kind: "free" } : phase.plan.price;
      notes.push(
        phase.plan.type === "trial"
          ? `${addOn.name}'s ${phase.plan.words}, ${how}, runs until ${phase.end}: it is billed from then.`
          : `${addOn.name}'s ${phase.plan.words}, ${how}, applies until ${phase.end}.`,
      );
    } else if (phase === undefined || phase.plan.type === "evergreen") {
      notes.push(`${addOn.name}'s phases, ${how}, are over: it bills its regular price.`);
    }
  }
  const own = billing.alignment === "subscription";
  if (own) {
    held.billingAnchor = chargesStart;
    notes.push(
      `${addOn.name} bills on its own anniversary (billing alignment subscription${billing.caseId ? `, case ${billing.caseId}` : ""}): a whole period from ${chargesStart}, then every ${a.billingPeriod === "upfront" ? "term" : "period"} from that date.`,
    );
  }
  return {
    notes,
    lines(delta, timing) {
      if (chargesStart > ctx.asOf) return [];
      const charged = phaseAmount(price, delta, ctx.currency);
      if (!own)
        return deltaProration(ctx, ctx.asOf, charged, `${addOn.name} for the rest of the period`, timing);
      if (charged.isZero()) return [];
      const end = addSpan(ctx.asOf, periodSpan(a.billingPeriod, term));
      const days = daysBetween(ctx.asOf, end);
      return [
        {
          kind: "charge",
          description: `First period of ${addOn.name} (its own anniversary)`,
          amount: ctx.money(charged.round(ctx.minor)),
          periodStart: ctx.asOf,
          periodEnd: end,
          days,
          periodDays: days,
          timing,
        },
      ];
    },
  };
}
