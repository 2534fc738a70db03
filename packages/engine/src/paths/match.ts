/**
 * Path-rule matching, shared by `paths` (which moves are allowed, and how) and `validate`
 * (which cases can never match because an earlier one always wins).
 *
 * Semantics: path rules are ordered cases; the first case whose every present condition holds
 * decides the move. A case with no conditions at all is the catch-all default. Conditions:
 * `kinds` contains the move's kind; `from`/`to` match the current/target package (every field of
 * a PackageMatch present must hold: id in `packages`, portfolio in `portfolios`, tier within
 * `minTier`..`maxTier`); `billingPeriods` contains the arrangement's billing period; `phases`
 * contains its phase; `priceBooks` contains the book it is priced from (the catalog's default
 * when it names none). A case with a `to` condition never matches a move without a target
 * (terminate, remove_add_on). The add-on moves (remove_add_on, change_add_on, where from/to are the
 * add-ons) match only cases whose `kinds` name them: a case without `kinds` speaks for the base
 * package, so a catalog's catch-all default never changes how add-ons are cancelled.
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules (Kill Bill's
 * ordered plan-change cases, the model for these rules)
 */
import type { Package, PackageMatch, PathRuleCase } from "@tessera/schema";

export type MoveKind = NonNullable<PathRuleCase["kinds"]>[number];
/** The kinds a case without `kinds` matches: every move of the base package. */
export const BASE_KINDS: readonly MoveKind[] = ["upgrade", "downgrade", "crossgrade", "renew", "terminate"];
export type BillingPeriod = Package["billingPeriods"][number];
export type Phase = "trial" | "intro" | "evergreen";

/** The facts of a move that path-rule cases look at. */
export interface MatchableMove {
  kind: MoveKind;
  from: Package;
  /** The target package; absent for terminate. */
  to?: Package;
  billingPeriod: BillingPeriod;
  phase: Phase;
  /**
   * The price book the arrangement is priced from (the catalog's default when it names none);
   * when absent, a case with a `priceBooks` condition does not match.
   */
  priceBook?: string;
}

/** Whether `pkg` satisfies every field present in `m`. */
export function matchesPackage(m: PackageMatch, pkg: Package): boolean {
  if (m.packages !== undefined && !m.packages.includes(pkg.id)) return false;
  if (m.portfolios !== undefined && !m.portfolios.includes(pkg.portfolio)) return false;
  if (m.minTier !== undefined && pkg.tier < m.minTier) return false;
  if (m.maxTier !== undefined && pkg.tier > m.maxTier) return false;
  return true;
}

/** Whether the path-rule case applies to the move (every condition present holds). */
export function matchesCase(c: PathRuleCase, move: MatchableMove): boolean {
  if (c.kinds === undefined ? !BASE_KINDS.includes(move.kind) : !c.kinds.includes(move.kind)) return false;
  if (c.billingPeriods !== undefined && !c.billingPeriods.includes(move.billingPeriod)) return false;
  if (c.phases !== undefined && !c.phases.includes(move.phase)) return false;
  if (c.priceBooks !== undefined && (move.priceBook === undefined || !c.priceBooks.includes(move.priceBook)))
    return false;
  if (c.from !== undefined && !matchesPackage(c.from, move.from)) return false;
  if (c.to !== undefined && (move.to === undefined || !matchesPackage(c.to, move.to))) return false;
  return true;
}

/** The first case matching the move, or undefined when none does. */
export function firstMatchingCase(
  cases: readonly PathRuleCase[],
  move: MatchableMove,
): PathRuleCase | undefined {
  for (const c of cases) if (matchesCase(c, move)) return c;
  return undefined;
}

/** A case that matches every move, terminate included (the default case). */
export function isCatchAll(c: PathRuleCase): boolean {
  return (
    c.kinds === undefined &&
    c.billingPeriods === undefined &&
    c.phases === undefined &&
    c.priceBooks === undefined &&
    (c.from === undefined || isEmptyMatch(c.from)) &&
    c.to === undefined
  );
}

function isEmptyMatch(m: PackageMatch): boolean {
  return (
    m.packages === undefined &&
    m.portfolios === undefined &&
    m.minTier === undefined &&
    m.maxTier === undefined
  );
}

/**
 * Kind of a move between two packages implied by the ladder: a higher tier is an upgrade, a lower
 * one a downgrade, the same tier a crossgrade (also used for moves a case names explicitly).
 */
export function impliedKind(from: Package, to: Package): "upgrade" | "downgrade" | "crossgrade" {
  return to.tier > from.tier ? "upgrade" : to.tier < from.tier ? "downgrade" : "crossgrade";
}
