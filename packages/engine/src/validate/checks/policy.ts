/**
 * Catalog-wide quote policy and charge timing:
 * - an approval threshold above the largest allowed discount can never trigger, so approvals are
 *   silently off (warning);
 * - usage is always billed in arrear (DESIGN §1): a usage charge marked `in_advance` misleads
 *   whoever reads the catalog (warning);
 * - a zero intro discount or a 100% one is almost always a typo: the first is no offer, the second
 *   is a trial (warning).
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html (Kill Bill: usage sections are
 * billed in arrear only)
 */
import { Decimal } from "../../decimal.ts";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

export const policyCheck: Check = {
  id: "policy",
  codes: ["policy.threshold-above-max", "charge.usage-in-advance", "phase.intro-discount-extreme"],
  run(ctx) {
    const { doc } = ctx;
    const q = doc.quotePolicy;
    if (q?.approvalThresholdPercent !== undefined && q.maxDiscountPercent !== undefined) {
      const threshold = Decimal.tryParse(q.approvalThresholdPercent);
      const max = Decimal.tryParse(q.maxDiscountPercent);
      if (threshold && max && threshold.gt(max))
        flag(
          ctx,
          "policy.threshold-above-max",
          "warning",
          "/quotePolicy/approvalThresholdPercent",
          `is ${q.approvalThresholdPercent}%, above the ${q.maxDiscountPercent}% largest discount allowed, so no quote ever needs approval.`,
        );
    }
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i];
      if (pkg === undefined) continue;
      for (let j = 0; j < pkg.charges.length; j++) {
        const c = pkg.charges[j];
        if (c?.model === "usage" && c.timing === "in_advance")
          flag(
            ctx,
            "charge.usage-in-advance",
            "warning",
            `/packages/${i}/charges/${j}/timing`,
            "is in_advance, but usage is always billed in arrear, once it is known; remove it or set in_arrear.",
          );
      }
      const phases = pkg.phases ?? NONE;
      for (let j = 0; j < phases.length; j++) {
        const ph = phases[j];
        if (ph?.type !== "intro" || ph.discountPercent === undefined) continue;
        const d = Decimal.tryParse(ph.discountPercent);
        if (d && (d.isZero() || d.eq(Decimal.HUNDRED)))
          flag(
            ctx,
            "phase.intro-discount-extreme",
            "warning",
            `/packages/${i}/phases/${j}/discountPercent`,
            d.isZero()
              ? "is 0, so the introductory phase gives nothing; remove the phase or set a discount."
              : "is 100, which makes the introductory phase a free trial; use a trial phase instead.",
          );
      }
    }
  },
};
