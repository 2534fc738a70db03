/**
 * The quote policy's approval tiers as the designer edits them (Salesforce CPQ's advanced approvals,
 * checked by the engine's `approvals` check): an ordered list of discount thresholds, each needing
 * more distinct approvers than the one below it.
 *
 * Every edit goes through `withTiers`, which keeps the document writable by the form alone: an empty
 * list removes the key (the schema wants at least one tier), and `approvalThresholdPercent`, which
 * older catalogs carry and which must equal the lowest tier's percent when both are given, follows
 * the lowest tier instead of turning into a `policy.threshold-tier-mismatch` error.
 */
import { Decimal } from "@tessera/engine";
import type { ApprovalTier, QuotePolicy } from "@tessera/schema";
import { moveItem } from "./docEdit.ts";

/** The most approvers the schema lets a tier ask for. */
export const MAX_APPROVERS = 5;

/** The policy with `tiers` (none: the key goes), the stated threshold kept equal to the lowest tier. */
export function withTiers(
  policy: QuotePolicy | undefined,
  tiers: readonly ApprovalTier[],
): QuotePolicy | undefined {
  const { approvalTiers: _t, ...rest } = policy ?? {};
  const next: QuotePolicy =
    tiers.length > 0
      ? { ...rest, approvalTiers: [...tiers] as NonNullable<QuotePolicy["approvalTiers"]> }
      : rest;
  const lowest = tiers[0]?.aboveDiscountPercent;
  if (lowest !== undefined && next.approvalThresholdPercent !== undefined)
    next.approvalThresholdPercent = lowest;
  return Object.keys(next).length > 0 ? next : undefined;
}

/**
 * A tier to add after the last: 10 points above it and one approver more; the first tier starts at
 * the stated threshold (or 10%) with one approver. Undefined when the last tier already needs the
 * most approvers allowed, since a higher tier must need more.
 */
export function nextTier(policy: QuotePolicy | undefined): ApprovalTier | undefined {
  const tiers = policy?.approvalTiers ?? [];
  const last = tiers[tiers.length - 1];
  if (!last) return { aboveDiscountPercent: policy?.approvalThresholdPercent ?? "10", approvers: 1 };
  if (last.approvers >= MAX_APPROVERS) return undefined;
  const percent = Decimal.tryParse(last.aboveDiscountPercent);
  const above = percent ? Decimal.min(percent.add(Decimal.of(10)), Decimal.of(99)) : Decimal.of(10);
  return { aboveDiscountPercent: above.toString(), approvers: last.approvers + 1 };
}

/** The policy with tier `index` changed by `patch` (an empty name removes the key). */
export function editTier(
  policy: QuotePolicy | undefined,
  index: number,
  patch: Partial<ApprovalTier>,
): QuotePolicy | undefined {
  const tiers = (policy?.approvalTiers ?? []).map((t, i) => {
    if (i !== index) return t;
    const next: ApprovalTier = { ...t, ...patch };
    if (patch.name !== undefined && patch.name.trim() === "") delete next.name;
    return next;
  });
  return withTiers(policy, tiers);
}

/** The policy with tier `index` moved to `to`. */
export const moveTier = (policy: QuotePolicy | undefined, index: number, to: number) =>
  withTiers(policy, moveItem(policy?.approvalTiers ?? [], index, to));

/** The policy without tier `index`. */
export const removeTier = (policy: QuotePolicy | undefined, index: number) =>
  withTiers(
    policy,
    (policy?.approvalTiers ?? []).filter((_, i) => i !== index),
  );

/**
 * The policy with the threshold typed in the threshold field: with tiers, the lowest tier moves
 * with it (the two must agree); empty removes the stated threshold and leaves the tiers.
 */
export function withThreshold(policy: QuotePolicy | undefined, text: string): QuotePolicy | undefined {
  const { approvalThresholdPercent: _a, ...rest } = policy ?? {};
  const v = text.trim();
  if (v === "") return Object.keys(rest).length > 0 ? rest : undefined;
  const tiers = policy?.approvalTiers;
  if (!tiers) return { ...rest, approvalThresholdPercent: v };
  return withTiers(
    { ...rest, approvalThresholdPercent: v },
    tiers.map((t, i) => (i === 0 ? { ...t, aboveDiscountPercent: v } : t)),
  );
}
