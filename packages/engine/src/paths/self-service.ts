/**
 * Which moves a customer may make themselves (the customer portal). The catalog decides, with
 * defaults chosen so a catalog that says nothing still offers the moves self-service billing
 * portals commonly offer (Stripe's customer portal: upgrades on, cancellations opt-in):
 * - plan changes, renewals and terminations follow the path rule case that decided the move
 *   (`selfService` on the case); when the case says nothing, or no case matched, upgrades are
 *   self-service and downgrades, crossgrades, renewals and terminations are not (they go through
 *   the account team, where retention offers are made);
 * - adding an add-on follows the add-on's `addOn.selfService` (default yes);
 * - withdrawing one's own pending cancellation (uncancel) is self-service;
 * - quantity changes, add-on removals and retention offers are not.
 * @see https://docs.stripe.com/customer-management/configure-portal
 */
import type { Catalog } from "@tessera/schema";
import type { Move } from "./types.ts";

const CASE_KINDS: ReadonlySet<string> = new Set(["upgrade", "downgrade", "crossgrade", "renew", "terminate"]);

/** Whether the customer may make `move` themselves (see the module comment). Validity is separate. */
export function isSelfService(catalog: Catalog, move: Move): boolean {
  if (CASE_KINDS.has(move.kind)) {
    const ruleCase = move.ruleCase ? catalog.pathRules?.find((c) => c.id === move.ruleCase) : undefined;
    return ruleCase?.selfService ?? move.kind === "upgrade";
  }
  if (move.kind === "add_on") {
    const addOn = catalog.packages.find((p) => p.id === move.target);
    return addOn?.addOn?.selfService ?? true;
  }
  return move.kind === "uncancel";
}
