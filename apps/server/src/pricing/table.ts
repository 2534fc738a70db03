/**
 * The public pricing table of a catalog version, as data: base packages by portfolio and tier,
 * their key included quantities, and for every currency the price of the package's default
 * configuration billed monthly and billed yearly, with the annual saving. Every amount comes from
 * the engine's `price` (run in the worker pool, never here), so the table says what a quote would.
 * - monthly: billed per month on the shortest term that allows it (1 month when sold);
 * - annual: billed per year on a 12-month term; shown per month as its MRR (perPeriod ÷ 12);
 * - saving: 12 × the monthly price − the yearly bill, and in percent of a year billed monthly,
 *   floored to a whole percent so the table never promises more than the customer saves.
 * @see https://docs.stripe.com/payments/checkout/pricing-table (the shape customers expect)
 */
import type { PublishedVersion, Services } from "@tessera/api";
import { Decimal, formatMoney, pricingTableTerm, quantityInWords } from "@tessera/engine";
import type { Catalog, Package, Quote } from "@tessera/schema";

export interface PeriodPrice {
  /** Per month (the MRR). */
  monthly: string;
  /** The regular bill of one billing period (a year for annual). */
  perPeriod: string;
}

export interface CardPrices {
  month?: PeriodPrice;
  year?: PeriodPrice & { savingPerYear?: string; savingPercent?: number };
}

export interface PricingCard {
  id: string;
  name: string;
  description: string | null;
  tier: number;
  popular: boolean;
  /** "14-day free trial", "50% off for 3 periods". */
  offers: string[];
  /** Key included quantities in words: "10 seats", "100 GB storage". */
  included: string[];
  prices: Record<string, CardPrices>;
}

export interface PricingTable {
  catalogId: string;
  version: number;
  name: string;
  description: string | null;
  currencies: string[];
  periods: ("month" | "year")[];
  portfolios: { id: string; name: string; cards: PricingCard[] }[];
}

/** The package's key included quantities (at most four), from its components' defaults. */
function includedOf(catalog: Catalog, pkg: Package): string[] {
  const out: string[] = [];
  for (const c of pkg.components ?? []) {
    const service = catalog.services.find((s) => s.id === c.service);
    if (!service || service.kind === "usage") continue;
    const qty = c.default ?? c.included ?? c.min;
    if (qty === undefined || qty === 0) continue;
    out.push(quantityInWords(qty, service));
    if (out.length === 4) break;
  }
  return out;
}

function offersOf(pkg: Package): string[] {
  const out: string[] = [];
  for (const phase of pkg.phases ?? []) {
    if (phase.type === "trial" && phase.days) out.push(`${phase.days}-day free trial`);
    if (phase.type === "intro" && phase.discountPercent && phase.periods)
      out.push(`${phase.discountPercent}% off your first ${phase.periods} bills`);
  }
  return out;
}

/** ⌊100 × part ÷ whole⌋: a saving is never rounded up. */
function floorPercent(part: Decimal, whole: Decimal): number {
  let p = part.mul(100).div(whole, 0);
  if (p.mul(whole).gt(part.mul(100))) p = p.sub(Decimal.ONE);
  return Number(p.toString());
}

/** Builds the table (see the module comment); `asOf` is the day prices are quoted for. */
export async function pricingTable(
  services: Services,
  pv: PublishedVersion,
  catalog: Catalog,
  asOf: string,
): Promise<PricingTable> {
  const bases = catalog.packages.filter((p) => p.role === "base" && p.status === "active");
  const currencies = [...catalog.currencies];
  const periods = new Set<"month" | "year">();
  const priceOf = async (pkg: Package, currency: string, period: "month" | "year") => {
    const termMonths = pricingTableTerm(pkg, period);
    if (termMonths === undefined) return undefined;
    const quote: Quote = {
      catalogId: pv.catalogId,
      catalogVersion: pv.version,
      package: pkg.id,
      termMonths,
      billingPeriod: period,
      currency,
    };
    const priced = await services.engine.price(pv, quote, asOf);
    if (priced.violations.some((v) => v.severity === "error")) return undefined;
    periods.add(period);
    return { monthly: priced.totals.mrr, perPeriod: priced.totals.perPeriod };
  };
  const cards = await Promise.all(
    bases.map(async (pkg): Promise<PricingCard & { portfolio: string }> => {
      const prices: Record<string, CardPrices> = {};
      for (const currency of currencies) {
        const [month, year] = await Promise.all([
          priceOf(pkg, currency, "month"),
          priceOf(pkg, currency, "year"),
        ]);
        const entry: CardPrices = {};
        if (month) entry.month = month;
        if (year) {
          entry.year = year;
          if (month) {
            // A year billed monthly against the yearly bill, both exact (no rounded MRR in between).
            const monthlyYear = Decimal.parse(month.monthly).mul(12);
            const saving = monthlyYear.sub(Decimal.parse(year.perPeriod));
            if (saving.gt(Decimal.ZERO)) {
              entry.year.savingPerYear = formatMoney(saving, currency);
              entry.year.savingPercent = floorPercent(saving, monthlyYear);
            }
          }
        }
        if (entry.month || entry.year) prices[currency] = entry;
      }
      return {
        portfolio: pkg.portfolio,
        id: pkg.id,
        name: pkg.name,
        description: pkg.description ?? null,
        tier: pkg.tier,
        popular: pkg.popular === true,
        offers: offersOf(pkg),
        included: includedOf(catalog, pkg),
        prices,
      };
    }),
  );
  const portfolios = [...catalog.portfolios]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((p) => ({
      id: p.id,
      name: p.name,
      cards: cards
        .filter((c) => c.portfolio === p.id && Object.keys(c.prices).length > 0)
        .sort((a, b) => a.tier - b.tier)
        .map(({ portfolio: _, ...card }) => card),
    }))
    .filter((p) => p.cards.length > 0);
  return {
    catalogId: pv.catalogId,
    version: pv.version,
    name: catalog.name,
    description: catalog.description ?? null,
    currencies: currencies.filter((c) => cards.some((card) => card.prices[c])),
    periods: (["month", "year"] as const).filter((p) => periods.has(p)),
    portfolios,
  };
}
