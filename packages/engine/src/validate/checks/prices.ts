/**
 * Pricing completeness: every charge of a sellable (active) package must have a usable price
 * point — in the default price book or its fallbacks — for each declared currency and, for
 * recurring and usage charges, each billing period the package offers (a point without a billing
 * period is a monthly amount that covers every period). Also: points in undeclared currencies,
 * ambiguous duplicate points, points for billing periods the package does not offer, and declared
 * currencies nothing is priced in.
 *
 * @see https://docs.killbill.io/latest/catalog-xml.html (Kill Bill: "a price must be specified
 * for every currency the catalog supports")
 */
import type { Check } from "../check.ts";
import { flag } from "./report.ts";

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
    const declared = new Set<string>(doc.currencies);
    const used = new Set<string>();
    const chain = new Set<string>();
    for (let b: string | undefined = catalog.defaultPriceBook; b !== undefined && !chain.has(b); ) {
      chain.add(b);
      b = doc.priceBooks?.find((x) => x.id === b)?.fallback;
    }
    const usedChain = (b: string | undefined) => chain.has(b ?? catalog.defaultPriceBook);
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i];
      if (pkg === undefined) continue;
      const sellable = pkg.status === "active";
      for (let j = 0; j < pkg.charges.length; j++) {
        const charge = pkg.charges[j];
        if (charge === undefined) continue;
        const at = () => `/packages/${i}/charges/${j}`;
        const points = charge.pricePoints;
        // Charges have a handful of points: pairwise scans beat building keyed sets.
        for (let k = 0; k < points.length; k++) {
          const pp = points[k];
          if (pp === undefined) continue;
          const book = pp.priceBook ?? catalog.defaultPriceBook;
          for (let e = 0; e < k; e++) {
            const q = points[e];
            if (
              q !== undefined &&
              q.currency === pp.currency &&
              q.billingPeriod === pp.billingPeriod &&
              (q.priceBook ?? catalog.defaultPriceBook) === book
            ) {
              flag(
                ctx,
                "price.duplicate-point",
                "error",
                `${at()}/pricePoints/${k}`,
                `repeats the price for ${pp.currency}${pp.billingPeriod ? `, ${pp.billingPeriod}` : ""} in price book \`${book}\`: keep one, or the price is ambiguous.`,
              );
              break;
            }
          }
          used.add(pp.currency);
          if (!declared.has(pp.currency))
            flag(
              ctx,
              "price.undeclared-currency",
              "warning",
              `${at()}/pricePoints/${k}/currency`,
              `is ${pp.currency}, which is not among the catalog's currencies, so no quote can use it.`,
            );
          if (
            pp.billingPeriod !== undefined &&
            charge.model !== "one_time" &&
            !pkg.billingPeriods.includes(pp.billingPeriod)
          )
            flag(
              ctx,
              "price.billing-period-not-offered",
              "warning",
              `${at()}/pricePoints/${k}/billingPeriod`,
              `is ${pp.billingPeriod}, which package \`${pkg.id}\` does not offer, so this price is never used.`,
            );
        }
        if (!sellable) continue;
        for (const cur of doc.currencies) {
          let any = false;
          let everyPeriod = false;
          for (const pp of points)
            if (pp.currency === cur && usedChain(pp.priceBook)) {
              any = true;
              if (pp.billingPeriod === undefined) everyPeriod = true;
            }
          if (!any) {
            flag(
              ctx,
              "price.missing-currency",
              "error",
              `${at()}/pricePoints`,
              `have no ${cur} price in the default price book \`${catalog.defaultPriceBook}\`, so package \`${pkg.id}\` cannot be quoted in ${cur}.`,
            );
            continue;
          }
          if (charge.model === "one_time" || everyPeriod) continue;
          for (const period of pkg.billingPeriods) {
            let priced = false;
            for (const pp of points)
              if (pp.currency === cur && pp.billingPeriod === period && usedChain(pp.priceBook))
                priced = true;
            if (!priced)
              flag(
                ctx,
                "price.missing-billing-period",
                "error",
                `${at()}/pricePoints`,
                `have no ${cur} price for ${period} billing (and no price for every period), though package \`${pkg.id}\` offers it.`,
              );
          }
        }
      }
    }
    doc.currencies.forEach((cur, i) => {
      if (!used.has(cur))
        flag(
          ctx,
          "currency.unused",
          "warning",
          `/currencies/${i}`,
          `is declared, but no package is priced in ${cur}.`,
        );
    });
  },
};
