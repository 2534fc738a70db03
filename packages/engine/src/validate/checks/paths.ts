/**
 * Lint of the path rules and the reachability they give (see `paths/match.ts` for how a case
 * matches a move):
 * - the rule set ends in a catch-all default case;
 * - no case is dead: a case matching no package, a duplicate of an earlier case, or one every
 *   move of which an earlier case already matches (shadowing is checked against each earlier case
 *   on its own: kinds, billing periods and phases are supersets, and the earlier case's from/to
 *   match every package the later one's match);
 * - explicit moves agree with the ladder: a case naming from and to packages of one portfolio only
 *   lists kinds the tiers imply (no "upgrade" that goes down);
 * - explicit upgrade edges have no cycle;
 * - draft base packages something leads into, ladders with a sellable package, retention
 *   downgrades that are legal moves.
 */
import type { Package, PackageMatch, PathRuleCase } from "@tessera/schema";
import {
  BASE_KINDS,
  impliedKind,
  isCatchAll,
  type MoveKind,
  matchesCase,
  matchesPackage,
} from "../../paths/match.ts";
import type { Check, CheckContext } from "../check.ts";
import { flag } from "./report.ts";

const ALL_PERIODS = 4;
const ALL_PHASES = 3;

interface Prepared {
  c: PathRuleCase;
  index: number;
  /** Packages the from/to match selects; undefined when the side has no condition. */
  from?: readonly Package[];
  to?: readonly Package[];
  key: string;
}

/** Kinds a case matches: the ones it names, else every move of the base package. */
function kindsOf(c: PathRuleCase): readonly MoveKind[] {
  return c.kinds ?? BASE_KINDS;
}

const ADD_ON_KINDS: readonly MoveKind[] = ["remove_add_on", "change_add_on"];
/** Kinds whose move ends in a price book (the rest leave the arrangement's book as it is). */
const BOOK_KINDS: readonly MoveKind[] = ["upgrade", "downgrade", "crossgrade", "renew"];

function covers<T>(earlier: readonly T[] | undefined, later: readonly T[] | undefined, all: number): boolean {
  if (earlier === undefined) return true;
  if (later === undefined) return earlier.length >= all;
  return later.every((v) => earlier.includes(v));
}

function canonical(c: PathRuleCase): string {
  const sorted = (xs: readonly (string | number)[] | undefined) => (xs === undefined ? null : [...xs].sort());
  const m = (x: PackageMatch | undefined) =>
    x === undefined ? null : [sorted(x.packages), sorted(x.portfolios), x.minTier ?? null, x.maxTier ?? null];
  return JSON.stringify([
    sorted(kindsOf(c)),
    sorted(c.billingPeriods),
    sorted(c.phases),
    sorted(c.priceBooks),
    m(c.from),
    m(c.to),
  ]);
}

function select(ctx: CheckContext, m: PackageMatch, byPortfolio: Map<string, Package[]>): Package[] {
  let pool: readonly Package[];
  if (m.packages !== undefined)
    pool = m.packages.flatMap((id) => {
      const p = ctx.catalog.packages.get(id)?.value;
      return p === undefined ? [] : [p];
    });
  else if (m.portfolios !== undefined) pool = m.portfolios.flatMap((id) => byPortfolio.get(id) ?? []);
  else pool = ctx.doc.packages;
  return pool.filter((p) => matchesPackage(m, p));
}

/** Whether every move `later` matches is matched by `earlier`. */
function subsumes(a: Prepared, b: Prepared, total: number, books: number): boolean {
  if (!covers(kindsOf(a.c), kindsOf(b.c), Number.POSITIVE_INFINITY)) return false;
  if (!covers(a.c.priceBooks, b.c.priceBooks, books)) return false;
  if (!covers(a.c.billingPeriods, b.c.billingPeriods, ALL_PERIODS)) return false;
  if (!covers(a.c.phases, b.c.phases, ALL_PHASES)) return false;
  if (a.c.from !== undefined) {
    const af = a.c.from;
    if (b.from === undefined ? (a.from?.length ?? 0) < total : !b.from.every((p) => matchesPackage(af, p)))
      return false;
  }
  if (a.c.to !== undefined) {
    const at = a.c.to;
    // A later case without `to` also matches terminate moves, which have no target.
    if (b.to === undefined && kindsOf(b.c).some((k) => k === "terminate" || k === "remove_add_on"))
      return false;
    if (b.to === undefined ? (a.to?.length ?? 0) < total : !b.to.every((p) => matchesPackage(at, p)))
      return false;
  }
  return true;
}

