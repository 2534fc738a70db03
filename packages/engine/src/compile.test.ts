/**
 * `compile`'s indexes: every kind of entry with the pointer of its value, the lazy group and charge
 * indexes, first occurrence winning on a repeated id, ladders and the default price book.
 */
import { readFileSync } from "node:fs";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { compile } from "./compile.ts";
import { resolvePointer } from "./diagnostic.ts";

const saas = JSON.parse(
  readFileSync(new URL("../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;

/** A copy of the sample catalog, changed by `edit`. */
function variant(edit: (doc: Catalog) => void): Catalog {
  const doc = structuredClone(saas);
  edit(doc);
  return doc;
}

describe("compile", () => {
  it("indexes every kind of entry, each with a pointer that resolves to its value", () => {
    const c = compile(saas);
    const indexes = {
      services: c.services,
      portfolios: c.portfolios,
      packages: c.packages,
      options: c.options,
      groups: c.groups,
      components: c.components,
      charges: c.charges,
    };
    for (const [name, index] of Object.entries(indexes)) {
      expect(index.size, name).toBeGreaterThan(0);
      for (const [id, entry] of index) {
        expect((entry.value as { id: string }).id).toBe(id);
        expect(resolvePointer(saas, entry.pointer)).toEqual({ found: true, value: entry.value });
      }
    }
    expect(c.services.size).toBe(saas.services.length);
    expect(c.packages.size).toBe(saas.packages.length);
  });

  it("tells an option's group and package, and a part's package", () => {
    const c = compile(saas);
    for (const option of c.options.values()) {
      expect(option.group.options).toContain(option.value);
      expect(option.package.optionGroups).toContain(option.group);
    }
    for (const charge of c.charges.values()) expect(charge.package.charges).toContain(charge.value);
    for (const component of c.components.values())
      expect(component.package.components).toContain(component.value);
  });

  it("keeps the first occurrence of a repeated id, in document order", () => {
    const doc = variant((d) => {
      const first = d.services[0]!;
      d.services.push({ ...first, name: "A copy" });
      const pkg = d.packages[0]!;
      d.packages.push({ ...pkg, name: "A copy" });
    });
    const c = compile(doc);
    expect(c.services.get(saas.services[0]!.id)?.pointer).toBe("/services/0");
    expect(c.services.get(saas.services[0]!.id)?.value.name).toBe(saas.services[0]!.name);
    expect([...c.services.keys()]).toEqual(saas.services.map((s) => s.id));
    expect(c.packages.get(saas.packages[0]!.id)?.pointer).toBe("/packages/0");
    // The copy's options repeat the original's ids: the original's entries stay.
    for (const option of c.options.values())
      expect(option.pointer.startsWith("/packages/0/")).toBe(option.package === doc.packages[0]);
  });

  it("orders each portfolio's ladder of base packages by tier, then id", () => {
    const c = compile(saas);
    expect(c.ladders.size).toBeGreaterThan(0);
    for (const [portfolio, ladder] of c.ladders) {
      for (const p of ladder) {
        expect(p.portfolio).toBe(portfolio);
        expect(p.role).toBe("base");
      }
      for (let i = 1; i < ladder.length; i++) {
        const [a, b] = [ladder[i - 1]!, ladder[i]!];
        expect(a.tier < b.tier || (a.tier === b.tier && a.id < b.id)).toBe(true);
      }
    }
  });

  it("picks the default price book: the one marked default, else `list`, else the first", () => {
    const books = (ids: string[], marked?: string) =>
      compile(
        variant((d) => {
          d.priceBooks = ids.map((id) => ({ id, name: id, ...(id === marked ? { default: true } : {}) }));
        }),
      ).defaultPriceBook;
    expect(books(["partner", "list", "promo"], "promo")).toBe("promo");
    expect(books(["partner", "list"])).toBe("list");
    expect(books(["partner", "promo"])).toBe("partner");
    expect(compile(variant((d) => delete d.priceBooks)).defaultPriceBook).toBe("list");
  });

  it("gives every compiled catalog its own indexes", () => {
    const a = compile(saas);
    const b = compile(variant((d) => d.services.pop()));
    expect(b.services.size).toBe(a.services.size - 1);
    expect(a.groups).not.toBe(b.groups);
    expect(a.groups).toBe(a.groups);
  });
});
