/**
 * The billing periods every designer form offers, in the engine's order (weekly to up front): one
 * list, so a period the schema gains reaches the terms, price points, grid and path cases at once.
 */
import { PERIOD_ADVERB } from "@tessera/engine";
import type { BillingPeriod } from "@tessera/schema";

export const BILLING_PERIODS = Object.keys(PERIOD_ADVERB) as readonly BillingPeriod[];
