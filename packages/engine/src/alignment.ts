/**
 * Alignment rules, as Kill Bill's plan rules name them: ordered cases, the first whose `when`
 * matches wins; a case without `when` is the default. Without a matching case the built-in
 * defaults apply, chosen so that a catalog without alignment rules behaves as before:
 * - billing: `account` (billing dates fall on the account's billing day: the quote's
 *   billingAnchorDay; an add-on bills on its base's dates);
 * - create: `start_of_bundle` (an add-on's phases count from its base subscription's start);
 * - change: `change_date` (after a plan change the new package's phases start on the change).
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_alignments
 * @see https://docs.killbill.io/latest/catalog.html#_billing_alignment
 */
import type {
  AlignmentMatch,
  BillingAlignmentCase,
  BillingPeriod,
  ChangeAlignmentCase,
  CreateAlignmentCase,
  Package,
} from "@tessera/schema";
import type { CompiledCatalog } from "./compile.ts";

export type BillingAlignment = BillingAlignmentCase["alignment"];
export type CreateAlignment = CreateAlignmentCase["alignment"];
export type ChangeAlignment = ChangeAlignmentCase["alignment"];

export interface Aligned<A> {
  alignment: A;
  /** The id of the case that decided (or its position, "billing #2"), absent for the built-in default. */
  caseId?: string;
}

/** Whether a case's `when` matches the package on a billing period. */
export function alignmentMatches(
  when: AlignmentMatch | undefined,
  pkg: Package,
  period: BillingPeriod,
): boolean {
  if (!when) return true;
  if (when.roles && !when.roles.includes(pkg.role)) return false;
  if (when.packages && !when.packages.includes(pkg.id)) return false;
  if (when.portfolios && !when.portfolios.includes(pkg.portfolio)) return false;
  if (when.billingPeriods && !when.billingPeriods.includes(period)) return false;
  return true;
}

function decide<A, C extends { id?: string; when?: AlignmentMatch; alignment: A }>(
  kind: string,
  cases: readonly C[] | undefined,
  pkg: Package,
  period: BillingPeriod,
  fallback: A,
): Aligned<A> {
  const list = cases ?? [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (alignmentMatches(c.when, pkg, period))
      return { alignment: c.alignment, caseId: c.id ?? `${kind} #${i + 1}` };
  }
  return { alignment: fallback };
}

/** On which dates `pkg` bills: account, bundle or subscription. */
export function billingAlignment(
  catalog: CompiledCatalog,
  pkg: Package,
  period: BillingPeriod,
): Aligned<BillingAlignment> {
  return decide<BillingAlignment, BillingAlignmentCase>(
    "billing",
    catalog.doc.alignments?.billing,
    pkg,
    period,
    "account",
  );
}

/** From which date a new add-on's phases count. */
export function createAlignment(
  catalog: CompiledCatalog,
  addOn: Package,
  period: BillingPeriod,
): Aligned<CreateAlignment> {
  return decide<CreateAlignment, CreateAlignmentCase>(
    "create",
    catalog.doc.alignments?.create,
    addOn,
    period,
    "start_of_bundle",
  );
}

/** From which date the new package's phases count after a plan change (matched on the target). */
export function changeAlignment(
  catalog: CompiledCatalog,
  to: Package,
  period: BillingPeriod,
): Aligned<ChangeAlignment> {
  return decide<ChangeAlignment, ChangeAlignmentCase>(
    "change",
    catalog.doc.alignments?.change,
    to,
    period,
    "change_date",
  );
}

export const ALIGNMENT_WORDS: Record<BillingAlignment | CreateAlignment | ChangeAlignment, string> = {
  account: "the account's billing day",
  bundle: "the base package's billing dates",
  subscription: "its own anniversary",
  start_of_bundle: "the start of the bundle",
  start_of_subscription: "the start of the subscription",
  change_date: "the change date",
};
