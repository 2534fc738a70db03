/**
 * The shapes `paths` and `applyMove` speak. Amounts are decimal strings in the arrangement's
 * currency, rounded to its ISO 4217 minor unit; dates are "YYYY-MM-DD".
 */
import type { Arrangement, BillingPeriod } from "@tessera/schema";

export type MoveKind =
  | "renew"
  | "upgrade"
  | "downgrade"
  | "crossgrade"
  | "add_on"
  | "remove_add_on"
  | "change_add_on"
  | "change_version"
  | "change_quantity"
  | "terminate"
  | "uncancel"
  | "retention_offer";

/** When a move takes effect; `illegal` moves are blocked. */
export type Timing = "immediate" | "end_of_term" | "next_billing_date" | "illegal";

export type ProrationPolicy = "prorate" | "none" | "full_credit";

/** One proration line on the invoice that follows the move. */
export interface ProrationLine {
  /** credit: unused part of the old price (negative amount); charge: the new price (positive). */
  kind: "credit" | "charge";
  description: string;
  /** Signed decimal string, rounded once to the currency's minor unit. */
  amount: string;
  /** First day of the billing period the line covers. */
  periodStart: string;
  /** First day after that billing period. */
  periodEnd: string;
  /** Days of the period the line charges or credits. */
  days: number;
  /** Days in the whole period. */
  periodDays: number;
  /**
   * in_advance: settles a period already invoiced (credit unused, charge remaining now);
   * in_arrear: bills a period not invoiced yet (used days at the old price, the rest at the new).
   */
  timing: "in_advance" | "in_arrear";
}

/** carried: kept and billed; dropped: cancelled; included: bundled by the new base, no longer billed. */
export type AddOnFateKind = "carried" | "dropped" | "included";

export interface AddOnFate {
  package: string;
  fate: AddOnFateKind;
  reason: string;
}

/** Quantity bounds a change_quantity move allows; applyMove takes the new quantity. */
export interface QuantityRange {
  /** Component id (or held add-on id for an add-on's unit count). */
  component: string;
  current: number;
  min: number;
  /** Omitted: no upper limit. */
  max?: number;
  step: number;
  /** Usage-aware suggestion: the smallest allowed quantity that still covers observed usage. */
  suggested?: number;
}

export interface Move {
  /** Stable id a client sends back to applyMove: "upgrade:business", "renew:12", "add_on:sso". */
  id: string;
  kind: MoveKind;
  /** Package (or component, for change_quantity) the move is about. */
  target: string;
  /** One line a seller reads, e.g. "Upgrade to Business". */
  label: string;
  valid: boolean;
  /** Why the move is blocked (when not valid). */
  reasons: string[];
  /** Id of the path rule case that blocks it, when one does. */
  blockedBy?: string;
  /** What else changes when the move is made (billing period switch, options reset, clamped quantities). */
  notes: string[];
  /** Path rule case that decided timing and proration; absent when the default behaviour applied. */
  ruleCase?: string;
  timing?: Timing;
  prorationPolicy?: ProrationPolicy;
  effectiveDate?: string;
  proration: ProrationLine[];
  /** Sum of the proration lines: what the move adds to the customer's bills (negative: a credit). */
  prorationNet?: string;
  /** Recurring price per billing period after the move. */
  newRecurring?: string;
  /** Monthly recurring revenue after the move. */
  newMrr?: string;
  /** New MRR − current MRR. */
  mrrDelta?: string;
  termRestarts?: boolean;
  /** The term after the move. */
  term?: { months?: number; weeks?: number; start: string; end: string };
  billingPeriod?: BillingPeriod;
  /** change_add_on: the held add-on the move replaces (`target` is the one it changes to). */
  replaces?: string;
  /** The price book the arrangement is priced from after the move, when a path rule changes it. */
  priceBook?: string;
  addOns: AddOnFate[];
  /** One-time charges the move adds, billed on its effective date (an add-on's setup or device). */
  oneTime?: string;
  /** terminate: the earliest day the arrangement can end (asOf + notice); a chosen date may not be before it. */
  earliestDate?: string;
  /** Early termination fee (terminate). */
  fee?: string;
  /** Quantity bounds (change_quantity, and add_on for add-ons sold in units). */
  quantity?: QuantityRange;
  /** The retention offer this move presents. */
  offer?: {
    id: string;
    name: string;
    kind: "discount" | "downgrade";
    percent?: string;
    /** Billing periods (invoices) the discount covers on this arrangement's billing period. */
    periods?: number;
    /** The offer's duration in calendar months, when it states one. */
    months?: number;
  };
  /** Usage-aware rank: 1 is the best right-sizing move. */
  recommended?: number;
}

export type InsightKind = "over_provisioned" | "over_consumption";

export interface Insight {
  kind: InsightKind;
  /** Component id the observation is about. */
  component: string;
  used: number;
  /** Quantity paid for (over_provisioned) or covered (included + purchased, over_consumption). */
  quantity: number;
  message: string;
  /** Move ids that right-size it, best first. */
  moves: string[];
}

/** Observed usage of one component against what the arrangement covers (the account view's gauge). */
export interface UsageLine {
  component: string;
  /** The component's (or its service's) name. */
  label: string;
  unit: string;
  used: number;
  /**
   * Units covered: for a licensed component the quantity held (with what add-ons deliver), for a
   * metered one the units included in its usage price; null when nothing caps it.
   */
  allowance: number | null;
  metered: boolean;
}

export interface PathsResult {
  moves: Move[];
  insights: Insight[];
  /** Usage against allowance, for each component with observed usage (empty without usage). */
  usage?: UsageLine[];
  current: {
    package: string;
    /** Recurring price per billing period now (the arrangement's snapshot, else priced). */
    recurring: string;
    mrr: string;
    currency: string;
    /**
     * The arrangement in words, the same for the CLI, the API and the path explorer: package,
     * billing period, term and its dates, and the phase in force with its end, e.g. "Weekly box,
     * billed weekly; 12-week term 2026-01-05 to 2026-03-30; discount phase until 2026-01-19."
     */
    summary?: string;
    /** The end of the billing period containing asOf: where "end of the billing period" moves take effect. */
    nextBillingDate?: string;
  };
  /** Why the arrangement could not be evaluated at all (malformed dates or amounts); moves is empty then. */
  problems: string[];
}

export interface MoveRequest {
  id: string;
  /** change_quantity and add_on: the new quantity. */
  quantity?: number;
  /** renew, and base changes that restart the term: the term length wanted. */
  termMonths?: number;
  /**
   * renew: new quantities for the renewed term, by component id of the renewed package (the
   * components not named keep theirs). Fixed and metered components cannot be set.
   */
  quantities?: Record<string, number>;
  /**
   * terminate and remove_add_on: end on this chosen date ("YYYY-MM-DD") instead of the policy's
   * date; it may not be before asOf plus the notice period (the move's earliestDate).
   */
  date?: string;
}

export type ApplyResult =
  | { ok: true; arrangement: Arrangement; move: Move }
  | { ok: false; reasons: string[] };
