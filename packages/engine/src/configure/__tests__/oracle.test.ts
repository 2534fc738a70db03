/**
 * configure() against brute-force enumeration on small random models with list rules and pick-one
 * groups, one selection per compiled catalog and click sessions on one (`oracle-check.ts` says
 * what is compared and how).
 */
import { describe, expect, it } from "vitest";
import { compile } from "../../compile.ts";
import { configure } from "../configure.ts";
import { compareWithOracle, evaluator } from "./oracle-check.ts";
import { PLAIN, randomCatalog, rng } from "./oracle-models.ts";

describe("configure against brute-force enumeration", () => {
  it("matches the exact available / required / disabled sets on 400 random models", () => {
    const { compared, forcedChecked } = compareWithOracle(20261123, 400, PLAIN);
    expect(compared).toBeGreaterThan(1500);
    expect(forcedChecked).toBeGreaterThan(300);
  }, 60_000);

  it("matches switch / disabled in pick-one groups on 300 random models rich in them", () => {
    const { compared, switches, switchDisabled } = compareWithOracle(20261206, 300, {
      radio: 0.7,
      formulas: false,
    });
    expect(compared).toBeGreaterThan(1000);
    expect(switches).toBeGreaterThan(100);
    expect(switchDisabled).toBeGreaterThan(10);
  }, 60_000);

  it("matches them click by click on one compiled catalog, and after taking a pick back", () => {
    // Later clicks reuse what earlier ones kept: pooled and anchor models patched to hold the new
    // picks, models that showed switches, and the values the previous click found impossible.
    const { compared, forcedChecked, switches } = compareWithOracle(
      20261207,
      200,
      { radio: 0.5, formulas: true },
      true,
    );
    expect(compared).toBeGreaterThan(2500);
    expect(forcedChecked).toBeGreaterThan(1000);
    expect(switches).toBeGreaterThan(100);
  }, 60_000);

  it("reports conflicting picks with a minimal set to change", () => {
    const r = rng(7);
    let conflicts = 0;
    for (let round = 0; round < 300; round++) {
      const doc = randomCatalog(r);
      const oracle = evaluator(doc);
      if (oracle.models.length === 0) continue;
      const baseOptions = (doc.packages[0]!.optionGroups ?? []).flatMap((g) => g.options.map((o) => o.id));
      const picks = r.some(baseOptions, 2, 4);
      if (oracle.models.some((m) => picks.every((p) => m.has(p)))) continue;
      const result = configure(compile(doc), { package: "base", picks });
      expect(result.valid).toBe(false);
      const conflict = result.violations.filter((v) => v.code.startsWith("config."));
      expect(conflict.length).toBeGreaterThan(0);
      // Picks accepted in order: the first pick that does not fit the earlier ones is reported.
      let accepted: string[] = [];
      for (const [i, p] of picks.entries()) {
        const fits = oracle.models.some((m) => [...accepted, p].every((x) => m.has(x)));
        if (fits) accepted = [...accepted, p];
        else expect(result.violations.map((v) => v.pointer)).toContain(`/picks/${i}`);
      }
      conflicts++;
    }
    expect(conflicts).toBeGreaterThan(20);
  }, 60_000);
});
