/**
 * What is left to choose on a valid but incomplete configuration, in words a seller acts on: the
 * option groups (of the base and of its picked add-ons) that apply and still want more picks,
 * e.g. "EU hosting region: pick 1". A nested group applies once its parent option is picked.
 */
import type { Catalog, Package } from "@tessera/schema";
import type { Configuration } from "./types.ts";

export interface UnfinishedGroup {
  /** Package the group belongs to: the base or one of its picked add-ons. */
  package: string;
  group: string;
  name: string;
  /** Picks the group still wants. */
  missing: number;
  /** "EU hosting region: pick 1" (the package named when the group is an add-on's). */
  message: string;
}

/** The applying option groups whose minimum the current picks do not reach. */
export function unfinishedGroups(catalog: Catalog, configuration: Configuration): UnfinishedGroup[] {
  const byId = new Map<string, Package>(catalog.packages.map((p) => [p.id, p]));
  const base = byId.get(configuration.package);
  if (!base) return [];
  const picked = new Set(configuration.options.filter((o) => o.state === "selected").map((o) => o.id));
  const packages: Package[] = [base];
  for (const a of configuration.addOns) {
    const pkg = byId.get(a.id);
    if (pkg && (a.state === "selected" || a.included)) packages.push(pkg);
  }
  const out: UnfinishedGroup[] = [];
  for (const pkg of packages)
    for (const g of pkg.optionGroups ?? []) {
      if (g.parentOption !== undefined && !picked.has(g.parentOption)) continue;
      const choices = configuration.options.filter((o) => o.package === pkg.id && o.group === g.id);
      const have = choices.filter((o) => o.state === "selected").length;
      const missing = (g.min ?? 0) - have;
      if (missing <= 0 || !choices.some((o) => o.state !== "disabled")) continue;
      const where = pkg === base ? g.name : `${g.name} (${pkg.name})`;
      out.push({ package: pkg.id, group: g.id, name: g.name, missing, message: `${where}: pick ${missing}` });
    }
  return out;
}
