/**
 * Maps and sets of catalog ids that stay fast on big catalogs.
 *
 * V8 keeps a `Map` or `Set` in one hash table, and a table of more than ~4,000 entries goes to
 * large-object space, whose fresh pages are slow to touch (~15 µs each on our virtual machines: a
 * 20,000-entry `Map` takes ~8 ms to build, split in sixteen ~2 ms). So ids are spread over one
 * table per ~2,000 entries, picked by `idShard`.
 */

/** A number mixing the last and middle characters and the length of `id`, to spread ids. */
export function idShard(id: string): number {
  return id.charCodeAt(id.length - 1) * 31 + id.charCodeAt(id.length >> 1) * 7 + id.length;
}

/** How many tables (a power of two) hold `count` ids at ~2,000 each. */
export function shardCount(count: number): number {
  let n = 1;
  while (n * 2048 < count) n *= 2;
  return n;
}

/**
 * A read-only map from id to catalog entry, filled once with `add` (the first entry of an id
 * wins). Iterates in the order entries were added, like a `Map`.
 */
export class IdMap<V extends { readonly value: { readonly id: string } }> implements ReadonlyMap<string, V> {
  private readonly shards: Map<string, V>[] = [];
  private readonly mask: number;
  /** The ids and entries in the order they were added. */
  private readonly idList: string[] = [];
  private readonly list: V[] = [];

  /** `expected`: about how many entries will be added (it sizes the tables, not the map). */
  constructor(expected: number) {
    const n = shardCount(expected);
    for (let i = 0; i < n; i++) this.shards.push(new Map());
    this.mask = n - 1;
  }

  /** Adds `entry` under its id unless the id is there already. */
  add(entry: V): void {
    const id = entry.value.id;
    const shard = this.shards[idShard(id) & this.mask] as Map<string, V>;
    if (shard.has(id)) return;
    shard.set(id, entry);
    this.idList.push(id);
    this.list.push(entry);
  }

  get size(): number {
    return this.list.length;
  }

  get(id: string): V | undefined {
    return (this.shards[idShard(id) & this.mask] as Map<string, V>).get(id);
  }

  has(id: string): boolean {
    return (this.shards[idShard(id) & this.mask] as Map<string, V>).has(id);
  }

  keys(): MapIterator<string> {
    return this.idList.values();
  }

  values(): MapIterator<V> {
    return this.list.values();
  }

  *entries(): Generator<[string, V], undefined, unknown> {
    for (let i = 0; i < this.list.length; i++) yield [this.idList[i] as string, this.list[i] as V];
    return undefined;
  }

  [Symbol.iterator](): Generator<[string, V], undefined, unknown> {
    return this.entries();
  }

  forEach(callback: (entry: V, id: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.list.length; i++)
      callback.call(thisArg, this.list[i] as V, this.idList[i] as string, this);
  }
}
