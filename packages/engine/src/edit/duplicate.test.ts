import { readFileSync } from "node:fs";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { validate } from "../validate/index.ts";
import { catalogIds, duplicateEntry } from "./duplicate.ts";

const saas = JSON.parse(
  readFileSync(new URL("../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;
const errors = (doc: Catalog) => validate(doc).diagnostics.filter((d) => d.severity === "error");

describe("duplicating an entry", () => {
  it("copies a package with new ids whose charges, rules and nested groups name the copy's own entries", () => {
    const i = saas.packages.findIndex((p) => p.id === "collab-business");
    const { doc, path } = duplicateEntry(saas, ["packages", i]);
    expect(path).toEqual(["packages", i + 1]);
    const copy = doc.packages[i + 1];
    expect(copy?.id).toBe("collab-business-copy");
    expect(copy?.name).toBe("Business (copy)");
    const own = new Set([
      ...(copy?.components ?? []).map((c) => c.id),
      ...(copy?.optionGroups ?? []).flatMap((g) => g.options.map((o) => o.id)),
    ]);
    for (const c of copy?.charges ?? []) {
      if (c.component) expect(own.has(c.component)).toBe(true);
      if (c.option) expect(own.has(c.option)).toBe(true);
    }
    expect(own.has(copy?.optionGroups?.find((g) => g.parentOption)?.parentOption ?? "")).toBe(true);
    // The copy still draws on the same services and portfolio, and the catalog stays valid.
    expect(copy?.components?.[0]?.service).toBe("svc-seat");
    expect(copy?.portfolio).toBe("collab");
    expect(errors(doc).filter((d) => !d.code.startsWith("path") && !d.code.startsWith("ladder"))).toEqual([]);
    // Every id is still unique.
    const all = [...catalogIds(doc)];
    expect(all.length).toBe(new Set(all).size);
  });

  it("copies an option group after the original, and a copy of a copy gets its own id", () => {
    const i = saas.packages.findIndex((p) => p.id === "collab-team");
    const once = duplicateEntry(saas, ["packages", i, "optionGroups", 0]);
    const twice = duplicateEntry(once.doc, ["packages", i, "optionGroups", 0]);
    expect(twice.doc.packages[i]?.optionGroups?.map((g) => g.id)).toEqual([
      "team-support",
      "team-support-copy-2",
      "team-support-copy",
    ]);
    expect(errors(twice.doc)).toEqual([]);
  });

  it("copies a price book in its own namespace", () => {
    const { doc } = duplicateEntry(saas, ["priceBooks", 1]);
    expect(doc.priceBooks?.map((b) => b.id)).toEqual(["list", "partner", "partner-copy"]);
    expect(doc.priceBooks?.[2]?.fallback).toBe("list");
  });
});
