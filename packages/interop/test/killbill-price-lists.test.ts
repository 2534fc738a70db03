/**
 * Kill Bill price-list rules ↔ Tessera path-rule price books. Kill Bill's plan-change rules decide
 * the timing (first changePolicyCase) and the target price list (first priceListCase, else the
 * current list) separately (https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules,
 * DefaultPlanRules.planChange); a Tessera case decides both, with `priceBooks` as the condition on
 * the current book and `outcome.priceBook` as the target. Expected cases are derived by hand from
 * the StreamFlix fixture's three change cases (trial → IMMEDIATE; Basic → Premium → IMMEDIATE;
 * otherwise END_OF_TERM) and its two price lists (DEFAULT → id "default", Students → "students").
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { firstMatchingCase } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { checkStructure, exportKillBill, importKillBill, parseXml } from "../src/index.ts";

const fixture = readFileSync(join(import.meta.dirname, "fixtures", "killbill", "streaming.xml"), "utf8");
const withListRules = (cases: string) =>
  fixture.replace(
    "<priceListCase>\n                <toPriceList>DEFAULT</toPriceList>\n            </priceListCase>",
    cases,
  );

function imported(text: string): Catalog {
  const r = importKillBill(text);
  if (!r.ok || !r.valid) throw new Error(JSON.stringify(r.diagnostics.filter((d) => d.severity === "error")));
  return r.catalog;
}

/** Tessera's answer for a change: the first matching case's timing and target book. */
function decide(catalog: Catalog, from: string, to: string, phase: "trial" | "evergreen", priceBook: string) {
  const pkg = (id: string) => catalog.packages.find((p) => p.id === id)!;
  const kind = pkg(to).tier > pkg(from).tier ? "upgrade" : "downgrade";
  const move = { kind, from: pkg(from), to: pkg(to), billingPeriod: "month", phase, priceBook } as const;
  const c = firstMatchingCase(catalog.pathRules ?? [], move);
  return [c?.outcome.timing, c?.outcome.priceBook ?? priceBook];
}

describe("Kill Bill priceListCase → path-rule cases with price books", () => {
  // Students leave their list on any change; everyone else keeps theirs (no case matches).
  const catalog = imported(
    withListRules(
      "<priceListCase><fromPriceList>Students</fromPriceList><toPriceList>DEFAULT</toPriceList></priceListCase>",
    ),
  );

  it("crosses the price-list case with each change case, then the plain change cases", () => {
    expect(
      catalog.pathRules!.map((c) => [c.id, c.priceBooks, c.phases, c.outcome.timing, c.outcome.priceBook]),
    ).toEqual([
      ["kb-price-list-1-kb-change-1", ["students"], ["trial"], "immediate", "default"],
      ["kb-price-list-1-kb-change-2", ["students"], undefined, "immediate", "default"],
      ["kb-price-list-1-kb-change-3", ["students"], undefined, "next_billing_date", "default"],
      ["kb-change-1", undefined, ["trial"], "immediate", undefined],
      ["kb-change-2", undefined, undefined, "immediate", undefined],
      ["kb-change-3", undefined, undefined, "next_billing_date", undefined],
      ["kb-cancel-1", undefined, undefined, "immediate", undefined],
      ["kb-cancel-2", undefined, undefined, "next_billing_date", undefined],
    ]);
  });

  it("decides each change as Kill Bill does: timing from the change rules, list from the price-list rules", () => {
    // Basic → Premium is IMMEDIATE (second change case); a student moves to DEFAULT.
    expect(decide(catalog, "basic", "premium", "evergreen", "students")).toEqual(["immediate", "default"]);
    expect(decide(catalog, "basic", "premium", "evergreen", "default")).toEqual(["immediate", "default"]);
    // Premium → Basic falls to END_OF_TERM (Tessera's next billing date); the student still moves.
    expect(decide(catalog, "premium", "basic", "evergreen", "students")).toEqual([
      "next_billing_date",
      "default",
    ]);
    // In the trial every change is IMMEDIATE (first change case).
    expect(decide(catalog, "premium", "basic", "trial", "students")).toEqual(["immediate", "default"]);
  });

  it("leaves out pairs whose conditions contradict and stops after a price-list case with none", () => {
    const c = imported(
      withListRules(
        [
          "<priceListCase><fromProduct>Premium</fromProduct><toPriceList>Students</toPriceList></priceListCase>",
          "<priceListCase><toPriceList>DEFAULT</toPriceList></priceListCase>",
        ].join("\n"),
      ),
    );
    // Change case 2 is from Basic: crossed with "from Premium" it can never match and is left out.
    // After the unconditional price-list case the plain change cases could never match either.
    expect(c.pathRules!.map((r) => [r.id, r.from?.packages, r.outcome.priceBook])).toEqual([
      ["kb-price-list-1-kb-change-1", ["premium"], "students"],
      ["kb-price-list-1-kb-change-3", ["premium"], "students"],
      ["kb-price-list-2-kb-change-1", undefined, "default"],
      ["kb-price-list-2-kb-change-2", ["basic"], "default"],
      ["kb-price-list-2-kb-change-3", undefined, "default"],
      ["kb-cancel-1", ["extrascreen", "rentals"], undefined],
      ["kb-cancel-2", undefined, undefined],
    ]);
    expect(decide(c, "premium", "basic", "evergreen", "default")).toEqual(["next_billing_date", "students"]);
    expect(decide(c, "basic", "premium", "evergreen", "students")).toEqual(["immediate", "default"]);
  });

  it("adds nothing for rules that keep every list", () => {
    const c = imported(
      withListRules(
        "<priceListCase><fromPriceList>Students</fromPriceList><toPriceList>Students</toPriceList></priceListCase>",
      ),
    );
    expect(c.pathRules!.map((r) => r.id)).toEqual([
      "kb-change-1",
      "kb-change-2",
      "kb-change-3",
      "kb-cancel-1",
      "kb-cancel-2",
    ]);
  });

  it("reads a change case's fromPriceList as the case's price books", () => {
    const c = imported(
      fixture.replace(
        "<changePolicyCase>\n                <phaseType>TRIAL</phaseType>",
        "<changePolicyCase>\n                <phaseType>TRIAL</phaseType><fromPriceList>Students</fromPriceList>",
      ),
    );
    expect(c.pathRules![0]).toMatchObject({ phases: ["trial"], priceBooks: ["students"] });
    expect(decide(c, "premium", "basic", "trial", "default")[0]).toBe("next_billing_date");
  });
});

