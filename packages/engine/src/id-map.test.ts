import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdMap } from "./id-map.ts";

interface Item {
  value: { id: string };
  at: number;
}

describe("IdMap", () => {
  it("behaves like a Map filled in order where the first entry of an id wins", () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,12}$/);
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), fc.nat(20_000), fc.array(id), (ids, expected, probes) => {
        const map = new IdMap<Item>(expected);
        const oracle = new Map<string, Item>();
        ids.forEach((x, at) => {
          const item = { value: { id: x }, at };
          map.add(item);
          if (!oracle.has(x)) oracle.set(x, item);
        });
        expect(map.size).toBe(oracle.size);
        expect([...map.keys()]).toEqual([...oracle.keys()]);
        expect([...map.values()]).toEqual([...oracle.values()]);
        expect([...map]).toEqual([...oracle]);
        expect([...map.entries()]).toEqual([...oracle.entries()]);
        const seen: [string, Item][] = [];
        map.forEach((item, key) => {
          seen.push([key, item]);
        });
        expect(seen).toEqual([...oracle]);
        for (const x of [...ids, ...probes]) {
          expect(map.get(x)).toBe(oracle.get(x));
          expect(map.has(x)).toBe(oracle.has(x));
        }
      }),
    );
  });
});
