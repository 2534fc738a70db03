/**
 * The ladder of a portfolio as the path rules decide it, for the designer's drawing: which moves
 * between base packages are drawn (neighbouring rungs, packages of one tier, and every pair a case
 * names explicitly), the case that decides each one for a customer on a given billing period and
 * phase, and the path-rule case a drawn arrow creates. Matching is the engine's
 * (`firstMatchingCase`), so the drawing says what `paths` will do.
 */
import { firstMatchingCase, impliedKind, type MatchableMove } from "@tessera/engine";
import type { Catalog, Package, PathRuleCase } from "@tessera/schema";

export type Phase = MatchableMove["phase"];
export type BillingPeriod = Package["billingPeriods"][number];

export interface LadderMove {
  from: string;
  to: string;
  kind: "upgrade" | "downgrade" | "crossgrade";
  /** The deciding case's timing, or the engine's default when no case matches. */
  timing: string;
  /** The deciding case; absent when none matches. */
  caseId?: string;
}

/** Where a customer stands when the drawing asks "which case decides this move?". */
export interface LadderContext {
  billingPeriod: BillingPeriod;
  phase: Phase;
}

/** The engine's outcome when no case matches a plan change (see engine `outcomeFor`). */
const DEFAULT_TIMING = { upgrade: "immediate", downgrade: "end_of_term", crossgrade: "next_billing_date" };

/** The move between two base packages as the customer in `ctx` would see it. */
export function moveBetween(
  cases: readonly PathRuleCase[],
  from: Package,
  to: Package,
  ctx: LadderContext,
): LadderMove {
  const kind = from.portfolio === to.portfolio ? impliedKind(from, to) : "crossgrade";
  const c = firstMatchingCase(cases, { kind, from, to, billingPeriod: ctx.billingPeriod, phase: ctx.phase });
  return c
    ? { from: from.id, to: to.id, kind, timing: c.outcome.timing, caseId: c.id }
    : { from: from.id, to: to.id, kind, timing: DEFAULT_TIMING[kind] };
}

/** The moves drawn on a portfolio's ladder, in a stable order. */
export function ladderMoves(doc: Catalog, portfolio: string, ctx: LadderContext): LadderMove[] {
  const cases = doc.pathRules ?? [];
  const bases = doc.packages.filter((p) => p.portfolio === portfolio && p.role === "base");
  const tiers = [...new Set(bases.map((b) => b.tier))].sort((a, b) => a - b);
  const rung = (tier: number) => tiers.indexOf(tier);
  const explicit = new Set<string>();
  for (const c of cases)
    for (const f of c.from?.packages ?? []) for (const t of c.to?.packages ?? []) explicit.add(`${f}>${t}`);
  const out: LadderMove[] = [];
  for (const from of bases)
    for (const to of bases) {
      if (from === to) continue;
      const near = Math.abs(rung(from.tier) - rung(to.tier)) <= 1;
      if (near || explicit.has(`${from.id}>${to.id}`)) out.push(moveBetween(cases, from, to, ctx));
    }
  return out;
}

/** A case id not used yet, from `base` (`base`, `base-2`, `base-3`, …). */
export function freeCaseId(cases: readonly PathRuleCase[], base: string): string {
  const used = new Set(cases.map((c) => c.id));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * The case a drawn arrow from `from` to `to` creates: that exact move, with the usual outcome of
 * its kind (upgrades now and prorated, the rest at the end of the term). It goes first, so it
 * decides the move it was drawn for.
 */
export function caseForArrow(cases: readonly PathRuleCase[], from: Package, to: Package): PathRuleCase {
  const kind = from.portfolio === to.portfolio ? impliedKind(from, to) : "crossgrade";
  return {
    id: freeCaseId(cases, `${from.id}-to-${to.id}`),
    kinds: [kind],
    from: { packages: [from.id] },
    to: { packages: [to.id] },
    outcome:
      kind === "upgrade"
        ? { timing: "immediate", proration: "prorate" }
        : { timing: "end_of_term", proration: "none" },
  };
}

/** Indexes of the cases that match a move, in order (the first decides). */
export function casesMatching(
  cases: readonly PathRuleCase[],
  doc: Catalog,
  move: LadderMove,
  ctx: LadderContext,
): number[] {
  const from = doc.packages.find((p) => p.id === move.from);
  const to = doc.packages.find((p) => p.id === move.to);
  if (!from || !to) return [];
  const out: number[] = [];
  cases.forEach((c, i) => {
    if (
      firstMatchingCase([c], {
        kind: move.kind,
        from,
        to,
        billingPeriod: ctx.billingPeriod,
        phase: ctx.phase,
      })
    )
      out.push(i);
  });
  return out;
}