describe("path-rule price books → Kill Bill priceListCase", () => {
  const catalog = imported(
    withListRules(
      "<priceListCase><fromPriceList>Students</fromPriceList><toPriceList>DEFAULT</toPriceList></priceListCase>",
    ),
  );
  const out = exportKillBill(catalog);
  const rules = () => {
    const tree = parseXml(out.xml);
    if (!tree.ok) throw new Error(tree.message);
    expect(checkStructure(tree.root)).toEqual([]);
    return tree.root.children.find((e) => e.name === "rules")!;
  };

  it("writes the book each list's changes lead to, and the change policy per list", () => {
    const lists = rules()
      .children.find((e) => e.name === "priceList")!
      .children.map((c) => c.children.map((f) => `${f.name}=${f.text}`).join(" "));
    expect(lists).toEqual([
      "fromPriceList=DEFAULT toPriceList=DEFAULT",
      "fromPriceList=students toPriceList=DEFAULT",
    ]);
    expect(out.losses.filter((l) => l.code === "killbill.export.price-book-target")).toEqual([]);
  });

  it("round-trips: the re-imported catalog decides every change the same way", () => {
    const again = imported(out.xml);
    for (const [from, to] of [
      ["basic", "premium"],
      ["premium", "basic"],
    ] as const)
      for (const phase of ["trial", "evergreen"] as const)
        for (const book of ["default", "students"])
          expect([from, to, phase, book, ...decide(again, from, to, phase, book)]).toEqual([
            from,
            to,
            phase,
            book,
            ...decide(catalog, from, to, phase, book),
          ]);
  });

  it("reports a target book that depends on the phase, which Kill Bill's price-list rules cannot test", () => {
    const c: Catalog = structuredClone(catalog);
    c.pathRules = [
      {
        id: "trial-to-students",
        phases: ["trial"],
        outcome: { timing: "immediate", priceBook: "students" },
      },
      ...(c.pathRules ?? []),
    ];
    const losses = exportKillBill(c).losses.filter((l) => l.code === "killbill.export.price-book-target");
    expect(losses.length).toBeGreaterThan(0);
    expect(losses[0]!.pointer).toBe("/pathRules");
  });
});