function lintCases(
  ctx: CheckContext,
  cases: readonly PathRuleCase[],
  byPortfolio: Map<string, Package[]>,
): void {
  const total = ctx.doc.packages.length;
  const prepared: Prepared[] = [];
  cases.forEach((c, i) => {
    const p: Prepared = { c, index: i, key: canonical(c) };
    if (c.from !== undefined) p.from = select(ctx, c.from, byPortfolio);
    if (c.to !== undefined) p.to = select(ctx, c.to, byPortfolio);
    for (const side of ["from", "to"] as const) {
      if (p[side]?.length === 0)
        flag(
          ctx,
          "paths.case-matches-nothing",
          "warning",
          `/pathRules/${i}/${side}`,
          `matches no package of the catalog, so the case never applies.`,
        );
    }
    lintAddOnCase(ctx, c, i, p);
    if (p.from?.length === 0 || p.to?.length === 0) return;
    for (const earlier of prepared) {
      if (earlier.key === p.key) {
        // An error: the later copy never applies, so whatever outcome it states is silently
        // ignored (Kill Bill refuses duplicate rule cases in a catalog for the same reason).
        flag(
          ctx,
          "paths.case-duplicate",
          "error",
          `/pathRules/${i}`,
          `has the same conditions as the earlier case \`${earlier.c.id}\`, which always wins; remove one.`,
        );
        break;
      }
      if (subsumes(earlier, p, total, Math.max(1, ctx.doc.priceBooks?.length ?? 0))) {
        flag(
          ctx,
          "paths.case-shadowed",
          "warning",
          `/pathRules/${i}`,
          `is never used: the earlier case \`${earlier.c.id}\` already matches every move it matches (the first matching case wins).`,
        );
        break;
      }
    }
    prepared.push(p);
  });
  // A warning, not an error: a move no case matches still gets Tessera's documented defaults
  // (paths/rules.ts), so the catalog works as written; a default case states the policy instead.
  if (!cases.some(isCatchAll))
    flag(
      ctx,
      "paths.no-default",
      "warning",
      "/pathRules",
      "have no default case (one with no conditions, listed last), so moves no case matches follow the built-in defaults (upgrades at once and prorated, downgrades at the end of the term, switches on the next billing date).",
    );
}

/**
 * Add-on moves and price books: a case only about add-on moves must select add-ons (its from/to
 * name the held add-on and the one changed to), a case about base moves must select base packages
 * when it names packages, and a `priceBook` outcome on a case none of whose moves change the book
 * (terminate, the add-on moves) is never used.
 */
function lintAddOnCase(ctx: CheckContext, c: PathRuleCase, i: number, p: Prepared): void {
  const kinds = kindsOf(c);
  const addOnOnly = kinds.every((k) => ADD_ON_KINDS.includes(k));
  const baseOnly = kinds.every((k) => !ADD_ON_KINDS.includes(k));
  for (const side of ["from", "to"] as const) {
    const picked = p[side];
    if (picked === undefined || picked.length === 0) continue;
    if (addOnOnly && picked.every((x) => x.role !== "add_on"))
      flag(
        ctx,
        "paths.case-role-mismatch",
        "error",
        `/pathRules/${i}/${side}`,
        `is about ${kinds.join(" / ")} moves, which leave or take an add-on, but it selects only base packages, so the case never applies; name add-ons here.`,
      );
    else if (baseOnly && picked.every((x) => x.role === "add_on"))
      flag(
        ctx,
        "paths.case-role-mismatch",
        "error",
        `/pathRules/${i}/${side}`,
        `selects only add-ons, but the case is about moves of the base package (${kinds.join(" / ")}), so it never applies; to set an add-on's policy, list remove_add_on or change_add_on in kinds.`,
      );
  }
  if (c.to !== undefined && kinds.every((k) => k === "terminate" || k === "remove_add_on"))
    flag(
      ctx,
      "paths.case-to-ignored",
      "error",
      `/pathRules/${i}/to`,
      `names a target, but ${kinds.join(" / ")} moves have none, so the case never applies; remove \`to\`.`,
    );
  const o = c.outcome;
  // A case prorates when its proration (default: prorate for immediate moves only) is not none.
  if (
    o.prorationStyle !== undefined &&
    (o.proration ?? (o.timing === "immediate" ? "prorate" : "none")) === "none"
  )
    flag(
      ctx,
      "paths.proration-style-ignored",
      "warning",
      `/pathRules/${i}/outcome/prorationStyle`,
      `is never used: the case's moves prorate nothing (${o.proration === "none" ? "proration none" : `timing ${o.timing} without a proration`}), so there is no credit to work out.`,
    );
  if (c.outcome.priceBook !== undefined && !kinds.some((k) => BOOK_KINDS.includes(k)))
    flag(
      ctx,
      "paths.price-book-ignored",
      "warning",
      `/pathRules/${i}/outcome/priceBook`,
      `is never used: ${kinds.join(" / ")} moves keep the arrangement's price book; only upgrades, downgrades, crossgrades and renewals move it to another book.`,
    );
}

