/**
 * Usage against allowance, per component with observed usage: what the account view shows as a
 * gauge. The allowance is the one the usage insights compare against (usage.ts): the units a
 * licensed component covers (quantity held plus what add-ons deliver, at least its included
 * quantity), or the units included in a metered component's usage price.
 */
import type { PathContext } from "./context.ts";
import type { UsageLine } from "./types.ts";
import { allowanceOf, coverageOf, isMetered } from "./usage.ts";

export function usageLines(ctx: PathContext): UsageLine[] {
  const a = ctx.arrangement;
  const base = ctx.current;
  if (!a.usage || !base) return [];
  const lines: UsageLine[] = [];
  for (const comp of base.components ?? []) {
    const used = a.usage[comp.id];
    if (used === undefined) continue;
    const service = ctx.catalog.services.get(comp.service)?.value;
    const label = comp.name ?? service?.name ?? comp.id;
    const unit = service?.unit ?? "unit";
    const metered = isMetered(ctx, comp.service);
    const allowance = metered
      ? (allowanceOf(ctx, base, comp.id) ?? null)
      : Math.max(coverageOf(ctx, a, base, comp.service).total, comp.included ?? 0);
    lines.push({ component: comp.id, label, unit, used, allowance, metered });
  }
  return lines;
}
