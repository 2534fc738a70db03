/**
 * The shape `price()` returns. Amounts are decimal strings with exactly the currency's ISO 4217
 * minor digits (JPY "1200", USD "12.00", KWD "1.250"); no binary floating point reaches them.
 */
import type { BillingPeriod } from "@tessera/schema";
import type { Diagnostic } from "../diagnostic.ts";

/**
 * recurring: billed every billing period (in advance or in arrear); one_time: billed once on the
 * first invoice; usage: metered, billed in arrear (an estimate, or a rate line of amount "0");
 * discount: a negative line (commitment, intro price, seller discount); proration: the partial
 * first period before the billing anchor.
 */
export type PriceLineKind = "recurring" | "one_time" | "usage" | "discount" | "proration";

export interface PriceLine {
  /** Unique within the result: the charge id, `<charge>@<add-on>` for add-on lines, or a discount id. */
  id: string;
  /** The catalog charge the line prices; `null` for lines about several charges (total discounts). */
  chargeId: string | null;
  /** Package the line belongs to (the base package for quote-wide lines). */
  packageId: string;
  kind: PriceLineKind;
  description: string;
  /** Units the line bills (seats, blocks, expected usage); 1 for flat and discount lines. */
  quantity: number;
  /** The line's amount, rounded to the currency's minor unit: per billing period for lines billed
   * every period, once for one-time and proration lines. */
  amount: string;
  /** How the amount was computed, in words ("tier 1: 10 × 8.00 = 80.00; tier 2: 5 × 6.00 = 30.00"). */
  explanation: string;
  /** What this line adds to the first invoice (`amount`, or "0" when it is not on it). */
  firstInvoice: string;
  /** Whether `amount` is part of the regular per-period total (`totals.perPeriod`). */
  perPeriod: boolean;
  /** How many times `amount` is billed over the term (TCV = Σ amount × periods). */
  periods: number;
}

export interface PriceTotals {
  /** Σ line.firstInvoice. */
  firstInvoice: string;
  /** Σ amount of lines with `perPeriod`: the regular bill of one billing period. */
  perPeriod: string;
  /** perPeriod ÷ months per billing period (a week is 12/52 of a month), rounded once. */
  mrr: string;
  /** perPeriod × 12 ÷ months per period (a weekly price × 52), rounded once to the minor unit. */
  arr: string;
  /** Total contract value: Σ amount × periods over the term. */
  tcv: string;
}

/** Key dates of the priced subscription. */
export interface PriceSchedule {
  /** First day of service (quote.startDate, default the pricing date). */
  start: string;
  /** Date of the first invoice: always the start date. */
  firstInvoiceDate: string;
  /** Day after the free trial ends, when recurring charges start; absent without a trial. */
  trialEnds?: string;
  /** Start of the first full billing period (the billing anchor date). */
  firstFullPeriodStart: string;
  /** Number of billing periods the term holds. */
  termPeriods: number;
  /** The base package's phases on the calendar, in order (absent when it has none). */
  phases?: SchedulePhase[];
  /** When the last phase is a fixed term: the day the subscription ends with it. */
  ends?: string;
  /** The phases of each add-on that has phases of its own (they price that add-on's lines). */
  addOnPhases?: AddOnSchedule[];
  /** How the billing dates were aligned (billing alignment): account, bundle or subscription. */
  billingAlignment?: "account" | "bundle" | "subscription";
}

/** An add-on's own phases on the calendar. */
export interface AddOnSchedule {
  /** The add-on package. */
  package: string;
  name: string;
  phases: SchedulePhase[];
  /** When its last phase is a fixed term: the day the add-on ends with it. */
  ends?: string;
}

/** One phase of the subscription on the calendar. */
export interface SchedulePhase {
  type: "trial" | "intro" | "discount" | "fixed_term" | "evergreen";
  /** Position in the package's phases. */
  index: number;
  start: string;
  /** First day after the phase; absent for an unlimited (evergreen) phase. */
  end?: string;
  /** The phase in words, e.g. "3 months 20% off". */
  words: string;
  /** Invoices of the term dated within the phase (0 for a leading trial: nothing is invoiced). */
  invoices: number;
}

export interface PriceResult {
  currency: string;
  billingPeriod: BillingPeriod;
  /** The term's length in months (month-based terms). */
  termMonths?: number;
  /** The term's length in weeks (week-based terms). */
  termWeeks?: number;
  priceBook: string;
  lines: PriceLine[];
  totals: PriceTotals;
  /** Whether a seller discount goes beyond the catalog's approval threshold. */
  requiresApproval: boolean;
  /** Distinct approvers the quote needs: 0 without approval, else the highest tier reached's count. */
  approvalsRequired: number;
  /** Name of the approval tier reached, when the catalog's tiers name it. */
  approvalTier?: string;
  /** One sentence per discount that needs approval. */
  reasons: string[];
  /** Facts a reader of the quote needs (trial dates, intro price, estimated usage). */
  notes: string[];
  schedule?: PriceSchedule;
  /** Why the quote cannot be priced as given; lines and totals are empty/zero when any is an error. */
  violations: Diagnostic[];
}
