/** Maps the engine's PriceResult to PriceSummary props. */
import type { PriceResult } from "@tessera/engine";
import type { PriceSummaryProps } from "@tessera/ui";

export function priceSummaryProps(result: PriceResult): PriceSummaryProps {
  return {
    currency: result.currency,
    billingPeriod: result.billingPeriod,
    lines: result.lines.map((l) => ({
      id: l.id,
      label: l.description,
      kind: l.kind,
      amount: l.amount,
      explanation: l.explanation,
    })),
    totals: result.totals,
    requiresApproval: result.requiresApproval,
    reasons: result.reasons,
    violations: result.violations.filter((v) => v.severity === "error").map((v) => v.message),
  };
}
