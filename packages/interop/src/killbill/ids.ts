/** Turning Kill Bill names into Tessera ids (lower-case, `[a-z0-9][a-z0-9_.-]*`) without collisions. */

/** `SpecialDiscount` → `specialdiscount`, `Gas Station` → `gas-station`. */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, 72);
  return s === "" ? "x" : s;
}

/** Hands out ids unique across the catalog (Tessera ids share one namespace). */
export class IdPool {
  private readonly used = new Set<string>();

  /** A free id derived from `name`: its slug, or the slug with `-2`, `-3`… appended. */
  take(name: string): string {
    const base = slug(name);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/**
 * Types a list the schema requires to be non-empty. The importer builds such lists from the input
 * and lets the engine's validation report an empty one (as a diagnostic, never a crash).
 */
export function nonEmpty<T>(items: T[]): [T, ...T[]] {
  return items as [T, ...T[]];
}
