/**
 * Immutable edits of the catalog document by path, and the three-way merge that resolves a save
 * conflict without losing anyone's work.
 */
export type Path = readonly (string | number)[];

type Json = unknown;

/** Returns a copy of `doc` with the value at `path` replaced (undefined removes an object key). */
export function setIn<T>(doc: T, path: Path, value: Json): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(doc)) {
    const copy = [...doc];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const obj = (doc ?? {}) as Record<string, unknown>;
  const next = setIn(obj[head as string], rest, value);
  const copy = { ...obj };
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy as T;
}

/** Removes the array item at `path` (the last token is the index). */
export function removeAt<T>(doc: T, path: Path): T {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  const list = getIn(doc, parent);
  if (!Array.isArray(list)) return doc;
  return setIn(
    doc,
    parent,
    list.filter((_, i) => i !== index),
  );
}

export function getIn(doc: unknown, path: Path): unknown {
  let cur = doc;
  for (const token of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[token];
  }
  return cur;
}

/** A JSON Pointer for a path ("/packages/0/name"). */
export function pointer(path: Path): string {
  return path.map((t) => `/${String(t).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function idList(v: unknown): Map<string, unknown> | undefined {
  if (!Array.isArray(v)) return undefined;
  const m = new Map<string, unknown>();
  for (const item of v) {
    if (item === null || typeof item !== "object" || typeof (item as { id?: unknown }).id !== "string")
      return undefined;
    m.set((item as { id: string }).id, item);
  }
  return m.size === v.length ? m : undefined;
}

/**
 * Three-way merge of JSON documents: what I changed since `base` is replayed onto `theirs`.
 * Objects merge key by key; arrays of objects with ids merge item by item (my additions, removals
 * and edits win for the items I touched; theirs are kept for the rest); anything else: mine if I
 * changed it, else theirs. Returns the merged document and the pointers where both sides changed
 * the same value differently (mine was kept there).
 */
export function merge3(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  at = "",
): { doc: unknown; clashes: string[] } {
  if (same(mine, base)) return { doc: theirs, clashes: [] };
  if (same(theirs, base) || same(mine, theirs)) return { doc: mine, clashes: [] };
  const isObj = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObj(base) && isObj(mine) && isObj(theirs)) {
    const b = base as Record<string, unknown>;
    const m = mine as Record<string, unknown>;
    const t = theirs as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const clashes: string[] = [];
    for (const key of new Set([...Object.keys(t), ...Object.keys(m), ...Object.keys(b)])) {
      const r = merge3(b[key], m[key], t[key], `${at}/${key}`);
      clashes.push(...r.clashes);
      if (r.doc !== undefined) out[key] = r.doc;
    }
    return { doc: out, clashes };
  }
  const bi = idList(base);
  const mi = idList(mine);
  const ti = idList(theirs);
  if (bi && mi && ti) {
    const clashes: string[] = [];
    const out: unknown[] = [];
    const order = [...ti.keys(), ...[...mi.keys()].filter((id) => !ti.has(id))];
    for (const id of order) {
      const r = merge3(bi.get(id), mi.get(id), ti.get(id), `${at}/${id}`);
      clashes.push(...r.clashes);
      if (r.doc !== undefined) out.push(r.doc);
    }
    return { doc: out, clashes };
  }
  return { doc: mine, clashes: [at || "/"] };
}

/**
 * `obj` with `patch` applied, keys set to undefined removed; undefined when nothing is left, so an
 * optional block (renewal, termination, add-on compatibility) that the designer empties leaves no
 * `{}` behind.
 */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

export function patchObject<T extends object>(obj: T | undefined, patch: Patch<T>): T | undefined {
  const next: Record<string, unknown> = { ...(obj ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  return Object.keys(next).length > 0 ? (next as T) : undefined;
}

/** Moves the item at `from` to `to` (both indexes into `list`); a copy. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}
