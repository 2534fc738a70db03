/**
 * Rules for every quote of the catalog: when a discount needs approval (one threshold, or tiers of
 * more approvers for larger discounts), the most it may be, and how long a quote stays valid.
 */
import type { Catalog, QuotePolicy } from "@tessera/schema";
import { ApprovalTiers } from "./ApprovalTiers.tsx";
import { withThreshold } from "./approvalTiers.ts";
import { type Patch, type Path, patchObject } from "./docEdit.ts";
import { NumberField, TextField } from "./fields.tsx";

export function QuotePolicySection({
  doc,
  set,
  readOnly,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  readOnly: boolean;
}) {
  const policy = doc.quotePolicy;
  const put = (patch: Patch<QuotePolicy>) => set(["quotePolicy"], patchObject(policy, patch));
  return (
    <section className="ts-card" aria-labelledby="quote-policy-title">
      <h2 id="quote-policy-title">Quote policy</h2>
      <div className="grid-3">
        <TextField
          label="Approval needed above (% off)"
          pointer="/quotePolicy/approvalThresholdPercent"
          value={policy?.approvalThresholdPercent}
          readOnly={readOnly}
          placeholder="0"
          hint={
            policy?.approvalTiers
              ? "The lowest approval tier starts here; the two move together."
              : "A quote discounted by more than this goes to an approver. Empty: any discount does."
          }
          onChange={(v) => set(["quotePolicy"], withThreshold(policy, v))}
        />
        <TextField
          label="Largest discount allowed (%)"
          pointer="/quotePolicy/maxDiscountPercent"
          value={policy?.maxDiscountPercent}
          readOnly={readOnly}
          placeholder="no limit"
          hint="Discounts beyond this are refused outright."
          onChange={(v) => put({ maxDiscountPercent: v.trim() || undefined })}
        />
        <NumberField
          label="Quotes valid for (days)"
          pointer="/quotePolicy/validityDays"
          value={policy?.validityDays}
          readOnly={readOnly}
          hint="A sent quote expires after this many days. Empty: 30."
          onChange={(v) => put({ validityDays: v })}
        />
      </div>
      <ApprovalTiers doc={doc} set={set} readOnly={readOnly} />
    </section>
  );
}
