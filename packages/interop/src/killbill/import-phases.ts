/**
 * Kill Bill initial phases → Tessera phases. A TRIAL phase of N days or weeks becomes a trial; a
 * DISCOUNT phase whose recurring price is the evergreen price less one exact percentage in every
 * currency becomes an intro phase of N billing periods (or, when not whole periods, a discount phase
 * with its duration); one priced a fixed amount below it in every currency becomes a discount phase
 * with those amounts; FIXEDTERM phases become fixed_term phases (a final one ends the subscription).
 * Anything else (a price above the evergreen price, unknown units) is reported.
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

const UNIT: Record<string, "day" | "week" | "month" | "year"> = {
  DAYS: "day",
  WEEKS: "week",
  MONTHS: "month",
  YEARS: "year",
};

/**
 * A DISCOUNT or FIXEDTERM phase: its duration, and its price as one percentage off the evergreen
 * price, else a fixed amount off per currency. A DISCOUNT of one percentage for whole billing
 * periods keeps the original intro form (periods), so earlier exports read back the same.
 */
function pricedPhase(
  ctx: ImportContext,
  plan: KbPlan,
  phase: KbPhase,
  pointer: string,
  type: "discount" | "fixed_term",
): Phase | undefined {
  const period = FROM_KB_PERIOD[(plan.finalPhase.billingPeriod ?? "") as KbBillingPeriod];
  const months = period ? PERIOD_MONTHS[period] : undefined;
  const n = phase.durationNumber ?? 0;
  const unit = UNIT[phase.durationUnit];
  const phaseMonths =
    phase.durationUnit === "MONTHS" ? n : phase.durationUnit === "YEARS" ? n * 12 : undefined;
  const percent = discountPercent(phase, plan.finalPhase);
  if (type === "discount" && months && phaseMonths !== undefined && phaseMonths % months === 0 && percent)
    return { type: "intro", periods: phaseMonths / months, discountPercent: percent };
  const amounts = amountsOff(phase, plan.finalPhase);
  if (!unit || n < 1 || (!percent && !amounts)) {
    ctx.warn(
      "killbill.phase.discount",
      phase.el,
      `Plan ${plan.name}'s ${phase.type} phase has no length Tessera can hold, or its price is not a percentage or a fixed amount off the evergreen price in every currency; it is dropped.`,
      pointer,
    );
    return undefined;
  }
  const out: Phase = { type, duration: { length: n, unit } };
  if (percent) out.discountPercent = percent;
  else if (amounts?.some((a) => !Decimal.parse(a.amount).isZero()))
    out.discountAmounts = amounts as NonNullable<Phase["discountAmounts"]>;
  return out;
}

/** Evergreen price − phase price per currency, when every currency has both and none is negative. */
function amountsOff(phase: KbPhase, evergreen: KbPhase): { currency: string; amount: string }[] | undefined {
  const full = evergreen.recurring ?? [];
  const out: { currency: string; amount: string }[] = [];
  for (const d of phase.recurring ?? []) {
    const e = full.find((f) => f.currency === d.currency);
    if (!e) return undefined;
    const off = Decimal.parse(amountOf(e)).sub(Decimal.parse(amountOf(d)));
    if (off.isNegative()) return undefined;
    out.push({ currency: d.currency, amount: roundMoney(off, d.currency).toFixed() });
  }
  return out.length > 0 ? out : undefined;
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
    } else if (phase.type === "DISCOUNT" || phase.type === "FIXEDTERM") {
      const priced = pricedPhase(
        ctx,
        first,
        phase,
        pointer,
        phase.type === "DISCOUNT" ? "discount" : "fixed_term",
      );
      if (priced && !(priced.type === "intro" && phases.some((p) => p.type === "intro"))) phases.push(priced);
    } else {
      ctx.warn(
        "killbill.phase.type",
        phase.el,
        `A ${phase.type} initial phase has no Tessera equivalent; it is dropped.`,
        pointer,
      );
    }
  }
  if (first.finalPhase.type === "FIXEDTERM") {
    // The subscription ends with it: Tessera's last fixed_term phase, at the plan's own price.
    const n = first.finalPhase.durationNumber ?? 0;
    const unit = UNIT[first.finalPhase.durationUnit];
    if (unit && n > 0) phases.push({ type: "fixed_term", duration: { length: n, unit } });
    else
      ctx.warn(
        "killbill.phase.final",
        first.finalPhase.el,
        `Plan ${first.name} ends in a FIXEDTERM phase with no length Tessera can hold, so it is imported as evergreen.`,
        pointer,
      );
  } else if (first.finalPhase.type !== "EVERGREEN")
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
