/**
 * The approval-tier edits keep the quote policy valid for the engine's `approvals` check whatever
 * the designer adds, edits, moves or deletes: the stated threshold follows the lowest tier, an
 * empty list goes, and a tier is never added that would need fewer approvers than the one below.
 * The tiers are Salesforce CPQ's advanced approvals (a larger discount climbs to more approvers).
 */
import { readFileSync } from "node:fs";
import { validate } from "@tessera/engine";
import type { Catalog, QuotePolicy } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { editTier, moveTier, nextTier, removeTier, withThreshold, withTiers } from "./approvalTiers.ts";

const saas = JSON.parse(
  readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;

const policyErrors = (quotePolicy: QuotePolicy | undefined) => {
  const { quotePolicy: _q, ...rest } = saas;
  return validate(quotePolicy ? { ...rest, quotePolicy } : rest)
    .diagnostics.filter((d) => d.code.startsWith("policy.") || d.pointer.startsWith("/quotePolicy"))
    .map((d) => `${d.code} ${d.pointer}`);
};

describe("approval tiers in the designer", () => {
  it("builds the sample's two tiers from its threshold, adding one tier at a time", () => {
    let policy: QuotePolicy | undefined = {
      approvalThresholdPercent: "15",
      maxDiscountPercent: "40",
      validityDays: 30,
    };
    const first = nextTier(policy);
    expect(first).toEqual({ aboveDiscountPercent: "15", approvers: 1 });
    policy = withTiers(policy, [first!]);
    policy = editTier(policy, 0, { name: "Sales manager" });
    const second = nextTier(policy);
    // 10 points above the last, one approver more.
    expect(second).toEqual({ aboveDiscountPercent: "25", approvers: 2 });
    policy = withTiers(policy, [...(policy?.approvalTiers ?? []), second!]);
    policy = editTier(policy, 1, { name: "Sales manager and finance" });
    expect(policy).toEqual(saas.quotePolicy);
    expect(policyErrors(policy)).toEqual([]);
  });

  it("the stated threshold follows the lowest tier, both ways", () => {
    const policy = saas.quotePolicy;
    const raised = editTier(policy, 0, { aboveDiscountPercent: "20" });
    expect(raised?.approvalThresholdPercent).toBe("20");
    expect(policyErrors(raised)).toEqual([]);
    const typed = withThreshold(policy, "10");
    expect(typed?.approvalTiers?.[0]?.aboveDiscountPercent).toBe("10");
    expect(policyErrors(typed)).toEqual([]);
    // Emptied: the tiers decide alone.
    expect(withThreshold(policy, " ")).not.toHaveProperty("approvalThresholdPercent");
    // Moving the higher tier first reports the order at the tier, which moving back fixes.
    const moved = moveTier(policy, 1, 0);
    expect(moved?.approvalThresholdPercent).toBe("25");
    expect(policyErrors(moved)).toEqual([
      "policy.tiers-not-ascending /quotePolicy/approvalTiers/1/aboveDiscountPercent",
    ]);
    expect(moveTier(moved, 1, 0)).toEqual(policy);
  });

  it("deleting the last tier removes the list (the schema wants one at least); an empty name goes", () => {
    const one = removeTier(saas.quotePolicy, 1);
    expect(one?.approvalTiers).toHaveLength(1);
    expect(removeTier(one, 0)).not.toHaveProperty("approvalTiers");
    expect(withTiers(undefined, [])).toBeUndefined();
    expect(editTier(saas.quotePolicy, 0, { name: "" })?.approvalTiers?.[0]).toEqual({
      aboveDiscountPercent: "15",
      approvers: 1,
    });
  });

  it("adds no tier above one that already needs five approvers", () => {
    expect(nextTier({ approvalTiers: [{ aboveDiscountPercent: "50", approvers: 5 }] })).toBeUndefined();
    // And never past 99% off.
    expect(nextTier({ approvalTiers: [{ aboveDiscountPercent: "95", approvers: 1 }] })).toEqual({
      aboveDiscountPercent: "99",
      approvers: 2,
    });
  });
});
