/**
 * Approval tiers of the quote policy (Salesforce CPQ's advanced approvals: a larger discount climbs
 * to more approvers):
 * - tiers ascend strictly by percent (`policy.tiers-not-ascending`); two tiers at one percent leave
 *   it unclear which applies (`policy.tier-duplicate`);
 * - a higher tier needs more approvers than the one below it (`policy.tier-approvers-decrease`),
 *   else a larger discount would be easier to approve;
 * - `approvalThresholdPercent`, kept for catalogs written before tiers, must agree with the lowest
 *   tier when both are given (`policy.threshold-tier-mismatch`);
 * - a tier above the largest allowed discount can never be reached (`policy.tier-above-max`, warning).
 * @see https://help.salesforce.com/s/articleView?id=sf.cpq_approvals_advanced.htm
 */
import { Decimal } from "../../decimal.ts";
import type { Check } from "../check.ts";
import { flag } from "./report.ts";

export const approvalsCheck: Check = {
  id: "approvals",
  codes: [
    "policy.tiers-not-ascending",
    "policy.tier-duplicate",
    "policy.tier-approvers-decrease",
    "policy.threshold-tier-mismatch",
    "policy.tier-above-max",
  ],
  run(ctx) {
    const policy = ctx.doc.quotePolicy;
    const tiers = policy?.approvalTiers;
    if (!policy || !tiers) return;
    const max =
      policy.maxDiscountPercent === undefined ? undefined : Decimal.tryParse(policy.maxDiscountPercent);
    let prev: { percent: Decimal; approvers: number; text: string } | undefined;
    for (let i = 0; i < tiers.length; i++) {
      const tier = tiers[i]!;
      const percent = Decimal.tryParse(tier.aboveDiscountPercent);
      if (!percent) continue;
      const at = `/quotePolicy/approvalTiers/${i}`;
      if (prev && percent.eq(prev.percent))
        flag(
          ctx,
          "policy.tier-duplicate",
          "error",
          `${at}/aboveDiscountPercent`,
          `is ${tier.aboveDiscountPercent}%, the same as the tier before it; give each tier its own percent or merge them.`,
        );
      else if (prev && percent.lt(prev.percent))
        flag(
          ctx,
          "policy.tiers-not-ascending",
          "error",
          `${at}/aboveDiscountPercent`,
          `is ${tier.aboveDiscountPercent}%, below the ${prev.text}% of the tier before it; list tiers from the smallest discount to the largest.`,
        );
      else if (prev && tier.approvers <= prev.approvers)
        flag(
          ctx,
          "policy.tier-approvers-decrease",
          "error",
          `${at}/approvers`,
          `is ${tier.approvers}, but the lower tier before it already needs ${prev.approvers}; a larger discount must need more approvers.`,
        );
      if (max && !percent.lt(max))
        flag(
          ctx,
          "policy.tier-above-max",
          "warning",
          `${at}/aboveDiscountPercent`,
          `is ${tier.aboveDiscountPercent}%, but no discount may go beyond ${policy.maxDiscountPercent}%, so no quote ever reaches this tier.`,
        );
      prev = { percent, approvers: tier.approvers, text: tier.aboveDiscountPercent };
    }
    const first = Decimal.tryParse(tiers[0].aboveDiscountPercent);
    const threshold =
      policy.approvalThresholdPercent === undefined
        ? undefined
        : Decimal.tryParse(policy.approvalThresholdPercent);
    if (first && threshold && !threshold.eq(first))
      flag(
        ctx,
        "policy.threshold-tier-mismatch",
        "error",
        "/quotePolicy/approvalThresholdPercent",
        `is ${policy.approvalThresholdPercent}%, but the lowest approval tier starts above ${tiers[0].aboveDiscountPercent}%; remove it or make the two agree.`,
      );
  },
};
