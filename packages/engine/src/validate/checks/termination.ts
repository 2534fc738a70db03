/**
 * Termination: an early termination fee carries the fields of its kind (flat: an amount per
 * declared currency, once each; remaining_percent: a percent), and retention offers carry what
 * their kind needs (discount: percent and periods or months, not both; downgrade: the target package).
 */
import type { Check } from "../check.ts";
import { flag } from "./report.ts";

export const terminationCheck: Check = {
  id: "termination",
  codes: [
    "termination.fee-incomplete",
    "termination.fee-ignored-field",
    "termination.fee-missing-currency",
    "retention.incomplete",
    "retention.duration-twice",
  ],
  run(ctx) {
    const { doc } = ctx;
    doc.packages.forEach((pkg, i) => {
      const t = pkg.termination;
      if (t === undefined) return;
      const at = `/packages/${i}/termination`;
      const fee = t.earlyTerminationFee;
      if (fee !== undefined) {
        const fat = `${at}/earlyTerminationFee`;
        if (fee.kind === "flat") {
          if (fee.amounts === undefined || fee.amounts.length === 0)
            flag(
              ctx,
              "termination.fee-incomplete",
              "error",
              fat,
              "is a flat fee without `amounts`: give the fee in each currency.",
            );
          else {
            const seen = new Set<string>();
            fee.amounts.forEach((a, k) => {
              if (seen.has(a.currency))
                flag(
                  ctx,
                  "termination.fee-incomplete",
                  "error",
                  `${fat}/amounts/${k}`,
                  `gives a second ${a.currency} amount; keep one per currency.`,
                );
              seen.add(a.currency);
            });
            if (pkg.status === "active")
              for (const cur of doc.currencies)
                if (!seen.has(cur))
                  flag(
                    ctx,
                    "termination.fee-missing-currency",
                    "error",
                    `${fat}/amounts`,
                    `have no ${cur} amount, so the fee cannot be charged to customers paying in ${cur}.`,
                  );
          }
          if (fee.percent !== undefined)
            flag(
              ctx,
              "termination.fee-ignored-field",
              "warning",
              `${fat}/percent`,
              "is ignored because the fee is flat.",
            );
        } else {
          if (fee.percent === undefined)
            flag(
              ctx,
              "termination.fee-incomplete",
              "error",
              fat,
              "is a percentage of the remaining charges without `percent`: say which percentage.",
            );
          if (fee.amounts !== undefined)
            flag(
              ctx,
              "termination.fee-ignored-field",
              "warning",
              `${fat}/amounts`,
              "are ignored because the fee is a percentage of the remaining charges.",
            );
        }
      }
      t.retentionOffers?.forEach((o, j) => {
        const oat = `${at}/retentionOffers/${j}`;
        if (
          o.kind === "discount" &&
          (o.discountPercent === undefined || (o.periods ?? o.months) === undefined)
        )
          flag(
            ctx,
            "retention.incomplete",
            "error",
            oat,
            `is a discount offer without ${o.discountPercent === undefined ? "`discountPercent`" : "`periods` or `months`"}: say the percent off and for how long.`,
          );
        if (o.periods !== undefined && o.months !== undefined)
          flag(
            ctx,
            "retention.duration-twice",
            "error",
            `${oat}/months`,
            "is given with `periods` too: say how long the discount lasts once, in billing periods or in months.",
          );
        if (o.kind === "downgrade" && o.to === undefined)
          flag(
            ctx,
            "retention.incomplete",
            "error",
            oat,
            "is a downgrade offer without `to`: name the package offered.",
          );
      });
    });
  },
};
