/**
 * The edits behind the phases form (Kill Bill's plan phases, checked by the engine's `phases`
 * check): each keeps a phase in a shape the form shows and can fix.
 * - A phase lasts `days` (trials), a number of billing `periods`, or a `duration` (days, weeks,
 *   months, years); an evergreen phase has no length. Exactly one is written.
 * - Its price is free (trial), a percent off, or fixed amounts off per catalog currency (never both).
 * - Changing a phase's type carries its length and discount where the new type has them and fills
 *   what it needs (an intro or discount phase says how much off; every phase but evergreen has a
 *   length), so a switch never leaves a hidden field or a missing one behind.
 */
import type { Duration, MoneyAmount, Phase } from "@tessera/schema";

export type PhaseType = Phase["type"];
export type LengthKind = "days" | "periods" | "duration" | "none";
export type DiscountKind = "none" | "percent" | "amounts";

export const PHASE_TYPES: readonly { value: PhaseType; label: string }[] = [
  { value: "trial", label: "free trial" },
  { value: "intro", label: "introductory price" },
  { value: "discount", label: "discount" },
  { value: "fixed_term", label: "fixed term (regular price)" },
  { value: "evergreen", label: "evergreen (until cancelled)" },
];

/** How long the phase lasts, as the form's "Lasts" select reads it. */
export function lengthKind(ph: Phase): LengthKind {
  if (ph.duration) return "duration";
  if (ph.days !== undefined) return "days";
  if (ph.periods !== undefined) return "periods";
  return "none";
}

/** The length kinds a phase type offers: days only for trials, nothing for evergreen. */
export function lengthKinds(type: PhaseType): LengthKind[] {
  if (type === "evergreen") return ["none"];
  return type === "trial" ? ["days", "duration"] : ["periods", "duration"];
}

/** The phase's length as a number, whatever its kind. */
export const lengthOf = (ph: Phase): number | undefined => ph.duration?.length ?? ph.days ?? ph.periods;

/** The phase lasting `n` of `kind` (a duration keeps its unit, or is counted in months). */
export function withLength(
  ph: Phase,
  kind: LengthKind,
  n = lengthOf(ph) ?? 1,
  unit?: Duration["unit"],
): Phase {
  const { days: _d, periods: _p, duration, ...rest } = ph;
  const length = Math.min(3650, Math.max(1, Math.trunc(Number.isFinite(n) ? n : 1)));
  if (kind === "days") return { ...rest, days: length };
  if (kind === "periods") return { ...rest, periods: length };
  if (kind === "duration")
    return {
      ...rest,
      duration: { length, unit: unit ?? duration?.unit ?? (ph.days !== undefined ? "day" : "month") },
    };
  return rest;
}

export function discountKind(ph: Phase): DiscountKind {
  if (ph.discountAmounts) return "amounts";
  if (ph.discountPercent !== undefined) return "percent";
  return "none";
}

/** The phase with a discount of `kind`: a percent (50 to start), or an amount per currency. */
export function withDiscount(ph: Phase, kind: DiscountKind, currencies: readonly string[]): Phase {
  const { discountPercent, discountAmounts, ...rest } = ph;
  if (kind === "percent") return { ...rest, discountPercent: discountPercent ?? "50" };
  if (kind === "amounts") {
    const amounts = currencies.map(
      (currency): MoneyAmount =>
        discountAmounts?.find((a) => a.currency === currency) ?? { currency, amount: "0" },
    );
    return { ...rest, discountAmounts: amounts as [MoneyAmount, ...MoneyAmount[]] };
  }
  return rest;
}

/**
 * The phase with the amount off in `currency` typed: the list is rebuilt in the catalog's
 * currencies (one amount each, 0 until typed), so a currency the catalog gained later gets its
 * field and one it dropped goes.
 */
export function withAmountOff(
  ph: Phase,
  currency: string,
  amount: string,
  currencies: readonly string[],
): Phase {
  const amounts = currencies.map(
    (c): MoneyAmount =>
      c === currency
        ? { currency, amount }
        : (ph.discountAmounts?.find((a) => a.currency === c) ?? { currency: c, amount: "0" }),
  );
  return { ...ph, discountAmounts: amounts as [MoneyAmount, ...MoneyAmount[]] };
}

/** The phase as `type`, carrying what the type has and filling what it needs. */
export function phaseAs(ph: Phase, type: PhaseType, currencies: readonly string[]): Phase {
  if (ph.type === type) return ph;
  const { requiresPaymentMethod: _r, ...rest } = ph;
  let next: Phase = { ...rest, type };
  if (type === "trial") next = withDiscount(next, "none", currencies);
  // The length: a kind the type offers, or a fitting first one.
  const kinds = lengthKinds(type);
  const kind = lengthKind(next);
  if (type === "evergreen") next = withLength(next, "none");
  else if (kind === "none")
    next =
      type === "trial"
        ? withLength(next, "days", 14)
        : type === "fixed_term"
          ? withLength(next, "duration", 12, "month")
          : withLength(next, "periods", 3);
  else if (!kinds.includes(kind))
    next = withLength(next, "duration", lengthOf(next), kind === "days" ? "day" : "month");
  // An intro or discount phase says how much off.
  if ((type === "intro" || type === "discount") && discountKind(next) === "none")
    next = withDiscount(next, "percent", currencies);
  return next;
}

/**
 * The phases with a new one: a 14-day trial first when there is no phase yet, else a discount of
 * 50% for 3 billing periods, placed before an evergreen phase (nothing runs after one).
 */
export function addPhase(phases: readonly Phase[]): Phase[] {
  if (phases.length === 0) return [{ type: "trial", days: 14 }];
  const next: Phase = { type: "discount", periods: 3, discountPercent: "50" };
  const evergreen = phases.findIndex((p) => p.type === "evergreen");
  return evergreen < 0
    ? [...phases, next]
    : [...phases.slice(0, evergreen), next, ...phases.slice(evergreen)];
}
