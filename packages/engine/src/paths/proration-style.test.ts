/**
 * Proration styles (issue 13, Missing: proration styles). Stripe's billing modes
 * (docs.stripe.com/billing/subscriptions/billing-mode/compare, "Credit proration calculations"):
 * classic credits the unused time at the item's *current* price and quantity; flexible credits
 * from the amount *previously debited*. Tessera's day_based style is classic, flexible is flexible,
 * chosen per catalog (`prorationStyle`) or per path rule case (`outcome.prorationStyle`).
 *
 * Stripe's reason for flexible: a quantity raised mid-period without proration was never billed,
 * so crediting it is wrong. Team here: 50.00 + 4.00 per seat a month, billed on the 1st. On
 * 1 April 10 seats were invoiced (50.00 + 40.00 = 90.00); later the seats went to 15 without
 * proration (now 110.00 a month). Cancelled at once with a credit on 16 April, 15 of 30 days
 * unused: classic −110.00 × 15/30 = −55.00; flexible −90.00 × 15/30 = −45.00.
 */
import type { Catalog, PathRuleCase } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { validate } from "../validate/index.ts";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

const cancelNow: PathRuleCase = {
  id: "cancel-now",
  kinds: ["terminate"],
  outcome: { timing: "immediate", proration: "prorate" },
};
const styled = (style: Catalog["prorationStyle"] | undefined, pathRules: PathRuleCase[] = [cancelNow]) =>
  fixtureCatalog({
    pathRules,
    patch: (doc) => {
      if (style) doc.prorationStyle = style;
      // No early termination fee, so the test reads only the credit.
      delete doc.packages.find((p) => p.id === "team")!.termination;
    },
  });

const raised = arrangementOn("team", {
  quantities: { "team-seats": 15 },
  recurring: "110.00",
  billed: { periodStart: "2026-04-01", amount: "90.00" },
});

describe("proration styles (Stripe classic vs flexible billing mode)", () => {
  it("day_based (classic, the default) credits the current price: −110.00 × 15/30 = −55.00", () => {
    const t = move(paths(styled(undefined), raised, "2026-04-16"), "terminate");
    expect(t.proration.map((l) => l.amount)).toEqual(["-55.00"]);
  });

  it("flexible credits what was billed: −90.00 × 15/30 = −45.00", () => {
    const t = move(paths(styled("flexible"), raised, "2026-04-16"), "terminate");
    expect(t.proration.map((l) => [l.amount, l.days, l.periodDays])).toEqual([["-45.00", 15, 30]]);
    expect(t.proration[0]?.description).toBe(
      "Unused time on Team, from what was billed (15 of 30 days billed)",
    );
  });

  it("a path rule case chooses its own style over the catalog's", () => {
    const rules: PathRuleCase[] = [
      { ...cancelNow, outcome: { ...cancelNow.outcome, prorationStyle: "day_based" } },
    ];
    const t = move(paths(styled("flexible", rules), raised, "2026-04-16"), "terminate");
    expect(t.proration.map((l) => l.amount)).toEqual(["-55.00"]);
  });

  it("a record for another period is ignored: both styles credit the current price", () => {
    const old = { ...raised, billed: { periodStart: "2026-03-01", amount: "90.00" } };
    const t = move(paths(styled("flexible"), old, "2026-04-16"), "terminate");
    expect(t.proration.map((l) => l.amount)).toEqual(["-55.00"]);
  });

  it("a mid-period upgrade records what it billed; a later change credits from it", () => {
    // Pro 20.00 → Team 70.00 (5 seats) on 16 April: −10.00 and +35.00 for 15 of 30 days, so
    // 35.00 is what was billed for 16 April – 1 May.
    const catalog = styled("flexible", [
      { id: "down-now", kinds: ["downgrade"], outcome: { timing: "immediate", proration: "prorate" } },
    ]);
    const up = applyMove(catalog, arrangementOn("pro"), { id: "upgrade:team" }, "2026-04-16");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.move.proration.map((l) => l.amount)).toEqual(["-10.00", "35.00"]);
    expect(up.arrangement.billed).toEqual({ periodStart: "2026-04-01", from: "2026-04-16", amount: "35.00" });
    // Back to Pro on 21 April: 10 of the 15 billed days unused, −35.00 × 10/15 = −23.33;
    // Pro for the 10 days left of April's 30: +20.00 × 10/30 = +6.67.
    const down = move(paths(catalog, up.arrangement, "2026-04-21"), "downgrade:pro");
    expect(down.proration.map((l) => [l.kind, l.amount])).toEqual([
      ["credit", "-23.33"],
      ["charge", "6.67"],
    ]);
    expect(down.prorationNet).toBe("-16.66");
  });

  it("validates the new fields: an unknown style is a located schema error", () => {
    const doc = structuredClone(styled("flexible").doc) as unknown as Record<string, unknown>;
    doc.prorationStyle = "hourly";
    const result = validate(doc);
    expect(result.valid).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual([
      "schema.enum",
      "/prorationStyle",
    ]);
  });
});
