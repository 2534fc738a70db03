import { readFileSync } from "node:fs";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { validate } from "../validate/index.ts";
import { deletion, eachReference, referencesTo, renameId } from "./references.ts";

const saas = JSON.parse(
  readFileSync(new URL("../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;
const hybrid = JSON.parse(
  readFileSync(new URL("../../../../schemas/examples/hybrid.catalog.json", import.meta.url), "utf8"),
) as Catalog;
const connectivity = JSON.parse(
  readFileSync(new URL("../../../../schemas/examples/connectivity.catalog.json", import.meta.url), "utf8"),
) as Catalog;

const errors = (doc: Catalog) => validate(doc).diagnostics.filter((d) => d.severity === "error");
const pkgIndex = (doc: Catalog, id: string) => doc.packages.findIndex((p) => p.id === id);

describe("references between the entries of a catalog", () => {
  it("finds every reference to an add-on: included in a base, required by another add-on, in rules", () => {
    const refs = referencesTo(saas, new Set(["collab-audit-log"]));
    expect(refs.map((r) => r.pointer).sort()).toEqual(
      [
        `/packages/${pkgIndex(saas, "collab-business")}/rules/4/then/requireAll/0`,
        `/packages/${pkgIndex(saas, "collab-enterprise")}/rules/4/then/requireAll/0`,
        `/packages/${pkgIndex(saas, "collab-enterprise")}/includedAddOns/1/addOn`,
        `/packages/${pkgIndex(saas, "collab-compliance-archive")}/addOn/requires/0`,
      ].sort(),
    );
    expect(refs.every((r) => r.where.includes("(/packages/"))).toBe(true);
  });

  it("keeps price books in their own namespace", () => {
    const books = referencesTo(saas, new Set(["partner"]), "priceBook");
    expect(books.length).toBeGreaterThan(0);
    expect(books.every((r) => r.path.includes("pricePoints"))).toBe(true);
    expect(referencesTo(saas, new Set(["partner"]), "catalog")).toEqual([]);
  });

  it("reaches every reference the validator checks: renaming each referenced id keeps every sample valid", () => {
    for (const doc of [saas, hybrid, connectivity]) {
      const ids = new Set<string>();
      eachReference(doc, (r) => {
        if (r.namespace === "catalog") ids.add(r.id);
      });
      expect(ids.size).toBeGreaterThan(5);
      for (const id of ids) {
        const renamed = renameId(doc, id, `${id}.renamed`);
        expect(errors(renamed), `renaming ${id}`).toEqual([]);
        expect(referencesTo(renamed, new Set([id])).map((r) => r.pointer)).toEqual([]);
        expect(referencesTo(renamed, new Set([`${id}.renamed`])).length).toBe(
          referencesTo(doc, new Set([id])).length,
        );
      }
    }
  });

  it("renames a price book and every price point and fallback naming it, and nothing else", () => {
    const renamed = renameId(saas, "list", "list-2027", "priceBook");
    expect(renamed.priceBooks?.map((b) => b.id)).toEqual(["list-2027", "partner"]);
    expect(renamed.priceBooks?.[1]?.fallback).toBe("list-2027");
    expect(errors(renamed)).toEqual([]);
    // The original is untouched.
    expect(saas.priceBooks?.[0]?.id).toBe("list");
  });

  it("a rename round trip gives the catalog back", () => {
    const there = renameId(saas, "biz-res-eu", "biz-residency-eu");
    expect(renameId(there, "biz-residency-eu", "biz-res-eu")).toEqual(saas);
  });
});

describe("references added with percentage charges and price-book path cases", () => {
  it("renames a charge named by a percentage of it, and a price book named by a path case", () => {
    const doc = structuredClone(saas);
    const i = pkgIndex(doc, "collab-team");
    const pkg = doc.packages[i];
    if (!pkg) throw new Error("no team");
    pkg.charges.push({
      id: "team-care",
      model: "percentage",
      percentOf: ["team-seat-fee"],
      pricePoints: [{ currency: "USD", percent: "20" }],
    } as never);
    doc.pathRules = [
      {
        id: "partner-downgrades-wait",
        kinds: ["downgrade"],
        priceBooks: ["partner"],
        outcome: { timing: "end_of_term" },
      },
      ...(doc.pathRules ?? []),
    ] as never;
    const renamed = renameId(
      renameId(doc, "team-seat-fee", "team-seats-fee"),
      "partner",
      "resellers",
      "priceBook",
    );
    expect(renamed.packages[i]?.charges.at(-1)?.percentOf).toEqual(["team-seats-fee"]);
    expect(renamed.pathRules?.[0]?.priceBooks).toEqual(["resellers"]);
    // The seat fee cannot be deleted while the percentage names it.
    const j = doc.packages[i]?.charges.findIndex((c) => c.id === "team-seat-fee") ?? -1;
    expect(deletion(doc, ["packages", i, "charges", j]).removable).toBe(false);
  });
});

describe("deleting an entry", () => {
  it("refuses while a rule names the thing, and removes the included add-on and requirement once none does", () => {
    const i = pkgIndex(saas, "collab-audit-log");
    const blocked = deletion(saas, ["packages", i]);
    expect(blocked.removable).toBe(false);
    expect(blocked.referrers.filter((r) => r.removal === "blocking").map((r) => r.where)).toEqual([
      expect.stringContaining("rule `biz-archive-with-audit`"),
      expect.stringContaining("rule `ent-archive-with-audit`"),
    ]);
    const doc = structuredClone(saas);
    for (const p of doc.packages)
      if (p.rules) p.rules = p.rules.filter((r) => !r.id.endsWith("archive-with-audit"));
    const d = deletion(doc, ["packages", i]);
    expect(d.referrers).toHaveLength(2);
    expect(d.removable).toBe(true);
    const after = d.remove();
    expect(after.packages.some((p) => p.id === "collab-audit-log")).toBe(false);
    const ent = after.packages.find((p) => p.id === "collab-enterprise");
    expect(ent?.includedAddOns).toEqual([{ addOn: "collab-sso" }]);
    const archive = after.packages.find((p) => p.id === "collab-compliance-archive");
    expect(archive?.addOn?.requires).toBeUndefined();
    expect(errors(after)).toEqual([]);
  });

  it("refuses to delete a service components are built from, naming them", () => {
    const i = saas.services.findIndex((s) => s.id === "svc-seat");
    const d = deletion(saas, ["services", i]);
    expect(d.removable).toBe(false);
    expect(d.referrers.length).toBeGreaterThanOrEqual(4);
    expect(d.referrers.every((r) => r.removal === "blocking" && r.pointer.endsWith("/service"))).toBe(true);
  });

  it("ignores a package's own references to its own options when the package goes", () => {
    const i = pkgIndex(saas, "collab-business");
    const d = deletion(saas, ["packages", i]);
    expect(d.referrers.every((r) => !r.pointer.startsWith(`/packages/${i}/`))).toBe(true);
  });

  it("drops the charges on a deleted option along with it", () => {
    const i = pkgIndex(saas, "collab-team");
    const team = saas.packages[i];
    const g = team?.optionGroups?.findIndex((x) => x.id === "team-support") ?? -1;
    const k = team?.optionGroups?.[g]?.options.findIndex((o) => o.id === "team-support-premium") ?? -1;
    const d = deletion(saas, ["packages", i, "optionGroups", g, "options", k]);
    expect(d.removable).toBe(true);
    const after = d.remove();
    expect(after.packages[i]?.charges.some((c) => c.option === "team-support-premium")).toBe(false);
    expect(after.packages[i]?.optionGroups?.[g]?.options.map((o) => o.id)).toEqual(["team-support-standard"]);
    expect(errors(after)).toEqual([]);
  });

  it("deletes one charge that names two deleted things once", () => {
    const doc = structuredClone(saas);
    const i = pkgIndex(doc, "collab-team");
    const pkg = doc.packages[i];
    if (!pkg) throw new Error("no team");
    pkg.charges.push({
      id: "team-both",
      model: "flat",
      component: "team-seats",
      option: "team-support-premium",
      pricePoints: [{ currency: "USD", amount: "1.00" }],
    });
    const before = pkg.charges.length;
    const removed = deletion(doc, ["packages", i, "charges", before - 1]).remove();
    expect(removed.packages[i]?.charges).toHaveLength(before - 1);
  });
});
