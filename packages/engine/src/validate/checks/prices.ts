/**
 * Pricing completeness: every charge of a sellable (active) package must have a usable price
 * point — in the default price book or its fallbacks — for each declared currency and, for
 * recurring and usage charges, each billing period the package offers (a point without a billing
 * period is a monthly amount that covers every period). Also: points in undeclared currencies,
 * ambiguous duplicate points, points for billing periods the package does not offer, and declared
 * currencies nothing is priced in.
 *
 * Runs in one pass over the points: each charge records, per currency, a bit mask of the billing
 * periods it prices, so the cost is linear in the number of points.
 *
 * @see https://docs.killbill.io/latest/catalog-xml.html (Kill Bill: "a price must be specified
 * for every currency the catalog supports")
 */
import type { PricePoint } from "@tessera/schema";
import { PERIOD_ADVERB } from "../../calendar.ts";
import type { Check, CheckContext } from "../check.ts";
import { flag } from "./report.ts";

type Period = NonNullable<PricePoint["billingPeriod"]>;
const BIT: Record<Period, number> = {
  month: 1,
  quarter: 2,
  year: 4,
  upfront: 8,
  week: 64,
  two_weeks: 128,
  half_year: 256,
};
/** Week-based periods: a point without a billing period (a monthly price) cannot be scaled to them. */
const WEEKS = 64 | 128;
/** The bit of a point without a billing period (it covers every period). */
const EVERY = 16;
/** Set once any usable point exists for the currency. */
const ANY = 32;

function duplicate(ctx: CheckContext, pp: PricePoint, pointer: string, defaultBook: string): void {
  flag(
    ctx,
    "price.duplicate-point",
    "error",
    pointer,
    `repeats the price for ${pp.currency}${pp.billingPeriod ? `, ${pp.billingPeriod}` : ""} in price book \`${pp.priceBook ?? defaultBook}\`: keep one, or the price is ambiguous.`,
  );
}

export const pricesCheck: Check = {
  id: "prices",
  codes: [
    "price.missing-currency",
    "price.missing-billing-period",
    "price.undeclared-currency",
    "price.duplicate-point",
    "price.billing-period-not-offered",
    "currency.unused",
  ],
  run(ctx) {
    const { doc, catalog } = ctx;
    const defaultBook = catalog.defaultPriceBook;
    const slot = new Map<string, number>();
    doc.currencies.forEach((c, i) => {
      if (!slot.has(c)) slot.set(c, i);
    });
    /** 1 for the first declaration of each currency (the one `slot` names). */
    const first = new Uint8Array(doc.currencies.length);
    for (const s of slot.values()) first[s] = 1;
    const used = new Uint8Array(doc.currencies.length);
    /** Usable periods per declared currency, for the charge being checked. */
    const usable = new Int32Array(doc.currencies.length);
    /** Periods seen per declared currency in the default book, to spot duplicates cheaply. */
    const seen = new Int32Array(doc.currencies.length);
    const chain = new Set<string>();
    for (let b: string | undefined = defaultBook; b !== undefined && !chain.has(b); ) {
      chain.add(b);
      b = doc.priceBooks?.find((x) => x.id === b)?.fallback;
    }
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i];
      if (pkg === undefined) continue;
      let offered = 0;
      for (const p of pkg.billingPeriods) offered |= BIT[p];
      for (let j = 0; j < pkg.charges.length; j++) {
        const charge = pkg.charges[j];
        if (charge === undefined) continue;
        const points = charge.pricePoints;
        for (let s = 0; s < usable.length; s++) {
          usable[s] = 0;
          seen[s] = 0;
        }
        let otherBooks = false;
        let undeclared = false;
        for (let k = 0; k < points.length; k++) {
          const pp = points[k] as PricePoint;
          const s = slot.get(pp.currency);
          const bit = pp.billingPeriod === undefined ? EVERY : BIT[pp.billingPeriod];
          if (s === undefined) {
            undeclared = true;
            flag(
              ctx,
              "price.undeclared-currency",
              "warning",
              `/packages/${i}/charges/${j}/pricePoints/${k}/currency`,
              `is ${pp.currency}, which is not among the catalog's currencies, so no quote can use it.`,
            );
          } else {
            used[s] = 1;
            const inDefault = pp.priceBook === undefined || pp.priceBook === defaultBook;
            if (inDefault) {
              if ((seen[s] as number) & bit)
                duplicate(
                  ctx,
                  points[k] as PricePoint,
                  `/packages/${i}/charges/${j}/pricePoints/${k}`,
                  defaultBook,
                );
              seen[s] = (seen[s] as number) | bit;
            } else otherBooks = true;
            if (inDefault || chain.has(pp.priceBook as string)) usable[s] = (usable[s] as number) | bit | ANY;
          }
          if (pp.billingPeriod !== undefined && charge.model !== "one_time" && !(offered & bit))
            flag(
              ctx,
              "price.billing-period-not-offered",
              "warning",
              `/packages/${i}/charges/${j}/pricePoints/${k}/billingPeriod`,
              `is ${pp.billingPeriod}, which package \`${pkg.id}\` does not offer, so this price is never used.`,
            );
        }
        // Points in other books (or undeclared currencies) are rare: compare those pairwise.
        if (otherBooks || undeclared)
          for (let k = 0; k < points.length; k++) {
            const pp = points[k] as PricePoint;
            if ((pp.priceBook ?? defaultBook) === defaultBook && slot.has(pp.currency)) continue;
            for (let e = 0; e < k; e++) {
              const q = points[e] as PricePoint;
              if (
                q.currency === pp.currency &&
                q.billingPeriod === pp.billingPeriod &&
                (q.priceBook ?? defaultBook) === (pp.priceBook ?? defaultBook)
              ) {
                duplicate(
                  ctx,
                  points[k] as PricePoint,
                  `/packages/${i}/charges/${j}/pricePoints/${k}`,
                  defaultBook,
                );
                break;
              }
            }
          }
        if (pkg.status !== "active") continue;
        for (let s = 0; s < doc.currencies.length; s++) {
          if (!first[s]) continue;
          const cur = doc.currencies[s] as string;
          const mask = usable[s] as number;
          if (!(mask & ANY)) {
            flag(
              ctx,
              "price.missing-currency",
              "error",
              `/packages/${i}/charges/${j}/pricePoints`,
              `have no ${cur} price in the default price book \`${defaultBook}\`, so package \`${pkg.id}\` cannot be quoted in ${cur}: add one, or drop ${cur} from the catalog's currencies.`,
            );
            continue;
          }
          if (charge.model === "one_time") continue;
          for (const period of pkg.billingPeriods)
            if (!(mask & BIT[period]) && !(mask & EVERY && !(BIT[period] & WEEKS)))
              flag(
                ctx,
                "price.missing-billing-period",
                "error",
                `/packages/${i}/charges/${j}/pricePoints`,
                BIT[period] & WEEKS
                  ? `have no ${cur} price for ${period} billing, though package \`${pkg.id}\` offers it (a monthly price is not scaled to weeks: give a price point with billingPeriod ${period}).`
                  : `have no ${cur} price for ${period} billing (and no price for every period), though package \`${pkg.id}\` offers it: add a ${cur} price billed ${PERIOD_ADVERB[period]}, or stop billing package \`${pkg.id}\` ${PERIOD_ADVERB[period]}.`,
              );
        }
      }
    }
    doc.currencies.forEach((cur, s) => {
      if (slot.get(cur) === s && !used[s])
        flag(
          ctx,
          "currency.unused",
          "warning",
          `/currencies/${s}`,
          `is declared, but no package is priced in ${cur}.`,
        );
    });
  },
};
