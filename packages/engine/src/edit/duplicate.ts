/**
 * Duplicating an entry of a catalog (a package, an option group, a charge …): the copy goes right
 * after the original with " (copy)" after its name, every id inside it is new and unique, and the
 * references inside the copy point at the copy's own entries (a copied package's charges charge
 * its own components), while references out of it (a service, a portfolio) stay.
 */
import type { Catalog } from "@tessera/schema";
import { eachReference, idsWithin, type Token } from "./references.ts";

function freshId(id: string, taken: Set<string>): string {
  const base = `${id.slice(0, 70).replace(/[-_.]+$/, "")}-copy`;
  let next = base;
  for (let n = 2; taken.has(next); n++) next = `${base}-${n}`;
  taken.add(next);
  return next;
}

/** Every catalog-wide id of the document. */
export function catalogIds(doc: Catalog): Set<string> {
  return idsWithin({ ...doc, priceBooks: [] } as Catalog, []);
}

/**
 * The catalog with a copy of the array entry at `path` inserted after it, and the copy's path.
 * Price books (their own namespace) are copied the same way.
 */
export function duplicateEntry(doc: Catalog, path: readonly Token[]): { doc: Catalog; path: Token[] } {
  const out = structuredClone(doc);
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  let list: unknown = out;
  for (const t of parentPath) list = (list as Record<Token, unknown>)[t];
  if (!Array.isArray(list) || index < 0 || index >= list.length) return { doc, path: [...path] };
  const copy = structuredClone(list[index]) as Record<string, unknown>;
  const isBook = parentPath.length === 1 && parentPath[0] === "priceBooks";
  const taken = isBook ? new Set((doc.priceBooks ?? []).map((b) => b.id)) : catalogIds(doc);
  const renamed = new Map<string, string>();
  const renameIn = (v: unknown, key: string | undefined) => {
    if (Array.isArray(v)) {
      for (const x of v) renameIn(x, key);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const obj = v as Record<string, unknown>;
    if (typeof obj.id === "string" && (isBook || key !== "priceBooks")) {
      const next = freshId(obj.id, taken);
      renamed.set(obj.id, next);
      obj.id = next;
    }
    for (const [k, x] of Object.entries(obj)) if (typeof x === "object") renameIn(x, k);
  };
  renameIn(copy, undefined);
  if (typeof copy.name === "string") copy.name = `${copy.name} (copy)`;
  list.splice(index + 1, 0, copy);
  const copyPath = [...parentPath, index + 1];
  if (!isBook) {
    // References inside the copy that named an entry of the original now name the copy's own.
    eachReference(out, (r) => {
      if (r.namespace !== "catalog" || !copyPath.every((t, i) => r.path[i] === t)) return;
      const to = renamed.get(r.id);
      if (to === undefined) return;
      let parent = out as unknown as Record<Token, unknown>;
      for (const t of r.path.slice(0, -1)) parent = parent[t] as Record<Token, unknown>;
      parent[r.path[r.path.length - 1] as Token] = to;
    });
  }
  return { doc: out, path: copyPath };
}
