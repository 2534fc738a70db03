/**
 * Charge lines: one line per charge that applies to the quote (base package, then each add-on
 * selection), priced by its model with the chosen price point, rounded once to the currency's
 * minor unit. Included add-ons of the base are listed at 0 ("included").
 */
import type { BillingPeriod, Charge, Component, Package, Quantities, Quote } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";
import { formatMoney, roundMoney } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import { type Diagnostic, pointerToken } from "../diagnostic.ts";
import { UNITS, type UnitWords, unitWords } from "./explain.ts";
import { priceFlat } from "./models/flat.ts";
import type { Priced } from "./models/model.ts";
import { priceOneTime } from "./models/one-time.ts";
import { pricePerUnit } from "./models/per-unit.ts";
import { pricePercentOf, priceVolumePercentage } from "./models/percentage.ts";
import { priceStairstep } from "./models/stairstep.ts";
import { priceGraduated } from "./models/tiered.ts";
import { priceUsage } from "./models/usage.ts";
import { priceVolume } from "./models/volume.ts";
import { type ChosenPoint, choosePoint } from "./point.ts";
import { billableQuantity, componentQuantity } from "./quantity.ts";
import { type PricedCharge, uniqueId, type WorkLine } from "./work.ts";

export interface ChargeContext {
  catalog: CompiledCatalog;
  currency: string;
  book: string;
  period: BillingPeriod;
  /** Months per billing period (scales monthly price points). */
  months: number;
  termPeriods: number;
  expectedUsage: Quantities | undefined;
  violations: Diagnostic[];
  /** Line ids already used. */
  ids: Set<string>;
  /** choiceKey(currency, book, period, months), computed once per quote. */
  choice: string;
}

/** One package as bought on the quote: the base, or one add-on selection. */
export interface Purchase {
  pkg: Package;
  pointer: string;
  /** Where the purchase's picks and quantities live in the quote. */
  quotePointer: string;
  picks: ReadonlySet<string>;
  quantities: Quantities;
  /** The add-on quantity; undefined for the base package. */
  addOnQuantity: number | undefined;
}

/** The picks of a package on a quote: as given, or the options marked `default` when none are given. */
export function picksOf(pkg: Package, picks: readonly string[] | undefined): Set<string> {
  if (picks) return new Set(picks);
  const defaults = new Set<string>();
  for (const g of pkg.optionGroups ?? [])
    for (const o of g.options) if (o.default && o.status !== "retired") defaults.add(o.id);
  return defaults;
}

/** Lines of every charge of one purchase that applies. */
export function chargeLines(ctx: ChargeContext, purchase: Purchase, out: WorkLine[]): void {
  const { pkg } = purchase;
  const first = out.length;
  let percentOf = false;
  pkg.charges.forEach((charge, index) => {
    if (charge.option !== undefined && !purchase.picks.has(charge.option)) return;
    if (charge.percentOf !== undefined) {
      percentOf = true;
      return;
    }
    const line = chargeLine(ctx, purchase, charge, index);
    if (line) out.push(line);
  });
  // Percentages of other charges come last: they read the lines just priced.
  if (percentOf)
    pkg.charges.forEach((charge, index) => {
      if (charge.percentOf === undefined) return;
      if (charge.option !== undefined && !purchase.picks.has(charge.option)) return;
      const line = chargeLine(ctx, purchase, charge, index, out.slice(first));
      if (line) out.push(line);
    });
}

function chargePointer(purchase: Purchase, index: number): string {
  return `${purchase.pointer}/charges/${index}`;
}

function chargeName(charge: Charge, purchase: Purchase): string {
  return charge.name ?? purchase.pkg.name;
}

