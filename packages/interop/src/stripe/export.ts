/**
 * Tessera catalog → the Stripe Products and Prices a sync job would create. Each package is a
 * Product; each charge, in each currency, billing period and price book that prices it, is a
 * Price with a stable `lookup_key` (`<package>.<charge>.<currency>.<period>[.<book>]`) so a sync
 * can upsert by key. Models map onto Stripe's billing schemes: flat and per_unit → per_unit
 * (blockSize → transform_quantity), tiered → tiers graduated, volume → tiers volume, stairstep →
 * volume tiers of flat amounts, usage → metered graduated tiers (the included allowance as a free
 * first tier), one_time → a price with no recurring. Amounts are integers of the currency's minor
 * unit, or `unit_amount_decimal` when a unit price has more decimals. What Stripe cannot represent
 * (phases, terms, rules, paths, option groups) is returned as `losses`, see packages/interop/README.md.
 * @see https://docs.stripe.com/api/prices/create
 * @see https://docs.stripe.com/products-prices/pricing-models
 */
import { Decimal, minorUnit } from "@tessera/engine";
import type { BillingPeriod, Catalog, Charge, Package, PricePoint, Tier } from "@tessera/schema";
import type { InteropDiagnostic } from "../diagnostic.ts";

export interface StripeProduct {
  id: string;
  name: string;
  description?: string;
  active: boolean;
  metadata: Record<string, string>;
}

export interface StripeTier {
  up_to: number | "inf";
  unit_amount?: number;
  unit_amount_decimal?: string;
  flat_amount?: number;
}

export interface StripePrice {
  lookup_key: string;
  product: string;
  nickname: string;
  currency: string;
  active: boolean;
  billing_scheme: "per_unit" | "tiered";
  unit_amount?: number;
  unit_amount_decimal?: string;
  tiers_mode?: "graduated" | "volume";
  tiers?: StripeTier[];
  transform_quantity?: { divide_by: number; round: "up" | "down" };
  recurring?: { interval: "month" | "year"; interval_count: number; usage_type: "licensed" | "metered" };
  metadata: Record<string, string>;
}

export interface StripeExport {
  products: StripeProduct[];
  prices: StripePrice[];
  losses: InteropDiagnostic[];
}

const INTERVAL: Partial<
  Record<BillingPeriod, { interval: "month" | "year"; interval_count: number; months: number }>
> = {
  month: { interval: "month", interval_count: 1, months: 1 },
  quarter: { interval: "month", interval_count: 3, months: 3 },
  year: { interval: "year", interval_count: 1, months: 12 },
};

/** Minor units: an integer when exact, else Stripe's decimal string (up to 12 decimals). */
function minor(amount: string, currency: string, scale = 1): { int?: number; decimal?: string } {
  const v = Decimal.parse(amount)
    .mul(scale)
    .mul(10n ** BigInt(minorUnit(currency)));
  return v.round(0).eq(v) ? { int: Number(v.toFixed(0)) } : { decimal: v.toString() };
}

function unitAmount(
  amount: string,
  currency: string,
  scale = 1,
): Pick<StripePrice, "unit_amount" | "unit_amount_decimal"> {
  const m = minor(amount, currency, scale);
  return m.int !== undefined ? { unit_amount: m.int } : { unit_amount_decimal: m.decimal! };
}

function tierOf(t: Tier, currency: string, scale: number, shift: number): StripeTier {
  const unit = minor(t.unitAmount, currency, scale);
  const flat = t.flatAmount ? minor(t.flatAmount, currency, scale) : undefined;
  return {
    up_to: t.upTo === undefined || t.upTo === null ? "inf" : t.upTo + shift,
    ...(unit.int !== undefined ? { unit_amount: unit.int } : { unit_amount_decimal: unit.decimal! }),
    ...(flat?.int !== undefined ? { flat_amount: flat.int } : {}),
  };
}

interface Ctx {
  catalog: Catalog;
  defaultBook: string;
  lose(code: string, pointer: string, message: string): void;
}

