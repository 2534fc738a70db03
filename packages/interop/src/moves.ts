/**
 * How a catalog decides each lifecycle move between its packages, as one table: the timing of
 * every base-to-base change and every termination, on every billing period and phase the package
 * has. The engine's own case matcher decides (first matching path rule), then the engine's
 * per-kind defaults (see packages/engine/src/paths/rules.ts). The Kill Bill exporter writes this
 * table as plan rules and the diff compares two of them.
 */
import { firstMatchingCase, impliedKind } from "@tessera/engine";
import type { BillingPeriod, Catalog, Package, PathRuleCase } from "@tessera/schema";

export type Timing = PathRuleCase["outcome"]["timing"];
export type PhaseName = "trial" | "intro" | "evergreen";

/** Tessera's timings when no case matches (packages/engine/src/paths/rules.ts). */
const DEFAULT_TIMING: Record<"upgrade" | "downgrade" | "crossgrade", Timing> = {
  upgrade: "immediate",
  downgrade: "end_of_term",
  crossgrade: "next_billing_date",
};

export function phasesOf(pkg: Package): PhaseName[] {
  return [...(pkg.phases ?? []).map((p) => p.type), "evergreen"];
}

/** Whether Tessera offers a change from `from` to `to` at all: same portfolio, or a case names both. */
function reachable(rules: readonly PathRuleCase[], from: Package, to: Package): boolean {
  if (from.portfolio === to.portfolio) return true;
  return rules.some((r) => r.from?.packages?.includes(from.id) && r.to?.packages?.includes(to.id));
}

/** When a change from `from` to `to` takes effect (illegal when it is not offered). */
export function changeTiming(
  catalog: Catalog,
  from: Package,
  to: Package,
  billingPeriod: BillingPeriod,
  phase: PhaseName,
): Timing {
  const rules = catalog.pathRules ?? [];
  if (!reachable(rules, from, to)) return "illegal";
  const kind = impliedKind(from, to);
  return (
    firstMatchingCase(rules, { kind, from, to, billingPeriod, phase })?.outcome.timing ?? DEFAULT_TIMING[kind]
  );
}

/**
 * When terminating `pkg` takes effect; for an add-on, when removing it does (its cancel policy:
 * a remove_add_on case, else its own termination policy, else the next billing date).
 */
export function terminateTiming(
  catalog: Catalog,
  pkg: Package,
  billingPeriod: BillingPeriod,
  phase: PhaseName,
): Timing {
  const addOn = pkg.role === "add_on";
  const rule = firstMatchingCase(catalog.pathRules ?? [], {
    kind: addOn ? "remove_add_on" : "terminate",
    from: pkg,
    billingPeriod,
    phase,
  });
  if (rule) return rule.outcome.timing;
  const e = pkg.termination?.effective ?? (addOn ? "end_of_period" : "end_of_term");
  return e === "immediate" ? "immediate" : e === "end_of_period" ? "next_billing_date" : "end_of_term";
}

/** Every move's timing, keyed by a readable description of the move. */
export function moveTimings(catalog: Catalog): Map<string, Timing> {
  const out = new Map<string, Timing>();
  const bases = catalog.packages.filter((p) => p.role === "base");
  for (const from of bases)
    for (const period of from.billingPeriods)
      for (const phase of phasesOf(from)) {
        for (const to of bases)
          if (to !== from)
            out.set(
              `${from.id} → ${to.id} (${period}ly, ${phase})`,
              changeTiming(catalog, from, to, period, phase),
            );
        out.set(
          `terminate ${from.id} (${period}ly, ${phase})`,
          terminateTiming(catalog, from, period, phase),
        );
      }
  return out;
}