/** Explicit from×to pairs of a case, with the implied direction; kinds must include it. */
function lintDirections(ctx: CheckContext, cases: readonly PathRuleCase[]): void {
  cases.forEach((c, i) => {
    const kinds = c.kinds;
    const froms = c.from?.packages;
    const tos = c.to?.packages;
    if (kinds === undefined || froms === undefined || tos === undefined) return;
    if (!kinds.some((k) => k === "upgrade" || k === "downgrade" || k === "crossgrade")) return;
    for (const f of froms) {
      const from = ctx.catalog.packages.get(f)?.value;
      if (from === undefined) continue;
      for (const t of tos) {
        const to = ctx.catalog.packages.get(t)?.value;
        if (to === undefined || to.portfolio !== from.portfolio || to === from) continue;
        const kind = impliedKind(from, to);
        if (!kinds.includes(kind)) {
          flag(
            ctx,
            "paths.case-direction",
            "error",
            `/pathRules/${i}/kinds`,
            `call the move from \`${from.id}\` (tier ${from.tier}) to \`${to.id}\` (tier ${to.tier}) ${kinds.join("/")}, but on the ladder it is a ${kind}, so the case never matches it.`,
          );
          return;
        }
      }
    }
  });
}

/** Cycles among explicit, allowed upgrade moves (iterative Tarjan over package ids). */
function lintUpgradeCycles(ctx: CheckContext, cases: readonly PathRuleCase[]): void {
  const edges = new Map<string, { to: string; caseIndex: number }[]>();
  cases.forEach((c, i) => {
    if (!c.kinds?.includes("upgrade") || c.outcome.timing === "illegal") return;
    const froms = c.from?.packages;
    const tos = c.to?.packages;
    if (froms === undefined || tos === undefined) return;
    for (const f of froms)
      for (const t of tos) {
        if (!ctx.catalog.packages.has(f) || !ctx.catalog.packages.has(t)) continue;
        const list = edges.get(f) ?? [];
        list.push({ to: t, caseIndex: i });
        edges.set(f, list);
      }
  });
  if (edges.size === 0) return;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  for (const root of edges.keys()) {
    if (order.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1] as { node: string; next: number };
      const out = edges.get(top.node) ?? [];
      if (top.next < out.length) {
        const { to } = out[top.next++] as { to: string };
        if (!order.has(to)) {
          order.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node) ?? 0, order.get(to) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(top.node) ?? 0));
      if (low.get(top.node) !== order.get(top.node)) continue;
      const members = new Set<string>();
      for (;;) {
        const n = stack.pop() as string;
        onStack.delete(n);
        members.add(n);
        if (n === top.node) break;
      }
      let caseIndex = Number.POSITIVE_INFINITY;
      for (const m of members)
        for (const e of edges.get(m) ?? [])
          if (members.has(e.to)) caseIndex = Math.min(caseIndex, e.caseIndex);
      if (caseIndex !== Number.POSITIVE_INFINITY)
        flag(
          ctx,
          "paths.upgrade-cycle",
          "error",
          `/pathRules/${caseIndex}`,
          `makes the upgrades between ${[...members]
            .sort()
            .map((m) => `\`${m}\``)
            .join(", ")} go round in a circle, so "upgrade" no longer means moving up.`,
        );
    }
  }
}

/** Whether a move is allowed for at least one billing period of `from` (no matching case = allowed). */
function legal(cases: readonly PathRuleCase[], from: Package, to: Package, kind: "downgrade"): boolean {
  return from.billingPeriods.some((billingPeriod) => {
    for (const c of cases)
      if (matchesCase(c, { kind, from, to, billingPeriod, phase: "evergreen" }))
        return c.outcome.timing !== "illegal";
    return true;
  });
}

export const pathsCheck: Check = {
  id: "paths",
  codes: [
    "paths.no-default",
    "paths.case-matches-nothing",
    "paths.case-duplicate",
    "paths.case-shadowed",
    "paths.case-direction",
    "paths.case-role-mismatch",
    "paths.case-to-ignored",
    "paths.price-book-ignored",
    "paths.proration-style-ignored",
    "paths.upgrade-cycle",
    "package.unreachable",
    "paths.dead-end-ladder",
    "retention.illegal-move",
  ],
  run(ctx) {
    const { doc, catalog } = ctx;
    const cases = doc.pathRules ?? [];
    const byPortfolio = new Map<string, Package[]>();
    for (const p of doc.packages) {
      const list = byPortfolio.get(p.portfolio);
      if (list) list.push(p);
      else byPortfolio.set(p.portfolio, [p]);
    }
    if (cases.length > 0) {
      lintCases(ctx, cases, byPortfolio);
      lintDirections(ctx, cases);
      lintUpgradeCycles(ctx, cases);
    }
    // Where customers can come from besides "create": successors and explicit case targets.
    const ledInto = new Set<string>();
    const explicitFrom = new Map<string, Set<string>>();
    for (const p of doc.packages) if (p.successor !== undefined) ledInto.add(p.successor);
    for (const c of cases) {
      if (c.outcome.timing === "illegal") continue;
      for (const t of c.to?.packages ?? []) ledInto.add(t);
      for (const f of c.from?.packages ?? []) {
        const set = explicitFrom.get(f) ?? new Set<string>();
        for (const t of c.to?.packages ?? []) set.add(t);
        explicitFrom.set(f, set);
      }
    }
    doc.packages.forEach((p, i) => {
      if (p.role === "base" && p.status === "draft" && !ledInto.has(p.id))
        flag(
          ctx,
          "package.unreachable",
          "warning",
          `/packages/${i}`,
          "is a draft that is neither a successor nor the target of any path rule, so no customer can reach it; activate it or remove it.",
        );
    });
    doc.portfolios.forEach((port, i) => {
      const bases = (byPortfolio.get(port.id) ?? []).filter((p) => p.role === "base");
      if (bases.length === 0 || bases.some((p) => p.status === "active")) return;
      const held = bases.filter((p) => p.status === "retired");
      if (held.length === 0 || held.some((p) => p.successor !== undefined || explicitFrom.has(p.id))) return;
      flag(
        ctx,
        "paths.dead-end-ladder",
        "warning",
        `/portfolios/${i}`,
        "has no sellable base package and its retired packages name no successor or path out, so their customers are stuck.",
      );
    });
    doc.packages.forEach((p, i) => {
      p.termination?.retentionOffers?.forEach((o, j) => {
        if (o.kind !== "downgrade" || o.to === undefined) return;
        const to = catalog.packages.get(o.to)?.value;
        if (to === undefined) return;
        let why: string | undefined;
        if (to.status !== "active") why = `it is ${to.status}`;
        else if (to.role !== p.role) why = `it is ${to.role === "base" ? "a base package" : "an add-on"}`;
        else if (to === p) why = "it is the package being cancelled";
        else if (!explicitFrom.get(p.id)?.has(to.id) && (to.portfolio !== p.portfolio || to.tier >= p.tier))
          why = `it is not below \`${p.id}\` on the \`${p.portfolio}\` ladder and no path rule leads there`;
        else if (cases.length > 0 && !legal(cases, p, to, "downgrade"))
          why = "the path rules block that downgrade";
        if (why !== undefined)
          flag(
            ctx,
            "retention.illegal-move",
            "error",
            `/packages/${i}/termination/retentionOffers/${j}/to`,
            `offers a move to \`${to.id}\`, but ${why}.`,
          );
      });
    });
  },
};
