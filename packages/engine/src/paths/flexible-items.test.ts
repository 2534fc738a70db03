/**
 * Flexible proration item by item (issue 13: Stripe's "flexible" billing mode). Stripe
 * (docs.stripe.com/billing/subscriptions/billing-mode/compare, "Credit proration calculations"):
 * classic credits an item at its *current* price and quantity; flexible "calculates credit
 * prorations based on the original amount previously debited", so a credit for an item never
 * exceeds what was billed for it. The arrangement's `billed.items` records what each item (the
 * base package, each add-on) was billed for the period. April 2026 has 30 days; the fixture bills
 * on the 1st: Pro 20.00, Team 50.00 + 4.00 a seat, Dashboards 4.00 a month.
 */
import type { Arrangement, PathRuleCase } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

const removeNow = (proration: "prorate" | "full_credit"): PathRuleCase => ({
  id: "remove-now",
  kinds: ["remove_add_on"],
  outcome: { timing: "immediate", proration },
});
const flexible = (rules: PathRuleCase[] = []) =>
  fixtureCatalog({
    pathRules: rules,
    patch: (doc) => {
      doc.prorationStyle = "flexible";
    },
  });
const classic = (rules: PathRuleCase[] = []) => fixtureCatalog({ pathRules: rules });
const lines = (m: Move) => m.proration.map((l) => [l.kind, l.amount]);

describe("flexible proration, item by item", () => {
  // 10 seats were invoiced on 1 April (50.00 + 40.00 = 90.00); the seats later went to 15 without
  // proration (110.00 a month now). On 16 April (15 of 30 days left) they go to 20 (130.00).
  const raised = arrangementOn("team", {
    quantities: { "team-seats": 15 },
    billed: { periodStart: "2026-04-01", amount: "90.00", items: [{ package: "team", amount: "90.00" }] },
  });

  it("a quantity raised again mid-period credits what was billed, not the current quantity", () => {
    // Classic: the difference for the days left, (130.00 − 110.00) × 15/30 = +10.00.
    const c = move(paths(classic(), raised, "2026-04-16"), "change_quantity:team-seats");
    expect(lines(applyOk(classic(), raised, { id: c.id, quantity: 20 }, "2026-04-16"))).toEqual([
      ["charge", "10.00"],
    ]);
    // Flexible: −90.00 × 15/30 = −45.00 for what was billed, +130.00 × 15/30 = +65.00 for the
    // new quantity: +20.00 net (the 5 seats never invoiced are billed for the rest of April).
    const f = applyMoveOk(flexible(), raised, { id: "change_quantity:team-seats", quantity: 20 });
    expect(lines(f.move)).toEqual([
      ["credit", "-45.00"],
      ["charge", "65.00"],
    ]);
    expect(f.move.prorationNet).toBe("20.00");
    expect(f.arrangement.billed).toEqual({
      periodStart: "2026-04-01",
      amount: "65.00",
      items: [{ package: "team", from: "2026-04-16", amount: "65.00" }],
    });
  });

  it("an add-on that was not billed this period is removed with no credit", () => {
    // Dashboards held since 10 April, bought without proration: the April record lists Pro only.
    // Removed at once on 20 April (11 of 30 days left): classic credits −4.00 × 11/30 = −1.47;
    // flexible credits nothing, since nothing was debited for it.
    const held = arrangementOn("pro", {
      addOns: [{ package: "dashboards", since: "2026-04-10" }],
      billed: { periodStart: "2026-04-01", amount: "20.00", items: [{ package: "pro", amount: "20.00" }] },
    });
    const rules = [removeNow("prorate")];
    expect(lines(move(paths(classic(rules), held, "2026-04-20"), "remove_add_on:dashboards"))).toEqual([
      ["credit", "-1.47"],
    ]);
    const f = move(paths(flexible(rules), held, "2026-04-20"), "remove_add_on:dashboards");
    expect(f.proration).toEqual([]);
  });

  it("added and removed in one period with full credit: the credit is what was billed, not a whole month", () => {
    // 10 April: Dashboards added, 4.00 × 21/30 = 2.80 charged; the record now says Pro 20.00 for
    // the month and Dashboards 2.80 from 10 April. 20 April: removed with full credit. Classic
    // credits the whole month, −4.00, more than was ever billed; flexible credits the 2.80.
    const rules = [removeNow("full_credit")];
    const added = applyMove(flexible(rules), arrangementOn("pro"), { id: "add_on:dashboards" }, "2026-04-10");
    if (!added.ok) throw new Error(added.reasons.join(" "));
    expect(lines(added.move)).toEqual([["charge", "2.80"]]);
    expect(added.arrangement.billed).toEqual({
      periodStart: "2026-04-01",
      amount: "22.80",
      items: [
        { package: "pro", amount: "20.00" },
        { package: "dashboards", from: "2026-04-10", amount: "2.80" },
      ],
    });
    const withoutRecord: Arrangement = { ...added.arrangement };
    delete withoutRecord.billed;
    expect(
      lines(move(paths(classic(rules), withoutRecord, "2026-04-20"), "remove_add_on:dashboards")),
    ).toEqual([["credit", "-4.00"]]);
    const removed = applyMove(
      flexible(rules),
      added.arrangement,
      { id: "remove_add_on:dashboards" },
      "2026-04-20",
    );
    if (!removed.ok) throw new Error(removed.reasons.join(" "));
    expect(lines(removed.move)).toEqual([["credit", "-2.80"]]);
    expect(removed.move.proration[0]?.description).toBe(
      "Credit for what was billed for Dashboards this period",
    );
    expect(removed.arrangement.billed?.items).toEqual([{ package: "pro", amount: "20.00" }]);
  });

  it("a plan change credits each item's unused billed amount (a discounted invoice credits less)", () => {
    // April's invoice billed Pro at 15.00 (a 25% coupon on 20.00 that has since ended) and
    // Dashboards 2.80 from 10 April. Upgrade to Team on 16 April (15 of 30 days left): flexible
    // credits 15.00 × 15/30 = 7.50 and 2.80 × 15/21 = 2.00, so −9.50; classic credits the
    // current 24.00 × 15/30 = −12.00.
    const held = arrangementOn("pro", {
      addOns: [{ package: "dashboards", since: "2026-04-10" }],
      billed: {
        periodStart: "2026-04-01",
        amount: "17.80",
        items: [
          { package: "pro", amount: "15.00" },
          { package: "dashboards", from: "2026-04-10", amount: "2.80" },
        ],
      },
    });
    const f = move(paths(flexible(), held, "2026-04-16"), "upgrade:team");
    expect(f.proration[0]).toMatchObject({ kind: "credit", amount: "-9.50" });
    const c = move(paths(classic(), held, "2026-04-16"), "upgrade:team");
    expect(c.proration[0]).toMatchObject({ kind: "credit", amount: "-12.00" });
  });
});

function applyMoveOk(
  catalog: ReturnType<typeof flexible>,
  a: Arrangement,
  req: { id: string; quantity?: number },
) {
  const r = applyMove(catalog, a, req, "2026-04-16");
  if (!r.ok) throw new Error(r.reasons.join(" "));
  return r;
}

function applyOk(
  catalog: ReturnType<typeof flexible>,
  a: Arrangement,
  req: { id: string; quantity?: number },
  asOf: string,
): Move {
  const r = applyMove(catalog, a, req, asOf);
  if (!r.ok) throw new Error(r.reasons.join(" "));
  return r.move;
}
