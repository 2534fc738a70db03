import { describe, expect, it } from "vitest";
import { getIn, merge3, moveItem, patchObject, pointer, removeAt, setIn } from "./docEdit.ts";

describe("document edits", () => {
  it("sets, removes and reads by path without mutating", () => {
    const doc = {
      packages: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
    };
    const renamed = setIn(doc, ["packages", 1, "name"], "Bee");
    expect(getIn(renamed, ["packages", 1, "name"])).toBe("Bee");
    expect(doc.packages[1]?.name).toBe("B");
    expect(removeAt(renamed, ["packages", 0])).toEqual({ packages: [{ id: "b", name: "Bee" }] });
    expect(setIn({ a: 1, b: 2 }, ["a"], undefined)).toEqual({ b: 2 });
    expect(pointer(["packages", 0, "a/b"])).toBe("/packages/0/a~1b");
  });
});

describe("three-way merge", () => {
  const base = {
    name: "Acme",
    packages: [
      { id: "starter", name: "Starter", tier: 1 },
      { id: "team", name: "Team", tier: 2 },
    ],
  };

  it("keeps both sides' edits to different packages and both additions", () => {
    const mine = {
      ...base,
      packages: [
        { id: "starter", name: "Starter", tier: 1 },
        { id: "team", name: "Team Plus", tier: 2 },
        { id: "pro", name: "Pro", tier: 3 },
      ],
    };
    const theirs = {
      name: "Acme Cloud",
      packages: [
        { id: "starter", name: "Starter", tier: 0 },
        { id: "team", name: "Team", tier: 2 },
        { id: "edu", name: "Edu", tier: 1 },
      ],
    };
    const { doc, clashes } = merge3(base, mine, theirs);
    expect(clashes).toEqual([]);
    expect(doc).toEqual({
      name: "Acme Cloud",
      packages: [
        { id: "starter", name: "Starter", tier: 0 },
        { id: "team", name: "Team Plus", tier: 2 },
        { id: "edu", name: "Edu", tier: 1 },
        { id: "pro", name: "Pro", tier: 3 },
      ],
    });
  });

  it("honours my removal and reports a clash when both changed the same value (mine kept)", () => {
    const mine = { name: "Mine", packages: [{ id: "team", name: "Team", tier: 2 }] };
    const theirs = { name: "Theirs", packages: base.packages };
    const { doc, clashes } = merge3(base, mine, theirs);
    expect(doc).toEqual({ name: "Mine", packages: [{ id: "team", name: "Team", tier: 2 }] });
    expect(clashes).toEqual(["/name"]);
  });
});

describe("patchObject and moveItem", () => {
  it("sets and removes keys, and leaves no empty object behind", () => {
    expect(patchObject({ a: 1, b: 2 }, { b: undefined, c: 3 } as never)).toEqual({ a: 1, c: 3 });
    expect(patchObject<{ a?: number }>({ a: 1 }, { a: undefined })).toBeUndefined();
    expect(patchObject<{ a?: number }>(undefined, { a: 2 })).toEqual({ a: 2 });
  });

  it("moves an item and ignores moves off either end", () => {
    expect(moveItem(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });
});