function chargeLine(
  ctx: ChargeContext,
  purchase: Purchase,
  charge: Charge,
  index: number,
  siblings?: readonly WorkLine[],
): WorkLine | null {
  const { catalog, currency, violations } = ctx;
  // Pointers and names are only built when something is reported (chargePointer, chargeName).
  const component = charge.component === undefined ? undefined : catalog.components.get(charge.component);
  if (charge.component !== undefined && !component) {
    violations.push({
      code: "price.unknown-component",
      severity: "error",
      pointer: `${chargePointer(purchase, index)}/component`,
      message: `Charge "${chargeName(charge, purchase)}" is on component "${charge.component}", which the catalog does not define.`,
    });
    return null;
  }
  const chosen = choosePoint(catalog, charge, currency, ctx.book, ctx.period, ctx.months, ctx.choice);
  if (!chosen) {
    violations.push({
      code: "price.no-price-point",
      severity: "error",
      pointer: `${chargePointer(purchase, index)}/pricePoints`,
      message: `Charge "${chargeName(charge, purchase)}" has no price in ${currency} in the "${ctx.book}" price book or its fallbacks.`,
    });
    return null;
  }
  if (chosen.point.malformed) {
    violations.push({
      code: "price.malformed-amount",
      severity: "error",
      pointer: `${chargePointer(purchase, index)}/pricePoints/${chosen.point.index}`,
      message: `A price of charge "${chargeName(charge, purchase)}" is not a decimal number.`,
    });
    return null;
  }

  // Units: a component's quantity on this purchase, else the add-on quantity, else 1.
  let units = purchase.addOnQuantity ?? 1;
  if (component) {
    const given = purchase.quantities[component.value.id];
    // Malformed quantities were reported by checkQuantities; the charge is left out.
    if (given !== undefined && !isCount(given)) return null;
    units = componentQuantity(component.value, given);
  }

  const id = uniqueId(
    ctx.ids,
    purchase.addOnQuantity === undefined ? charge.id : `${charge.id}@${purchase.pkg.id}`,
  );
  const description = charge.name ?? component?.value.name ?? purchase.pkg.name;
  const volume = charge.model === "percentage" && charge.percentOf === undefined;
  const usage = charge.model === "usage" || volume;
  const expected = usage ? ctx.expectedUsage?.[component?.value.id ?? charge.id] : undefined;
  // Explanations count in the service's unit ("25 seats fall in tier 1").
  const words = component ? unitWords(ctx.catalog.services.get(component.value.service)?.value.unit) : UNITS;
  const priced = volume
    ? volumeCharge(chosen, expected, ctx.expectedUsage?.[charge.eventsComponent ?? ""], currency)
    : charge.percentOf !== undefined
      ? percentOfCharge(charge, chosen, siblings ?? [], currency)
      : pricedCharge(charge, chosen, component?.value, units, expected, currency, words);
  if (priced.problem) {
    violations.push({
      code: "price.no-tier",
      severity: "error",
      pointer: `${chargePointer(purchase, index)}/pricePoints/${chosen.point.index}`,
      message: `Charge "${chargeName(charge, purchase)}": ${priced.problem}`,
    });
    return null;
  }
  if (usage) {
    return {
      id,
      chargeId: charge.id,
      packageId: purchase.pkg.id,
      kind: "usage",
      description: priced.estimated ? `${description} (estimated)` : `${description} (rates)`,
      quantity: priced.quantity,
      amount: priced.amount,
      text: priced.text,
      explanation: priced.explanation,
      firstInvoice: Decimal.ZERO,
      perPeriod: priced.estimated,
      periods: priced.estimated ? ctx.termPeriods : 0,
      inAdvance: false,
      oneTime: false,
      commitment: priced.estimated && charge.commitmentDiscounts === true,
      charge,
    };
  }
  const oneTime = charge.model === "one_time";
  const inAdvance = !oneTime && (charge.timing ?? "in_advance") === "in_advance";
  return {
    id,
    chargeId: charge.id,
    packageId: purchase.pkg.id,
    kind: oneTime ? "one_time" : "recurring",
    description,
    quantity: priced.quantity,
    amount: priced.amount,
    text: priced.text,
    explanation: priced.explanation,
    firstInvoice: oneTime || inAdvance ? priced.amount : Decimal.ZERO,
    perPeriod: !oneTime,
    periods: oneTime ? 1 : ctx.termPeriods,
    inAdvance,
    oneTime,
    commitment: !oneTime && charge.commitmentDiscounts !== false,
    charge,
  };
}

/** A percentage of a transaction volume: an estimate from the expected volume and count, or the rates. */
function volumeCharge(
  chosen: ChosenPoint,
  volume: number | undefined,
  count: number | undefined,
  currency: string,
): PricedCharge {
  const counted = (n: number | undefined) => (n !== undefined && isCount(n) ? n : undefined);
  const priced = priceVolumePercentage(chosen.point, {
    volume: counted(volume),
    count: counted(count),
    currency,
  });
  const amount = roundMoney(priced.amount, currency);
  return {
    quantity: priced.estimated ? (counted(volume) ?? 0) : 0,
    amount,
    text: formatMoney(amount, currency),
    explanation: priced.explanation,
    estimated: priced.estimated,
    problem: undefined,
  };
}

/** A percentage of other charges of the package: of the sum of their lines priced just before. */
function percentOfCharge(
  charge: Charge,
  chosen: ChosenPoint,
  siblings: readonly WorkLine[],
  currency: string,
): PricedCharge {
  const of = new Set(charge.percentOf);
  const lines = siblings.filter((l) => l.chargeId !== null && of.has(l.chargeId));
  const base = Decimal.sum(lines.map((l) => l.amount));
  const names =
    lines.length > 0 ? lines.map((l) => l.description).join(" + ") : (charge.percentOf ?? []).join(" + ");
  const priced = pricePercentOf(chosen.point, base, names, currency);
  const amount = roundMoney(priced.amount, currency);
  return {
    quantity: 1,
    amount,
    text: formatMoney(amount, currency),
    explanation: priced.explanation,
    estimated: false,
    problem: undefined,
  };
}

/**
 * Priced charges are memoised on the price point choice (itself memoised per compiled catalog, so
 * entries die with the catalog): re-pricing a quote after a click re-uses every line whose price
 * point and quantity did not change. At most MEMO_PER_CHOICE quantities are kept per choice.
 */
const MEMO_PER_CHOICE = 64;

