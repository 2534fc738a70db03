import { formatMoney, PERIOD_LABEL } from "../format/money.ts";

export interface PriceLineView {
  id: string;
  label: string;
  /** recurring, one_time, usage, discount… shown as a badge. */
  kind: string;
  /** Decimal string in the summary's currency (negative for discounts and credits). */
  amount: string;
  /** How the amount was computed, e.g. "tier 1: 10 × 8.00 = 80.00". */
  explanation?: string;
}

export interface PriceTotalsView {
  firstInvoice: string;
  perPeriod: string;
  mrr: string;
  arr: string;
  tcv: string;
}

export interface PriceSummaryProps {
  currency: string;
  billingPeriod: string;
  lines: readonly PriceLineView[];
  totals: PriceTotalsView;
  requiresApproval: boolean;
  /**
   * Where a saved quote's approval stands (a draft in the builder has none): an approved discount
   * reads "Discount approved", not "Needs approval" with the reasons it was asked for.
   */
  approvalState?: "none" | "pending" | "approved" | "rejected";
  /** Why approval is needed. */
  reasons?: readonly string[];
  /** Problems that keep the quote from being priced as is. */
  violations?: readonly string[];
  /**
   * `customer`: the public self-service page — totals in a buyer's words, and no approval state
   * (approval is the seller's internal matter). Default `seller`.
   */
  audience?: "seller" | "customer";
}

const TOTALS: [keyof PriceTotalsView, string][] = [
  ["firstInvoice", "First invoice"],
  ["perPeriod", "Per period"],
  ["mrr", "MRR"],
  ["arr", "ARR"],
  ["tcv", "TCV"],
];

const APPROVAL_BADGE: Record<NonNullable<PriceSummaryProps["approvalState"]>, string> = {
  none: "Needs approval",
  pending: "Approval pending",
  approved: "Discount approved",
  rejected: "Approval rejected",
};

/** The same totals as a buyer reads them. */
const CUSTOMER_TOTALS: Record<keyof PriceTotalsView, string> = {
  firstInvoice: "First invoice",
  perPeriod: "Each bill",
  mrr: "Per month",
  arr: "Per year",
  tcv: "Whole term",
};

/** The priced quote: every line with its explanation, the five totals and the approval flag. */
export function PriceSummary({
  currency,
  billingPeriod,
  lines,
  totals,
  requiresApproval,
  approvalState = "none",
  reasons = [],
  violations = [],
  audience = "seller",
}: PriceSummaryProps) {
  const customer = audience === "customer";
  return (
    <section className="ts-card" aria-labelledby="ts-price-summary-title">
      <div className="ts-row" style={{ justifyContent: "space-between" }}>
        <h2 id="ts-price-summary-title">Price summary</h2>
        {customer ? null : requiresApproval ? (
          <span
            className={approvalState === "approved" ? "ts-badge ts-badge--ok" : "ts-badge ts-badge--warn"}
          >
            {APPROVAL_BADGE[approvalState]}
          </span>
        ) : (
          <span className="ts-badge ts-badge--ok">No approval needed</span>
        )}
      </div>
      {!customer && requiresApproval && approvalState !== "approved" && reasons.length > 0 ? (
        <ul
          className="ts-alert ts-alert--warn"
          aria-label="Approval reasons"
          style={{ paddingLeft: "1.75rem" }}
        >
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {violations.length > 0 ? (
        <ul className="ts-alert ts-alert--danger" aria-label="Problems" style={{ paddingLeft: "1.75rem" }}>
          {violations.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      ) : null}
      <dl className="ts-totals">
        {TOTALS.map(([key, label]) => (
          <div className="ts-total" key={key}>
            <dt>{customer ? CUSTOMER_TOTALS[key] : label}</dt>
            <dd data-total={key}>{formatMoney(totals[key], currency)}</dd>
          </div>
        ))}
      </dl>
      <p className="ts-hint">
        Recurring charges are billed per {PERIOD_LABEL[billingPeriod] ?? billingPeriod}, in {currency}.{" "}
        {customer ? "Prices exclude taxes." : "Taxes are left to the billing system."}
      </p>
      <table className="ts-table">
        <caption className="ts-visually-hidden">Price lines</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Kind</th>
            <th scope="col" className="ts-num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <td>
                {line.label}
                {line.explanation ? <div className="ts-explain">{line.explanation}</div> : null}
              </td>
              <td>
                <span className={line.kind === "discount" ? "ts-badge ts-badge--accent" : "ts-badge"}>
                  {line.kind.replace("_", " ")}
                </span>
              </td>
              <td className="ts-num">{formatMoney(line.amount, currency)}</td>
            </tr>
          ))}
          {lines.length === 0 ? (
            <tr>
              <td colSpan={3} className="ts-hint">
                Nothing is charged for this selection.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