/** The Stripe shape of one price point, or why it has none. */
function priced(
  ctx: Ctx,
  charge: Charge,
  point: PricePoint,
  scale: number,
  at: string,
): Partial<StripePrice> | undefined {
  const c = point.currency;
  switch (charge.model) {
    case "flat":
    case "one_time":
      if (point.amount !== undefined)
        return { billing_scheme: "per_unit", ...unitAmount(point.amount, c, scale) };
      return { billing_scheme: "per_unit", ...unitAmount(point.unitAmount ?? "0", c, scale) };
    case "per_unit":
      return {
        billing_scheme: "per_unit",
        ...unitAmount(point.unitAmount ?? "0", c, scale),
        ...(charge.blockSize && charge.blockSize > 1
          ? { transform_quantity: { divide_by: charge.blockSize, round: charge.blockRounding ?? "up" } }
          : {}),
      };
    case "tiered":
    case "volume":
      return {
        billing_scheme: "tiered",
        tiers_mode: charge.model === "tiered" ? "graduated" : "volume",
        tiers: (point.tiers ?? []).map((t) => tierOf(t, c, scale, 0)),
      };
    case "stairstep":
      return {
        billing_scheme: "tiered",
        tiers_mode: "volume",
        tiers: (point.steps ?? []).map((s) => ({
          up_to: s.upTo === null ? "inf" : s.upTo,
          unit_amount: 0,
          flat_amount: minor(s.amount, c, scale).int ?? 0,
        })),
      };
    case "usage": {
      const included = (point.includedUnits ?? 0) * scale;
      const tiers = (point.tiers ?? [{ from: 0, unitAmount: point.unitAmount ?? "0" }]).map((t) =>
        tierOf(t, c, 1, included),
      );
      if (scale !== 1)
        ctx.lose(
          "stripe.usage-scaled",
          at,
          `Usage charge ${charge.id} has a monthly rate card used for a longer period; Stripe's bands are not scaled, so they are exported as written.`,
        );
      return {
        billing_scheme: "tiered",
        tiers_mode: "graduated",
        tiers: included > 0 ? [{ up_to: included, unit_amount: 0 }, ...tiers] : tiers,
      };
    }
    case "percentage":
      ctx.lose(
        "stripe.percentage",
        at,
        `Charge ${charge.id} is a percentage (of a transaction volume or of other charges); a Stripe Price bills units, not a share of money, so it is not exported.`,
      );
      return undefined;
  }
}

function chargeLosses(ctx: Ctx, pkg: Package, charge: Charge, at: string): void {
  const component = pkg.components?.find((k) => k.id === charge.component);
  if (component?.included && ["per_unit", "tiered", "volume"].includes(charge.model))
    ctx.lose(
      "stripe.included-quantity",
      at,
      `Charge ${charge.id} bills only units above the ${component.included} included; Stripe bills every unit, so the subscription item's quantity must be reduced by the sync job.`,
    );
  if (charge.model === "usage" && charge.blockSize && charge.blockSize > 1)
    ctx.lose(
      "stripe.usage-blocks",
      at,
      `Usage charge ${charge.id} bills blocks of ${charge.blockSize}; Stripe cannot combine transform_quantity with tiers, so blocks are not exported.`,
    );
  if (charge.option)
    ctx.lose(
      "stripe.option",
      at,
      `Charge ${charge.id} applies when option ${charge.option} is picked; Stripe has no options, so it is a separate price the sync job adds when the option is chosen.`,
    );
}

function packageLosses(ctx: Ctx, pkg: Package, at: string): void {
  for (const [field, present] of [
    ["optionGroups", pkg.optionGroups?.length],
    ["rules", pkg.rules?.length],
    ["quantityRules", pkg.quantityRules?.length],
    ["renewal", pkg.renewal],
    ["termination", pkg.termination],
  ] as const)
    if (present)
      ctx.lose(
        "stripe.dropped",
        `${at}/${field}`,
        `Package ${pkg.id}'s ${field} have no Stripe Product or Price equivalent and are not exported.`,
      );
  if (pkg.terms.some((t) => t.discountPercent))
    ctx.lose(
      "stripe.term-discount",
      `${at}/terms`,
      `Package ${pkg.id}'s term discounts need Stripe coupons applied by the sync job; prices are exported at list.`,
    );
  (pkg.phases ?? []).forEach((p, i) => {
    if (p.type === "intro")
      ctx.lose(
        "stripe.intro",
        `${at}/phases/${i}`,
        `Package ${pkg.id}'s intro discount needs a Stripe coupon (percent_off ${p.discountPercent}, duration repeating); prices are exported at list.`,
      );
  });
  if (pkg.billingPeriods.includes("upfront"))
    ctx.lose(
      "stripe.upfront",
      `${at}/billingPeriods`,
      `Package ${pkg.id} offers up-front billing for the whole term; Stripe recurring prices bill per interval, so no up-front price is exported.`,
    );
}

