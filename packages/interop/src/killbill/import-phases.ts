/**
 * Kill Bill initial phases → Tessera phases. A TRIAL phase of N days becomes a trial; a DISCOUNT
 * phase whose recurring price is the evergreen price less one exact percentage in every currency
 * becomes an intro phase of N billing periods. Anything else (FIXEDTERM, uneven discounts, phase
 * lengths that are not whole billing periods) cannot be expressed and is reported.
 */
import { Decimal, roundMoney } from "@tessera/engine";
import type { Phase } from "@tessera/schema";
import type { ImportContext } from "./import.ts";
import { amountOf } from "./import.ts";
import type { KbPhase, KbPlan } from "./model.ts";
import { FROM_KB_PERIOD, type KbBillingPeriod, PERIOD_MONTHS } from "./vocabulary.ts";

function trialDays(ctx: ImportContext, phase: KbPhase, pointer: string): number | undefined {
  const n = phase.durationNumber ?? 0;
  if (phase.durationUnit === "DAYS") return n;
  if (phase.durationUnit === "WEEKS") return n * 7;
  ctx.warn(
    "killbill.phase.trial-length",
    phase.el,
    `A trial of ${n} ${phase.durationUnit.toLowerCase()} cannot be held exactly; Tessera trials are counted in days, so it is dropped.`,
    pointer,
  );
  return undefined;
}

/**
 * The single percentage that turns every evergreen price into the discount price after rounding
 * to the currency's minor unit, if there is one. Rounded prices hide the exact ratio (19.99 at 20%
 * off is 15.99), so the plainest candidate (whole, then 1 and 2 decimals) that reproduces every
 * currency wins.
 */
function discountPercent(discount: KbPhase, evergreen: KbPhase): string | undefined {
  const full = evergreen.recurring ?? [];
  const pairs = (discount.recurring ?? []).map((d) => {
    const e = full.find((f) => f.currency === d.currency);
    return e && { currency: d.currency, list: Decimal.parse(amountOf(e)), price: Decimal.parse(amountOf(d)) };
  });
  if (pairs.length === 0 || pairs.some((p) => p === undefined || p.list.isZero())) return undefined;
  const first = pairs[0]!;
  const exact = first.list.sub(first.price).mul(100).div(first.list, 6);
  const reproduces = (pct: Decimal) =>
    pairs.every((p) =>
      roundMoney(p!.list.mul(Decimal.HUNDRED.sub(pct)).div(Decimal.HUNDRED, 12), p!.currency).eq(p!.price),
    );
  const found = [exact.round(0), exact.round(1), exact.round(2)].find(
    (c) => c.gt(Decimal.ZERO) && reproduces(c),
  );
  return found?.toString();
}

function introPhase(ctx: ImportContext, plan: KbPlan, phase: KbPhase, pointer: string): Phase | undefined {
  const period = FROM_KB_PERIOD[(plan.finalPhase.billingPeriod ?? "") as KbBillingPeriod];
  const months = period ? PERIOD_MONTHS[period] : undefined;
  const n = phase.durationNumber ?? 0;
  const phaseMonths =
    phase.durationUnit === "MONTHS" ? n : phase.durationUnit === "YEARS" ? n * 12 : undefined;
  const percent = discountPercent(phase, plan.finalPhase);
  if (!months || phaseMonths === undefined || phaseMonths % months !== 0 || !percent) {
    ctx.warn(
      "killbill.phase.discount",
      phase.el,
      `Plan ${plan.name}'s DISCOUNT phase is not one percentage off the evergreen price for a whole number of billing periods, so Tessera cannot hold it; it is dropped.`,
      pointer,
    );
    return undefined;
  }
  return { type: "intro", periods: phaseMonths / months, discountPercent: percent };
}

/** Phases of the product's first plan; other plans of the product should match. */
export function phasesOf(ctx: ImportContext, product: string, plans: KbPlan[], pointer: string): Phase[] {
  const first = plans[0];
  if (!first) return [];
  const phases: Phase[] = [];
  for (const phase of first.initialPhases) {
    if (phase.type === "TRIAL") {
      const days = trialDays(ctx, phase, pointer);
      if (days !== undefined && days > 0 && !phases.some((p) => p.type === "trial"))
        phases.push({ type: "trial", days });
    } else if (phase.type === "DISCOUNT") {
      const intro = introPhase(ctx, first, phase, pointer);
      if (intro && !phases.some((p) => p.type === "intro")) phases.push(intro);
    } else {
      ctx.warn(
        "killbill.phase.type",
        phase.el,
        `A ${phase.type} initial phase has no Tessera equivalent (Tessera has trial and intro phases); it is dropped.`,
        pointer,
      );
    }
  }
  if (first.finalPhase.type !== "EVERGREEN")
    ctx.warn(
      "killbill.phase.final",
      first.finalPhase.el,
      `Plan ${first.name} ends in a ${first.finalPhase.type} phase; Tessera packages run on until terminated, so it is imported as evergreen.`,
      pointer,
    );
  // Intro lengths differ per billing period (3 months vs 3 years); trial lengths must not.
  const shape = (p: KbPlan) =>
    p.initialPhases
      .map((ph) => (ph.type === "TRIAL" ? `TRIAL:${ph.durationUnit}:${ph.durationNumber ?? ""}` : ph.type))
      .join(",");
  for (const other of plans.slice(1))
    if (shape(other) !== shape(first))
      ctx.warn(
        "killbill.phase.differs",
        other.el,
        `Plan ${other.name} has different initial phases from ${first.name}; Tessera gives all plans of product ${product} the same phases (${first.name}'s).`,
        pointer,
      );
  return phases;
}