function pricedCharge(
  charge: Charge,
  chosen: ChosenPoint,
  component: Component | undefined,
  units: number,
  expectedUsage: number | undefined,
  currency: string,
  words: UnitWords,
): PricedCharge {
  const expected = expectedUsage !== undefined && isCount(expectedUsage) ? expectedUsage : undefined;
  const key = charge.model === "usage" ? (expected ?? -1) : units;
  const hit = chosen.priced.get(key);
  if (hit) return hit;
  const priced = priceCharge(charge, chosen, component, units, expected, currency, words);
  if (chosen.priced.size >= MEMO_PER_CHOICE) chosen.priced.clear();
  chosen.priced.set(key, priced);
  return priced;
}

function priceCharge(
  charge: Charge,
  chosen: ChosenPoint,
  component: Component | undefined,
  units: number,
  expected: number | undefined,
  currency: string,
  words: UnitWords,
): PricedCharge {
  if (charge.model === "usage") {
    const usage = priceUsage(chosen.point, {
      expected,
      blockSize: charge.blockSize ?? 1,
      roundDown: charge.blockRounding === "down",
      scale: chosen.scale,
      currency,
      words,
    });
    const amount = roundMoney(usage.amount, currency);
    return {
      quantity: usage.estimated ? (expected ?? 0) : 0,
      amount,
      text: formatMoney(amount, currency),
      explanation: usage.explanation,
      estimated: usage.estimated,
      problem: usage.problem,
    };
  }
  const billable = billableQuantity(charge, component, units);
  const priced = priceModel(charge, chosen, billable.quantity, currency, words);
  let amount = priced.amount;
  let explanation = billable.note ? `${billable.note}; ${priced.explanation}` : priced.explanation;
  if (charge.model !== "one_time" && chosen.scale !== 1) {
    amount = amount.mul(chosen.scale);
    explanation += ` × ${chosen.scale} months (monthly price)`;
  }
  const rounded = roundMoney(amount, currency);
  return {
    quantity: charge.model === "flat" ? 1 : billable.quantity,
    amount: rounded,
    text: formatMoney(rounded, currency),
    explanation,
    estimated: false,
    problem: priced.problem,
  };
}

function priceModel(
  charge: Charge,
  chosen: ChosenPoint,
  quantity: number,
  currency: string,
  words: UnitWords,
): Priced {
  const p = chosen.point;
  switch (charge.model) {
    case "flat":
      return priceFlat(p, currency);
    case "per_unit":
      return pricePerUnit(p, quantity, currency);
    case "tiered":
      return p.tiers
        ? priceGraduated(p.tiers, quantity, currency, 1, words)
        : pricePerUnit(p, quantity, currency);
    case "volume":
      return p.tiers ? priceVolume(p.tiers, quantity, currency, words) : pricePerUnit(p, quantity, currency);
    case "stairstep":
      return p.steps ? priceStairstep(p.steps, quantity, currency, words) : priceFlat(p, currency);
    case "one_time":
      return priceOneTime(p, quantity, currency);
    case "percentage":
      // Priced by volumeCharge / percentOfCharge before it gets here; kept for exhaustiveness.
      return pricePercentOf(p, Decimal.ZERO, "nothing", currency);
    case "usage":
      // Usage is priced by priceCharge before it gets here; kept for exhaustiveness.
      return priceUsage(p, {
        expected: quantity,
        blockSize: charge.blockSize ?? 1,
        scale: chosen.scale,
        currency,
        words,
      });
  }
}

/** A line per add-on the base package includes: amount 0, "included". */
export function includedLines(ctx: ChargeContext, base: Package, out: WorkLine[]): void {
  for (const inc of base.includedAddOns ?? []) {
    const addOn = ctx.catalog.packages.get(inc.addOn)?.value;
    const quantity = inc.quantity ?? 1;
    out.push({
      id: uniqueId(ctx.ids, `included:${inc.addOn}`),
      chargeId: null,
      packageId: inc.addOn,
      kind: "recurring",
      description: `${addOn?.name ?? inc.addOn} (included)`,
      quantity,
      amount: Decimal.ZERO,
      explanation: `included in ${base.name}${quantity > 1 ? ` (${quantity} units)` : ""}`,
      firstInvoice: Decimal.ZERO,
      perPeriod: true,
      periods: ctx.termPeriods,
      inAdvance: true,
      oneTime: false,
      commitment: false,
    });
  }
}

/** Whether a quantity is a whole number of at least 0. */
export function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Reports every quantity of the quote that is not a whole number of at least 0. */
export function checkQuantities(quote: Quote, violations: Diagnostic[]): void {
  const check = (quantities: Quantities | undefined, at: string, what: string) => {
    for (const [id, n] of Object.entries(quantities ?? {})) {
      if (n !== undefined && !isCount(n))
        violations.push({
          code: "price.invalid-quantity",
          severity: "error",
          pointer: `${at}/${pointerToken(id)}`,
          message: `The ${what} of "${id}" must be a whole number of at least 0.`,
        });
    }
  };
  check(quote.quantities, "/quantities", "quantity");
  check(quote.expectedUsage, "/expectedUsage", "expected usage");
  quote.addOns?.forEach((a, i) => {
    check(a.quantities, `/addOns/${i}/quantities`, "quantity");
  });
}
