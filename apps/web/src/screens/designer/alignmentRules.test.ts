/**
 * Alignment-case edits (Kill Bill's billing, create and change alignments): what the designer writes
 * validates without an alignment error however cases are added, narrowed and emptied again, and
 * leaves no empty list, `when` or id behind.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_alignments
 */
import { readFileSync } from "node:fs";
import { validate } from "@tessera/engine";
import type { Alignments, Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { type AlignmentKind, addCase, withCaseId, withCases, withWhen } from "./alignmentRules.ts";

const saas = JSON.parse(
  readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;

const alignmentDiagnostics = (alignments: Alignments | undefined) =>
  validate(alignments ? { ...saas, alignments } : saas)
    .diagnostics.filter((d) => d.code.startsWith("alignment.") || d.pointer.startsWith("/alignments"))
    .map((d) => `${d.severity} ${d.code} ${d.pointer}`);

describe("alignment cases in the designer", () => {
  it("the first case is the default; later ones go before it, for add-ons, and never land unreachable", () => {
    let a: Alignments | undefined;
    for (const kind of ["billing", "create", "change"] as AlignmentKind[]) {
      const first = addCase(kind, a?.[kind] ?? []);
      expect(first).toHaveLength(1);
      expect(first[0]).not.toHaveProperty("when");
      const second = addCase(kind, first);
      expect(second.map((c) => c.when)).toEqual([{ roles: ["add_on"] }, undefined]);
      a = withCases(a, kind, second);
    }
    expect(a?.billing?.map((c) => c.alignment)).toEqual(["account", "account"]);
    expect(a?.create?.map((c) => c.alignment)).toEqual(["start_of_bundle", "start_of_bundle"]);
    expect(a?.change?.map((c) => c.alignment)).toEqual(["change_date", "change_date"]);
    expect(alignmentDiagnostics(a)).toEqual([]);
  });

  it("Kill Bill's example: add-ons bill with their bundle, everything else on the account's day", () => {
    const cases = withCases(undefined, "billing", [
      { ...withWhen({ alignment: "bundle" }, { roles: ["add_on"] }), id: "addons-with-bundle" },
      { alignment: "account" },
    ]);
    expect(cases).toEqual({
      billing: [
        { alignment: "bundle", when: { roles: ["add_on"] }, id: "addons-with-bundle" },
        { alignment: "account" },
      ],
    });
    expect(alignmentDiagnostics(cases)).toEqual([]);
  });

  it("emptied parts go: a when with no list, an empty id, an empty kind, an empty block", () => {
    const narrowed = withWhen(
      { alignment: "subscription" },
      { billingPeriods: ["year"], packages: ["collab-team"] },
    );
    expect(narrowed.when).toEqual({ billingPeriods: ["year"], packages: ["collab-team"] });
    expect(withWhen(withWhen(narrowed, { billingPeriods: [] }), { packages: [] })).toEqual({
      alignment: "subscription",
    });
    expect(withCaseId(withCaseId(narrowed, "yearly-own-date"), "  ")).toEqual(narrowed);
    expect(withCases(withCases(undefined, "billing", [narrowed]), "billing", [])).toBeUndefined();
  });
});
