/**
 * What a customer's configuration becomes on another base package. Option and component ids belong
 * to one package, so they carry by service: a picked option carries to the new package's option
 * delivering the same service, a component's quantity (and observed usage) to the component of the
 * same service, clamped to its bounds and aligned to its step. Groups left short of their minimum
 * take their default options; components with no counterpart take their default quantity.
 */
import type { Package, Quantities } from "@tessera/schema";
import type { PathContext } from "./context.ts";

export interface Carried {
  picks: string[];
  quantities: Quantities;
  usage?: Quantities;
  notes: string[];
}

export function quantityOf(pkg: Package, component: string, quantities: Quantities | undefined): number {
  const c = pkg.components?.find((x) => x.id === component);
  return quantities?.[component] ?? c?.default ?? c?.min ?? 0;
}

/** The allowed quantity nearest to `q`: at least min, at most max, min + a multiple of step (rounding up). */
export function allowedQuantity(q: number, min: number, max: number | undefined, step: number): number {
  let v = Math.max(q, min);
  const rem = (v - min) % step;
  if (rem !== 0) v += step - rem;
  if (max !== undefined && v > max) v = max - ((max - min) % step);
  return v;
}

export function carryConfiguration(ctx: PathContext, from: Package | undefined, to: Package): Carried {
  const a = ctx.arrangement;
  const notes: string[] = [];
  const pickedServices = new Set<string>();
  const lostPicks: string[] = [];
  for (const id of a.picks ?? []) {
    const opt = ctx.catalog.options.get(id);
    if (opt?.value.service !== undefined) pickedServices.add(opt.value.service);
  }
  const picks: string[] = [];
  const picked = new Set<string>();
  for (const g of to.optionGroups ?? []) {
    if (g.parentOption !== undefined && !picked.has(g.parentOption)) continue;
    const live = g.options.filter((o) => o.status !== "retired" && o.status !== "draft");
    const max = g.max ?? live.length;
    const chosen = live.filter((o) => o.service !== undefined && pickedServices.has(o.service)).slice(0, max);
    if (chosen.length < (g.min ?? 0)) {
      for (const o of [...live.filter((o) => o.default), ...live]) {
        if (chosen.length >= (g.min ?? 0)) break;
        if (!chosen.includes(o)) chosen.push(o);
      }
    }
    for (const o of chosen) {
      picks.push(o.id);
      picked.add(o.id);
    }
  }
  const carriedServices = new Set<string>();
  for (const id of picks) {
    const s = to.optionGroups?.flatMap((g) => g.options).find((o) => o.id === id)?.service;
    if (s !== undefined) carriedServices.add(s);
  }
  for (const id of a.picks ?? []) {
    const opt = ctx.catalog.options.get(id);
    if (opt?.value.service === undefined || !carriedServices.has(opt.value.service))
      lostPicks.push(opt?.value.name ?? id);
  }
  if (lostPicks.length === 1)
    notes.push(`${lostPicks[0]} has no equivalent on ${to.name} and is not carried over.`);
  else if (lostPicks.length > 1)
    notes.push(
      `${lostPicks.slice(0, -1).join(", ")} and ${lostPicks.at(-1)} have no equivalent on ${to.name} and are not carried over.`,
    );

  const quantities: Quantities = {};
  const usage: Quantities = {};
  const fromByService = from ? ctx.index.componentsByService(from) : new Map();
  for (const c of to.components ?? []) {
    const old = fromByService.get(c.service);
    const def = c.default ?? c.min ?? 0;
    if (old && from) {
      const q = quantityOf(from, old.id, a.quantities);
      const v = allowedQuantity(q, c.min ?? 0, c.max, c.step ?? 1);
      quantities[c.id] = v;
      const label = c.name ?? old.name ?? c.id;
      if (v !== q) {
        const bound =
          c.max !== undefined && q > c.max ? `the most ${to.name} allows` : `the nearest ${to.name} allows`;
        notes.push(`The quantity of ${label} changes from ${q} to ${v}, ${bound}.`);
      }
      const used = a.usage?.[old.id];
      if (used !== undefined) {
        usage[c.id] = used;
        const metered = ctx.catalog.services.get(c.service)?.value.kind === "usage";
        if (!metered && used > v && c.max !== undefined && used > c.max)
          notes.push(`${to.name} allows at most ${c.max} of ${label}; ${used} are in use.`);
      }
    } else {
      quantities[c.id] = def;
    }
  }
  const out: Carried = { picks, quantities, notes };
  if (Object.keys(usage).length > 0) out.usage = usage;
  return out;
}