/** The Products and Prices payloads for a (valid) catalog. Never throws. */
export function exportStripe(catalog: Catalog): StripeExport {
  const losses: InteropDiagnostic[] = [];
  const ctx: Ctx = {
    catalog,
    defaultBook: catalog.priceBooks?.find((b) => b.default)?.id ?? catalog.priceBooks?.[0]?.id ?? "list",
    lose: (code, pointer, message) => losses.push({ code, severity: "warning", pointer, message }),
  };
  if (catalog.pathRules?.length)
    ctx.lose(
      "stripe.paths",
      "/pathRules",
      "Stripe has no upgrade or cancellation rules; the sync job must apply Tessera's paths (tessera paths) when it updates subscriptions.",
    );
  const products: StripeProduct[] = [];
  const prices: StripePrice[] = [];
  catalog.packages.forEach((pkg, pi) => {
    const at = `/packages/${pi}`;
    packageLosses(ctx, pkg, at);
    const trial = pkg.phases?.find((p) => p.type === "trial");
    products.push({
      id: pkg.id,
      name: pkg.name,
      ...(pkg.description ? { description: pkg.description } : {}),
      active: pkg.status === "active",
      metadata: {
        tessera_catalog: catalog.id,
        tessera_portfolio: pkg.portfolio,
        tessera_role: pkg.role,
        tessera_tier: String(pkg.tier),
        ...(trial?.days ? { trial_period_days: String(trial.days) } : {}),
        ...(pkg.role === "add_on" && pkg.addOn?.packages
          ? { compatible_packages: pkg.addOn.packages.join(",") }
          : {}),
      },
    });
    pkg.charges.forEach((charge, ci) => {
      const cat = `${at}/charges/${ci}`;
      chargeLosses(ctx, pkg, charge, cat);
      const periods: (BillingPeriod | undefined)[] =
        charge.model === "one_time" ? [undefined] : pkg.billingPeriods.filter((p) => INTERVAL[p]);
      charge.pricePoints.forEach((point, ki) => {
        for (const period of periods) {
          if (
            charge.model !== "one_time" &&
            point.billingPeriod !== undefined &&
            point.billingPeriod !== period
          )
            continue;
          // A point without a period is per month, scaled to the period (as Tessera prices it).
          const scale =
            charge.model === "one_time" || point.billingPeriod !== undefined
              ? 1
              : (INTERVAL[period!]?.months ?? 1);
          const shape = priced(ctx, charge, point, scale, `${cat}/pricePoints/${ki}`);
          if (!shape) continue;
          const book = point.priceBook && point.priceBook !== ctx.defaultBook ? point.priceBook : undefined;
          const interval = period ? INTERVAL[period] : undefined;
          prices.push({
            lookup_key: [
              pkg.id,
              charge.id,
              point.currency.toLowerCase(),
              period ?? "once",
              ...(book ? [book] : []),
            ].join("."),
            product: pkg.id,
            nickname: charge.name ?? charge.id,
            currency: point.currency.toLowerCase(),
            active: pkg.status === "active",
            ...shape,
            ...(interval
              ? {
                  recurring: {
                    interval: interval.interval,
                    interval_count: interval.interval_count,
                    usage_type: charge.model === "usage" ? ("metered" as const) : ("licensed" as const),
                  },
                }
              : {}),
            metadata: {
              tessera_charge: charge.id,
              tessera_model: charge.model,
              ...(charge.component ? { tessera_component: charge.component } : {}),
              ...(charge.option ? { tessera_option: charge.option } : {}),
              ...(book ? { tessera_price_book: book } : {}),
            },
          } as StripePrice);
        }
      });
    });
  });
  return { products, prices, losses };
}
