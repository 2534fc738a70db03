/**
 * Kill Bill's catalog vocabulary: the enumerations its catalog XML uses (from the killbill-api
 * enums the catalog classes bind) and how Tessera's words map onto them.
 * @see https://docs.killbill.io/latest/userguide_subscription.html
 */
import type { BillingPeriod } from "@tessera/schema";

export const PRODUCT_CATEGORIES = ["BASE", "ADD_ON", "STANDALONE"] as const;
export const PHASE_TYPES = ["TRIAL", "DISCOUNT", "FIXEDTERM", "EVERGREEN"] as const;
export const TIME_UNITS = ["DAYS", "WEEKS", "MONTHS", "YEARS", "UNLIMITED"] as const;
export const BILLING_PERIODS = [
  "DAILY",
  "WEEKLY",
  "BIWEEKLY",
  "THIRTY_DAYS",
  "THIRTY_ONE_DAYS",
  "SIXTY_DAYS",
  "NINETY_DAYS",
  "MONTHLY",
  "BIMESTRIAL",
  "QUARTERLY",
  "TRIANNUAL",
  "BIANNUAL",
  "ANNUAL",
  "SESQUIANNUAL",
  "BIENNIAL",
  "TRIENNIAL",
  "NO_BILLING_PERIOD",
] as const;
export const ACTION_POLICIES = ["START_OF_TERM", "END_OF_TERM", "IMMEDIATE", "ILLEGAL"] as const;
export const CHANGE_ALIGNMENTS = [
  "START_OF_BUNDLE",
  "START_OF_SUBSCRIPTION",
  "CHANGE_OF_PLAN",
  "CHANGE_OF_PRICELIST",
] as const;
export const CREATE_ALIGNMENTS = ["START_OF_BUNDLE", "START_OF_SUBSCRIPTION"] as const;
export const BILLING_ALIGNMENTS = ["ACCOUNT", "BUNDLE", "SUBSCRIPTION"] as const;
export const BILLING_MODES = ["IN_ADVANCE", "IN_ARREAR"] as const;
export const USAGE_TYPES = ["CAPACITY", "CONSUMABLE"] as const;
export const TIER_BLOCK_POLICIES = ["ALL_TIERS", "TOP_TIER"] as const;
export const FIXED_TYPES = ["ONE_TIME"] as const;
export const BLOCK_TYPES = ["VANILLA", "TOP_UP", "TIERED"] as const;

export type KbBillingPeriod = (typeof BILLING_PERIODS)[number];
export type KbPhaseType = (typeof PHASE_TYPES)[number];
export type KbPolicy = (typeof ACTION_POLICIES)[number];

/** Tessera billing periods Kill Bill can carry; `upfront` (the whole term at once) has no plan equivalent. */
export const TO_KB_PERIOD: Partial<Record<BillingPeriod, KbBillingPeriod>> = {
  week: "WEEKLY",
  two_weeks: "BIWEEKLY",
  month: "MONTHLY",
  quarter: "QUARTERLY",
  half_year: "BIANNUAL",
  year: "ANNUAL",
};

export const FROM_KB_PERIOD: Partial<Record<KbBillingPeriod, BillingPeriod>> = {
  WEEKLY: "week",
  BIWEEKLY: "two_weeks",
  MONTHLY: "month",
  QUARTERLY: "quarter",
  BIANNUAL: "half_year",
  ANNUAL: "year",
};

/** Months in a Tessera billing period Kill Bill can carry. */
export const PERIOD_MONTHS: Partial<Record<BillingPeriod, number>> = {
  month: 1,
  quarter: 3,
  half_year: 6,
  year: 12,
};

/** Kill Bill phase type to the Tessera arrangement phase path rules match on. */
export const FROM_KB_PHASE: Partial<Record<KbPhaseType, "trial" | "intro" | "evergreen">> = {
  TRIAL: "trial",
  DISCOUNT: "intro",
  EVERGREEN: "evergreen",
};

export const TO_KB_PHASE: Record<"trial" | "intro" | "discount" | "fixed_term" | "evergreen", KbPhaseType> = {
  trial: "TRIAL",
  intro: "DISCOUNT",
  discount: "DISCOUNT",
  fixed_term: "FIXEDTERM",
  evergreen: "EVERGREEN",
};
