/**
 * Cancellation (issue 13, Missing 1): the policies Kill Bill names — IMMEDIATE, END_OF_TERM and end
 * of the billing period — with or without a proration credit, a chosen future date, and uncancel.
 * Kill Bill subscription guide, "Cancellation" (docs.killbill.io/latest/userguide_subscription.html):
 * an immediate cancellation can credit the unused part of the period already invoiced; a pending
 * cancellation can be withdrawn (uncancel) until it takes effect. Numbers are worked out by hand.
 */
import type { PathRuleCase } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

const policy = (outcome: PathRuleCase["outcome"]) =>
  fixtureCatalog({ pathRules: [{ id: "cancel-policy", kinds: ["terminate"], outcome }] });

describe("cancellation policies", () => {
  // Pro: 20.00 a month billed on the 1st, 12-month term to 2027-01-01, 50 % early termination fee.
  // Cancelled on 2026-04-16: 15 of the 30 days of April are unused.
  it("immediate with a proration credit: −20.00 × 15/30 = −10.00", () => {
    const t = move(
      paths(policy({ timing: "immediate", proration: "prorate" }), arrangementOn("pro"), "2026-04-16"),
      "terminate",
    );
    expect(t).toMatchObject({
      effectiveDate: "2026-04-16",
      prorationPolicy: "prorate",
      prorationNet: "-10.00",
    });
    expect(t.proration.map((l) => [l.kind, l.amount, l.days, l.periodDays])).toEqual([
      ["credit", "-10.00", 15, 30],
    ]);
    // Fee: May–December, 8 periods × 20.00 × 50 % = 80.00.
    expect(t.fee).toBe("80.00");
  });

  it("immediate without a credit", () => {
    const t = move(
      paths(policy({ timing: "immediate", proration: "none" }), arrangementOn("pro"), "2026-04-16"),
      "terminate",
    );
    expect(t).toMatchObject({ effectiveDate: "2026-04-16", proration: [] });
    expect(t.prorationNet).toBeUndefined();
  });

  it("end of the billing period: the invoiced April is served, no credit", () => {
    const t = move(
      paths(policy({ timing: "next_billing_date" }), arrangementOn("pro"), "2026-04-16"),
      "terminate",
    );
    expect(t).toMatchObject({ effectiveDate: "2026-05-01", proration: [], fee: "80.00" });
  });

  it("end of term: no fee, nothing prorated", () => {
    const t = move(paths(policy({ timing: "end_of_term" }), arrangementOn("pro"), "2026-04-16"), "terminate");
    expect(t).toMatchObject({ effectiveDate: "2027-01-01", proration: [] });
    expect(t.fee).toBeUndefined();
  });
});

describe("cancellation on a chosen future date", () => {
  it("ends on the date asked for, never before the notice allows", () => {
    // Basic has 30 days' notice: from 2026-04-16 the earliest end date is 2026-05-16.
    const a = arrangementOn("basic");
    const listed = move(paths(fixtureCatalog(), a, "2026-04-16"), "terminate");
    expect(listed.earliestDate).toBe("2026-05-16");
    expect(applyMove(fixtureCatalog(), a, { id: "terminate", date: "2026-05-10" }, "2026-04-16")).toEqual({
      ok: false,
      reasons: ["Basic cannot end on 2026-05-10: with 30 days' notice the earliest end date is 2026-05-16."],
    });
    const chosen = applyMove(fixtureCatalog(), a, { id: "terminate", date: "2026-06-15" }, "2026-04-16");
    if (!chosen.ok) throw new Error(chosen.reasons.join(" "));
    expect(chosen.arrangement).toMatchObject({
      status: "pending_termination",
      terminationDate: "2026-06-15",
    });
    expect(chosen.move.effectiveDate).toBe("2026-06-15");
    expect(chosen.move.notes).toContain("Ends on the chosen date 2026-06-15 instead of 2027-01-01.");
  });
});

describe("uncancel", () => {
  const pending = arrangementOn("pro", { status: "pending_termination", terminationDate: "2027-01-01" });

  it("withdraws a pending cancellation; the plan can change again afterwards", () => {
    const result = paths(fixtureCatalog(), pending, "2026-04-16");
    expect(move(result, "uncancel")).toMatchObject({
      valid: true,
      kind: "uncancel",
      effectiveDate: "2026-04-16",
      newRecurring: "20.00",
      mrrDelta: "0.00",
      notes: ["The termination scheduled for 2027-01-01 is withdrawn; Pro continues to 2027-01-01."],
    });
    const kept = applyMove(fixtureCatalog(), pending, { id: "uncancel" }, "2026-04-16");
    if (!kept.ok) throw new Error(kept.reasons.join(" "));
    expect(kept.arrangement.status).toBe("active");
    expect(kept.arrangement.terminationDate).toBeUndefined();
    expect(move(paths(fixtureCatalog(), kept.arrangement, "2026-04-16"), "upgrade:team").valid).toBe(true);
  });

  it("is not offered without a pending cancellation, and refused once it took effect", () => {
    expect(
      paths(fixtureCatalog(), arrangementOn("pro"), "2026-04-16").moves.some((m) => m.kind === "uncancel"),
    ).toBe(false);
    expect(move(paths(fixtureCatalog(), pending, "2027-01-05"), "uncancel").reasons).toEqual([
      "The termination took effect on 2027-01-01; it can no longer be withdrawn.",
    ]);
  });
});
