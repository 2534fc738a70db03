/**
 * configure() against brute-force enumeration on small random models with nested formula rules and
 * mandatory options (`oracle-check.ts` says what is compared and how).
 */
import { describe, expect, it } from "vitest";
import { compareWithOracle } from "./oracle-check.ts";

describe("configure against brute-force enumeration, formula rules", () => {
  it("matches them with nested formula rules and mandatory options on 400 random models", () => {
    const { compared, forcedChecked } = compareWithOracle(20261206, 400, { radio: 0, formulas: true });
    // Formulas with counts out of range make more models unconfigurable, so fewer states to compare.
    expect(compared).toBeGreaterThan(1200);
    expect(forcedChecked).toBeGreaterThan(300);
  }, 60_000);
});
