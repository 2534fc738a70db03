/**
 * What a charge's form shows for each price model, and switching a charge's model or what it is
 * charged on while carrying what can be carried and leaving no field the new model ignores:
 *
 * - flat ⇄ per_unit ⇄ one_time: the amount becomes the unit amount and back; an amount charged as
 *   it is (flat, one-time on the package) is rounded to the currency's minor unit, since a unit
 *   rate may carry more decimals than a customer can pay.
 * - flat / per_unit → tiered, volume, usage: one open band from 0 at that rate.
 * - tiered ⇄ volume ⇄ usage: the bands stay (usage keeps its included units, the others drop them).
 * - banded → stairstep: each band's bound becomes a step, its flat amount (or rate) the step's
 *   amount; stairstep → banded: each step a band with that flat amount and no rate.
 * - banded / stairstep → flat, per_unit, one_time: the first band's rate (or flat amount).
 * - one_time: price points lose their billing period (one-time charges are not billed per
 *   period), keeping the first point of each currency and price book; timing and commitment
 *   discounts go too. The block size (and its rounding) stays only on models that count blocks,
 *   and usage is never billed in advance.
 * - percentage: each point gets a percent (10 to start); on a component (a transaction volume)
 *   counted by an `eventsComponent`, also a fee, minimum and maximum per transaction; on the
 *   package, `percentOf` names the charges it applies to. Leaving percentage drops all of these.
 */
import { Decimal, roundMoney } from "@tessera/engine";
import type { Charge, PricePoint, Step, Tier } from "@tessera/schema";

export type Model = Charge["model"];

export const MODELS: readonly { value: Model; label: string }[] = [
  { value: "flat", label: "flat amount" },
  { value: "per_unit", label: "per unit" },
  { value: "tiered", label: "tiered (graduated)" },
  { value: "volume", label: "volume" },
  { value: "stairstep", label: "stairstep (blocks)" },
  { value: "usage", label: "usage (metered)" },
  { value: "one_time", label: "one-time" },
  { value: "percentage", label: "percentage (of charges or transactions)" },
];

/**
 * The models the form offers a charge of a package with `siblings` and `components`: percentage only
 * when there is something to take a percent of (another charge that is not a percentage, or a
 * component counting a transaction volume), so switching to it never leaves it aimed at nothing.
 */
export function modelsFor(
  charge: Pick<Charge, "id">,
  siblings: readonly Pick<Charge, "id" | "model">[],
  components: readonly unknown[],
): readonly { value: Model; label: string }[] {
  const target =
    components.length > 0 || siblings.some((c) => c.id !== charge.id && c.model !== "percentage");
  return target ? MODELS : MODELS.filter((m) => m.value !== "percentage");
}

export const BLOCK_MODELS: ReadonlySet<Model> = new Set(["per_unit", "tiered", "volume", "usage"]);

/**
 * Models whose fields these forms edit. A charge of another model (one the schema gains later) is
 * shown and kept as it is: the form neither re-shapes its points nor offers a switch into it, since
 * it could not then fill in what that model needs.
 */
const KNOWN: ReadonlySet<string> = new Set(MODELS.map((m) => m.value));
export const isKnownModel = (m: string) => KNOWN.has(m);
export const BANDED: ReadonlySet<Model> = new Set(["tiered", "volume", "usage"]);

/** Which amount field of a price point the form shows for the charge. */
export function pointFields(charge: Pick<Charge, "model" | "component" | "eventsComponent">): {
  amount: boolean;
  unitAmount: boolean;
  tiers: boolean;
  steps: boolean;
  includedUnits: boolean;
  billingPeriod: boolean;
  percent: boolean;
  /** percentage on a transaction volume counted by `eventsComponent`: a fee, minimum and maximum per transaction. */
  perTransaction: boolean;
} {
  const m = charge.model;
  const oneTimeUnit = m === "one_time" && charge.component !== undefined;
  return {
    amount: m === "flat" || (m === "one_time" && !oneTimeUnit),
    unitAmount: m === "per_unit" || oneTimeUnit,
    tiers: BANDED.has(m),
    steps: m === "stairstep",
    includedUnits: m === "usage",
    billingPeriod: m !== "one_time",
    percent: m === "percentage",
    perTransaction:
      m === "percentage" && charge.component !== undefined && charge.eventsComponent !== undefined,
  };
}

/** Whether the charge's form shows timing and commitment discounts (recurring models only). */
export const isRecurring = (m: Model) => m !== "one_time";

const asIs = (amount: string, currency: string) => {
  const d = Decimal.tryParse(amount);
  return d ? roundMoney(d, currency).toFixed() : amount;
};

/** The single rate or amount a point carries, whatever its model. */
function rateOf(p: PricePoint): string | undefined {
  return (
    p.unitAmount ?? p.amount ?? p.tiers?.[0]?.unitAmount ?? p.tiers?.[0]?.flatAmount ?? p.steps?.[0]?.amount
  );
}

function tiersOf(p: PricePoint): [Tier, ...Tier[]] {
  if (p.tiers && p.tiers.length > 0) return p.tiers;
  if (p.steps && p.steps.length > 0) {
    let from = 0;
    const tiers = p.steps.map((s, i, all) => {
      const last = i === all.length - 1;
      const tier: Tier = { from, unitAmount: "0", flatAmount: s.amount };
      if (!last && s.upTo !== null) tier.upTo = s.upTo;
      from = s.upTo ?? from;
      return tier;
    });
    return tiers as [Tier, ...Tier[]];
  }
  return [{ from: 0, unitAmount: rateOf(p) ?? "0" }];
}

