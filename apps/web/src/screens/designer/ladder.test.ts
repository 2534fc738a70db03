/**
 * The ladder drawn in the designer on the B2B SaaS sample (schemas/examples/saas.catalog.json):
 * which case decides each drawn move for a customer's billing period and phase, and the case a
 * drawn arrow creates (which then decides that move, as the engine's paths read it).
 */
import { readFileSync } from "node:fs";
import { validate } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { caseForArrow, casesMatching, freeCaseId, ladderMoves } from "./ladder.ts";

const saas = (): Catalog =>
  JSON.parse(
    readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
  ) as Catalog;
const pkg = (doc: Catalog, id: string) => doc.packages.find((p) => p.id === id)!;
const find = (moves: ReturnType<typeof ladderMoves>, from: string, to: string) =>
  moves.find((m) => m.from === from && m.to === to);

describe("the designer's ladder", () => {
  it("draws neighbouring rungs both ways, each decided by the first matching case", () => {
    const moves = ladderMoves(saas(), "collab", { billingPeriod: "month", phase: "evergreen" });
    // 4 tiers, 3 neighbouring pairs, both directions; add-ons are not on the ladder.
    expect(moves).toHaveLength(6);
    expect(find(moves, "collab-starter", "collab-team")).toEqual({
      from: "collab-starter",
      to: "collab-team",
      kind: "upgrade",
      timing: "immediate",
      caseId: "upgrade-now-prorated",
    });
    expect(find(moves, "collab-team", "collab-starter")).toMatchObject({
      kind: "downgrade",
      timing: "next_billing_date",
      caseId: "monthly-downgrade-next-bill",
    });
    // Enterprise's own case comes before the monthly one.
    expect(find(moves, "collab-enterprise", "collab-business")).toMatchObject({
      timing: "end_of_term",
      caseId: "enterprise-downgrade-after-a-year",
    });
    expect(find(moves, "collab-starter", "collab-business")).toBeUndefined();
  });

  it("reads the cases for the customer's billing period and phase", () => {
    const doc = saas();
    const yearly = ladderMoves(doc, "collab", { billingPeriod: "year", phase: "evergreen" });
    expect(find(yearly, "collab-team", "collab-starter")?.caseId).toBe("annual-downgrade-at-term-end");
    const trial = ladderMoves(doc, "collab", { billingPeriod: "month", phase: "trial" });
    expect(trial.every((m) => m.caseId === "trial-change-now" && m.timing === "immediate")).toBe(true);
    const move = find(yearly, "collab-team", "collab-starter")!;
    // annual-downgrade (3rd), monthly-downgrade (5th) and the catch-all default (last) match; the
    // 3rd decides. The add-on cases between them name add-on moves only.
    const last = (doc.pathRules ?? []).findIndex((c) => c.id === "default-end-of-term");
    expect(
      casesMatching(doc.pathRules ?? [], doc, move, { billingPeriod: "year", phase: "evergreen" }),
    ).toEqual([2, 4, last]);
  });

  it("turns a drawn arrow into a first case that decides that move, and the catalog stays valid", () => {
    const doc = saas();
    const cases = doc.pathRules ?? [];
    const created = caseForArrow(cases, pkg(doc, "collab-starter"), pkg(doc, "collab-enterprise"));
    expect(created).toEqual({
      id: "collab-starter-to-collab-enterprise",
      kinds: ["upgrade"],
      from: { packages: ["collab-starter"] },
      to: { packages: ["collab-enterprise"] },
      outcome: { timing: "immediate", proration: "prorate" },
    });
    const next: Catalog = { ...doc, pathRules: [created, ...cases] };
    const moves = ladderMoves(next, "collab", { billingPeriod: "month", phase: "evergreen" });
    // A longer jump is drawn once a case names it.
    expect(find(moves, "collab-starter", "collab-enterprise")).toMatchObject({
      caseId: "collab-starter-to-collab-enterprise",
    });
    expect(validate(next).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const down = caseForArrow(cases, pkg(doc, "collab-business"), pkg(doc, "collab-team"));
    expect(down.outcome).toEqual({ timing: "end_of_term", proration: "none" });
  });

  it("never reuses a case id", () => {
    const cases = [
      { id: "case", outcome: { timing: "immediate" as const } },
      { id: "case-2", outcome: { timing: "immediate" as const } },
    ];
    expect(freeCaseId(cases, "case")).toBe("case-3");
    expect(freeCaseId(cases, "other")).toBe("other");
  });
});
