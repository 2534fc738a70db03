/**
 * Price points for generated charges. Amounts are written as decimal strings built from whole
 * minor units (integers), so no binary fraction ever reaches an amount: USD and EUR in cents, JPY
 * in yen, usage rates in millionths of the currency unit.
 */
import type { Charge, Package, PricePoint, Tier } from "@tessera/schema";

type Points = [PricePoint, ...PricePoint[]];

export type BillingPeriod = Package["billingPeriods"][number];
export const CURRENCIES = ["USD", "EUR", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Months billed per period (year bills 10 months: annual plans are cheaper); generated catalogs bill these only. */
const PRICE_MONTHS: Partial<Record<BillingPeriod, number>> = { month: 1, quarter: 3, year: 10 };
/** Months of usage allowance per period. */
const USAGE_MONTHS: Partial<Record<BillingPeriod, number>> = { month: 1, quarter: 3, year: 12 };

/** Whole minor units of `cur` for an amount given in US cents (EUR ≈ 0.92 USD, JPY ≈ 150 per USD). */
function minorUnits(cur: Currency, usdCents: number): number {
  if (cur === "USD") return usdCents;
  if (cur === "EUR") return Math.floor((usdCents * 92 + 50) / 100);
  return Math.floor((usdCents * 3 + 1) / 2); // yen: cents × 1.5, rounded half up
}

function decimal(units: number, places: number): string {
  if (places === 0) return String(units);
  const s = String(units).padStart(places + 1, "0");
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
}

/** The amount string in `cur` for a price given in US cents. */
export function money(cur: Currency, usdCents: number): string {
  return decimal(minorUnits(cur, usdCents), cur === "JPY" ? 0 : 2);
}

/** A sub-cent unit rate in `cur` for a rate given in millionths of a dollar. */
export function rate(cur: Currency, usdMicros: number): string {
  const micros =
    cur === "USD" ? usdMicros : cur === "EUR" ? Math.floor((usdMicros * 92 + 50) / 100) : usdMicros * 150;
  return decimal(micros, 6);
}

type Field = "amount" | "unitAmount";

/** The schema types say "at least one" (minItems: 1) as a tuple; the generator always builds some. */
export function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error("generator invariant: expected at least one item");
  return [first, ...rest];
}

/**
 * Recurring points: explicit ones for each `periods` entry (the yearly one cheaper), or, when
 * `periods` is omitted, one period-less monthly point per currency that covers every period.
 */
export function recurringPoints(usdCents: number, field: Field, periods?: readonly BillingPeriod[]): Points {
  if (periods === undefined)
    return nonEmpty(CURRENCIES.map((currency) => ({ currency, [field]: money(currency, usdCents) })));
  return nonEmpty<PricePoint>(
    CURRENCIES.flatMap((currency) =>
      periods.map((billingPeriod) => {
        const months = billingPeriod === "upfront" ? 12 : (PRICE_MONTHS[billingPeriod] ?? 1);
        return { currency, billingPeriod, [field]: money(currency, usdCents * months) };
      }),
    ),
  );
}

/** Tier bands [upTo or null, unit price in cents] → contiguous tiers from 0, per period. */
export function tieredPoints(
  bands: readonly (readonly [number | null, number])[],
  periods: readonly BillingPeriod[],
): Points {
  return nonEmpty<PricePoint>(
    CURRENCIES.flatMap((currency) =>
      periods.map((billingPeriod) => {
        const months = billingPeriod === "upfront" ? 12 : (PRICE_MONTHS[billingPeriod] ?? 1);
        let from = 0;
        const tiers: Tier[] = bands.map(([upTo, cents]) => {
          const tier: Tier = { from, unitAmount: money(currency, cents * months) };
          if (upTo !== null) tier.upTo = upTo;
          from = upTo ?? from;
          return tier;
        });
        return { currency, billingPeriod, tiers: nonEmpty(tiers) };
      }),
    ),
  );
}

/** Stairstep steps [upTo or null, total price in cents], per period. */
export function stairstepPoints(
  steps: readonly (readonly [number | null, number])[],
  periods: readonly BillingPeriod[],
): Points {
  return nonEmpty<PricePoint>(
    CURRENCIES.flatMap((currency) =>
      periods.map((billingPeriod) => {
        const months = billingPeriod === "upfront" ? 12 : (PRICE_MONTHS[billingPeriod] ?? 1);
        return {
          currency,
          billingPeriod,
          steps: nonEmpty(steps.map(([upTo, cents]) => ({ upTo, amount: money(currency, cents * months) }))),
        };
      }),
    ),
  );
}

/** Usage rate cards: allowance per month scaled to the period, graduated rates in micro-dollars. */
export function usagePoints(
  includedPerMonth: number,
  bands: readonly (readonly [number | null, number])[],
  periods: readonly BillingPeriod[],
): Points {
  return nonEmpty<PricePoint>(
    CURRENCIES.flatMap((currency) =>
      periods
        .filter((p): p is Exclude<BillingPeriod, "upfront"> => p !== "upfront")
        .map((billingPeriod) => {
          let from = 0;
          const tiers: Tier[] = bands.map(([upTo, micros]) => {
            const tier: Tier = { from, unitAmount: rate(currency, micros) };
            if (upTo !== null) tier.upTo = upTo;
            from = upTo ?? from;
            return tier;
          });
          return {
            currency,
            billingPeriod,
            includedUnits: includedPerMonth * (USAGE_MONTHS[billingPeriod] ?? 1),
            tiers: nonEmpty(tiers),
          };
        }),
    ),
  );
}

/** One-time points (setup fees, devices). */
export function oneTimePoints(usdCents: number, field: Field = "amount"): Points {
  return nonEmpty(CURRENCIES.map((currency) => ({ currency, [field]: money(currency, usdCents) })));
}

/** A flat recurring charge on an option (applies when picked), priced by period-less monthly points. */
export function optionCharge(id: string, name: string, option: string, usdCents: number): Charge {
  return { id, name, model: "flat", option, pricePoints: recurringPoints(usdCents, "amount") };
}