function stepsOf(p: PricePoint): [Step, ...Step[]] {
  if (p.steps && p.steps.length > 0) return p.steps;
  if (p.tiers && p.tiers.length > 0)
    return p.tiers.map((t, i, all) => ({
      upTo: i === all.length - 1 ? null : (t.upTo ?? null),
      amount: asIs(t.flatAmount ?? t.unitAmount, p.currency),
    })) as [Step, ...Step[]];
  return [{ upTo: null, amount: asIs(rateOf(p) ?? "0", p.currency) }];
}

/** The point re-shaped for `charge` (its model and what it is charged on). */
export function pointFor(
  charge: Pick<Charge, "model" | "component" | "eventsComponent">,
  p: PricePoint,
): PricePoint {
  const show = pointFields(charge);
  const out: PricePoint = { currency: p.currency };
  if (show.billingPeriod && p.billingPeriod !== undefined) out.billingPeriod = p.billingPeriod;
  if (p.priceBook !== undefined) out.priceBook = p.priceBook;
  if (show.amount) out.amount = asIs(p.amount ?? rateOf(p) ?? "0", p.currency);
  if (show.unitAmount) out.unitAmount = p.unitAmount ?? rateOf(p) ?? "0";
  if (show.tiers) out.tiers = tiersOf(p);
  if (show.steps) out.steps = stepsOf(p);
  if (show.includedUnits && p.includedUnits !== undefined) out.includedUnits = p.includedUnits;
  if (show.percent) out.percent = p.percent ?? "10";
  if (show.perTransaction)
    for (const k of ["fixedAmount", "minAmount", "maxAmount"] as const) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

/** The charge's points re-shaped; one-time charges keep one point per currency and price book. */
function pointsFor(charge: Charge): Charge["pricePoints"] {
  const points = charge.pricePoints.map((p) => pointFor(charge, p));
  if (charge.model !== "one_time") return points as Charge["pricePoints"];
  const seen = new Set<string>();
  return points.filter((p) => {
    const key = `${p.currency}|${p.priceBook ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }) as Charge["pricePoints"];
}

/** The charge without the fields its model does not use. */
function tidy(charge: Charge): Charge {
  if (!isKnownModel(charge.model)) return charge;
  const out: Charge = { ...charge, pricePoints: pointsFor(charge) };
  if (!BLOCK_MODELS.has(out.model)) delete out.blockSize;
  // Rounding of blocks only means something with blocks of more than one unit.
  if (!BLOCK_MODELS.has(out.model) || (out.blockSize ?? 1) <= 1) delete out.blockRounding;
  // A percentage applies to a transaction volume (a component) or to other charges, not both.
  if (out.model !== "percentage" || out.component === undefined) delete out.eventsComponent;
  if (out.model !== "percentage" || out.component !== undefined) delete out.percentOf;
  if (!isRecurring(out.model)) {
    delete out.timing;
    delete out.commitmentDiscounts;
  }
  // Usage is billed in arrear, once it is known.
  if (out.model === "usage" && out.timing === "in_advance") delete out.timing;
  return out;
}

/**
 * The charge priced by `model`, carrying what can be carried. A charge on the package switched to
 * percentage takes a percent of the first other charge of its package (`siblings`) that is not a
 * percentage itself, so it has something to apply to.
 */
export function switchModel(charge: Charge, model: Model, siblings: readonly Charge[] = []): Charge {
  if (charge.model === model) return charge;
  return aimed(tidy({ ...charge, model }), siblings);
}

/** A percentage charge on the package with nothing to apply to gets the first fitting sibling. */
function aimed(charge: Charge, siblings: readonly Charge[]): Charge {
  if (charge.model !== "percentage" || charge.component !== undefined || charge.percentOf !== undefined)
    return charge;
  const of = siblings.find((c) => c.id !== charge.id && c.model !== "percentage");
  return of ? { ...charge, percentOf: [of.id] } : charge;
}

/** The charge with blocks of `size` units (none or 1: no blocks, and no rounding of them). */
export function withBlockSize(charge: Charge, size: number | undefined): Charge {
  const { blockSize: _b, ...rest } = charge;
  return tidy(size === undefined ? rest : { ...rest, blockSize: Math.max(1, size) });
}

/** A percentage charge counting transactions with `component` (none: no per-transaction amounts). */
export function withEventsComponent(charge: Charge, component: string | undefined): Charge {
  const { eventsComponent: _e, ...rest } = charge;
  return tidy(component ? { ...rest, eventsComponent: component } : rest);
}

/** The charge charged on a component, an option, or the package (both undefined). */
export function chargeOn(
  charge: Charge,
  on: { component?: string; option?: string },
  siblings: readonly Charge[] = [],
): Charge {
  const { component: _c, option: _o, ...rest } = charge;
  const next: Charge = { ...rest, pricePoints: charge.pricePoints };
  if (on.component) next.component = on.component;
  if (on.option) next.option = on.option;
  return aimed(tidy(next), siblings);
}
