/**
 * Structural diff of two JSON documents, as a list of changes located by JSON Pointer. Arrays whose
 * items are all objects with distinct string `id`s are matched by id (so inserting a package
 * does not report every later package as changed); other arrays are compared by index.
 */
import { pointerOf } from "@tessera/engine";

export interface Change {
  kind: "added" | "removed" | "changed";
  /** Where the value is: in the newer document for added/changed, in the older one for removed. */
  pointer: string;
  before?: unknown;
  after?: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function idsOf(items: unknown[]): string[] | undefined {
  const ids: string[] = [];
  for (const item of items) {
    if (!isObject(item) || typeof item.id !== "string") return undefined;
    ids.push(item.id);
  }
  return new Set(ids).size === ids.length ? ids : undefined;
}

function walk(a: unknown, b: unknown, path: (string | number)[], out: Change[], bPath = path): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const aIds = idsOf(a);
    const bIds = idsOf(b);
    if (aIds && bIds) {
      const bIndex = new Map(bIds.map((id, i) => [id, i]));
      const aIndex = new Map(aIds.map((id, i) => [id, i]));
      aIds.forEach((id, i) => {
        const j = bIndex.get(id);
        if (j === undefined) out.push({ kind: "removed", pointer: pointerOf(...path, i), before: a[i] });
        else walk(a[i], b[j], [...path, i], out, [...bPath, j]);
      });
      bIds.forEach((id, j) => {
        if (!aIndex.has(id)) out.push({ kind: "added", pointer: pointerOf(...bPath, j), after: b[j] });
      });
      return;
    }
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= b.length) out.push({ kind: "removed", pointer: pointerOf(...path, i), before: a[i] });
      else if (i >= a.length) out.push({ kind: "added", pointer: pointerOf(...bPath, i), after: b[i] });
      else walk(a[i], b[i], [...path, i], out, [...bPath, i]);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(b, key))
        out.push({ kind: "removed", pointer: pointerOf(...path, key), before: a[key] });
      else walk(a[key], b[key], [...path, key], out, [...bPath, key]);
    }
    for (const key of Object.keys(b)) {
      if (!Object.hasOwn(a, key))
        out.push({ kind: "added", pointer: pointerOf(...bPath, key), after: b[key] });
    }
    return;
  }
  if (a !== b) out.push({ kind: "changed", pointer: pointerOf(...bPath), before: a, after: b });
}

/** Every added, removed and changed value between `before` and `after`. */
export function diffJson(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk(before, after, [], out);
  return out;
}
