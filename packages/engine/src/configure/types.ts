import type { BillingPeriod } from "@tessera/schema";
import type { Diagnostic } from "../diagnostic.ts";

/**
 * selected: the seller picked it. available: picking it (or leaving it) still leads to a complete,
 * valid configuration. required: every complete, valid configuration with the current picks has it.
 * disabled: none has it (a rule, a group's limits or a missing price excludes it; the reason says
 * which). switch: an option of a pick-one group (at most one pick) that already has a pick; picking
 * it replaces that pick (and the picks nested under it), and the configuration stays valid. A
 * switch has no reason: nothing excludes it.
 */
export type ChoiceState = "selected" | "available" | "required" | "disabled" | "switch";

/** Why a choice is required or disabled. */
export interface Reason {
  /** Ids of the rules, option groups and add-on packages (compatibility) behind it. */
  rules: string[];
  /** A smallest set of the seller's own picks (option and add-on ids) that forces it; may be empty. */
  picks: string[];
  /** The reason in one plain sentence. */
  message: string;
}

export interface OptionChoice {
  id: string;
  name: string;
  /** Package the option belongs to: the base or one of its add-ons. */
  package: string;
  group: string;
  state: ChoiceState;
  /**
   * switch only: the picks that picking this option removes — the group's current pick, then the
   * picks in groups nested under it — in selection order.
   */
  replaces?: string[];
  reason?: Reason;
}

export interface AddOnChoice {
  id: string;
  name: string;
  state: ChoiceState;
  /** Bundled with the base package: free and not removable. */
  included: boolean;
  reason?: Reason;
}

export interface QuantityChoice {
  component: string;
  /** Package the component belongs to. */
  package: string;
  name: string;
  /** Quantity in effect (the seller's or the default). */
  value: number;
  /** Smallest allowed value given the picks and the other quantities. */
  min: number;
  /** Largest allowed value given the picks and the other quantities; null when unbounded. */
  max: number | null;
  step: number;
  state: ChoiceState;
  reason?: Reason;
  /**
   * When quantity rules narrow min or max below the component's own bounds, with the other
   * quantities as they are: which rules, in words ("Storage is at most 10 GB per seat."), so a
   * seller sees why the range is what it is.
   */
  limits?: string;
}

/** A contract term of the base: available when it can be billed by the billing period in effect. */
export interface TermChoice {
  /** Length in months (month-based terms). */
  months?: number;
  /** Length in weeks (week-based terms). */
  weeks?: number;
  state: ChoiceState;
  reason?: Reason;
}

/** A billing period of the base: available when it can bill the term in effect. */
export interface BillingPeriodChoice {
  period: BillingPeriod;
  state: ChoiceState;
  reason?: Reason;
}

/** What configure filled in because the selection did not say. */
export interface DefaultsApplied {
  /** Default options picked (when the selection had no `picks` for that package). */
  picks: string[];
  /** Quantities filled with the component default. */
  quantities: { component: string; package: string; value: number }[];
  termMonths?: number;
  termWeeks?: number;
  billingPeriod?: BillingPeriod;
  currency?: string;
}

export interface Configuration {
  /** Base package configured ("" when the selection names no known base package). */
  package: string;
  termMonths?: number;
  termWeeks?: number;
  billingPeriod?: BillingPeriod;
  currency?: string;
  /** No violations. */
  valid: boolean;
  /** Valid, and the picks alone satisfy every group minimum and rule (nothing left to choose). */
  complete: boolean;
  /**
   * The base's terms and billing periods, each selected, available, or disabled with the reason
   * (a term is billed in whole periods: an 18-month term cannot be billed per year).
   */
  terms: TermChoice[];
  billingPeriods: BillingPeriodChoice[];
  options: OptionChoice[];
  addOns: AddOnChoice[];
  quantities: QuantityChoice[];
  /** What is wrong with the selection; pointers are into the selection document. */
  violations: Diagnostic[];
  defaultsApplied: DefaultsApplied;
}
