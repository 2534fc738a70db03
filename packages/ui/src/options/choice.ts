/**
 * What the configurator says about one choice (an option, an add-on): the states of `configure`,
 * and for required/disabled the reason naming the picks and rules that cause it. `switch`: another
 * option of a pick-one group that has a pick; picking it replaces that pick (no reason: nothing
 * excludes it).
 */
export type ChoiceState = "selected" | "available" | "required" | "disabled" | "switch";

export interface Choice {
  id: string;
  name: string;
  description?: string;
  state: ChoiceState;
  /** Why it is required or disabled, in words a seller understands. */
  reason?: string;
  /** Price hint shown beside the name, already formatted (e.g. "+$10.00 / month"). */
  priceHint?: string;
}
