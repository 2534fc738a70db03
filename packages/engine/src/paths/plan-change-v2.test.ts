/**
 * Regression tests for issue 13 "Subscription lifecycle v2" (plan changes that were wrong or
 * inconsistent): trials, pending cancellations and proration by charge timing. Expected numbers are
 * worked out by hand in the comments, from the public docs each test names.
 */
import type { Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

/** Basic on a 14-day free trial from 2026-04-17: billing (and the term) would start on 2026-05-01. */
const inTrial = arrangementOn("basic", {
  phase: "trial",
  phaseEnds: "2026-05-01",
  billingAnchor: "2026-05-01",
  term: { months: 12, start: "2026-05-01", end: "2027-05-01" },
});

describe("plan change during a trial: the new package's own phases apply from the change", () => {
  it("a package without a trial is billed from the change, its first period charged then", () => {
    // Kill Bill's change alignment CHANGE_OF_PLAN (docs.killbill.io, userguide_subscription, plan
    // change alignment): the new plan's phases start on the change date. Pro has no trial, so the
    // upgrade on 2026-04-16 starts billing at once: the first monthly period 2026-04-16 →
    // 2026-05-16 is charged 20.00 on the change; nothing was billed during the trial to credit.
    const up = applyMove(fixtureCatalog(), inTrial, { id: "upgrade:pro" }, "2026-04-16");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.arrangement.phase).toBeUndefined();
    expect(up.arrangement.phaseEnds).toBeUndefined();
    expect(up.arrangement).toMatchObject({
      package: "pro",
      billingAnchor: "2026-04-16",
      term: { months: 12, start: "2026-04-16", end: "2027-04-16" },
    });
    expect(up.move.proration).toEqual([
      {
        kind: "charge",
        description: "First period of Pro",
        amount: "20.00",
        periodStart: "2026-04-16",
        periodEnd: "2026-05-16",
        days: 30,
        periodDays: 30,
        timing: "in_advance",
      },
    ]);
    expect(up.move.prorationNet).toBe("20.00");
    expect(up.move.notes).toContain("Pro has no trial: billing starts on 2026-04-16.");
  });

  it("a package with its own trial starts that trial on the change (Stripe trial_from_plan)", () => {
    // Stripe changelog 2018-05-21: changing to a plan with a trial (trial_from_plan) grants the new
    // plan's full trial. Pro with a 14-day trial from 2026-04-16: billing starts 2026-04-30.
    const catalog = fixtureCatalog({
      patch: (doc) => {
        doc.packages.find((p) => p.id === "pro")!.phases = [{ type: "trial", days: 14 }];
      },
    });
    const up = applyMove(catalog, inTrial, { id: "upgrade:pro" }, "2026-04-16");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.arrangement).toMatchObject({
      phase: "trial",
      phaseEnds: "2026-04-30",
      billingAnchor: "2026-04-30",
      term: { months: 12, start: "2026-04-30", end: "2027-04-30" },
    });
    expect(up.move.proration).toEqual([]);
  });

  it("a paying (evergreen) customer keeps the billing cycle and gets no new trial", () => {
    const catalog = fixtureCatalog({
      patch: (doc) => {
        doc.packages.find((p) => p.id === "pro")!.phases = [{ type: "trial", days: 14 }];
      },
    });
    const up = applyMove(catalog, arrangementOn("basic"), { id: "upgrade:pro" }, "2026-04-16");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.arrangement.phase).toBeUndefined();
    expect(up.arrangement.billingAnchor).toBe("2026-01-01");
  });
});

describe("plan change while a cancellation is pending", () => {
  it("is refused with the way out; a retention offer still withdraws the cancellation", () => {
    const a = arrangementOn("pro", { status: "pending_termination", terminationDate: "2027-01-01" });
    const result = paths(fixtureCatalog(), a, "2026-04-16");
    const reason =
      "A termination is scheduled for 2027-01-01; withdraw it (uncancel) before changing the package.";
    expect(move(result, "upgrade:team")).toMatchObject({ valid: false, reasons: [reason] });
    expect(move(result, "downgrade:basic").reasons).toContain(reason);
    expect(applyMove(fixtureCatalog(), a, { id: "upgrade:team" }, "2026-04-16")).toEqual({
      ok: false,
      reasons: [reason],
    });
    expect(move(result, "retention_offer:pro-step-down").valid).toBe(true);
  });
});

describe("proration follows each charge's timing", () => {
  const arrear = (id: string, amount: string): Package["charges"][number] => ({
    id: `${id}-fee`,
    model: "flat",
    timing: "in_arrear",
    pricePoints: [{ currency: "USD", billingPeriod: "month", amount }],
  });

  it("in arrear: bills the used days at the old price and the rest at the new (Lago)", () => {
    // getlago.com/docs/guide/subscriptions/upgrades-downgrades, "Subscription paid in arrears":
    // Plan A 100 €/month in arrears from 1 January, upgraded on 15 January to Plan B 200 €/month.
    // January has 31 days: 14 used on A = 100 × 14 / 31 = 45.161… → 45.16; the 17 left on B =
    // 200 × 17 / 31 = 109.677… → 109.68. Nothing was paid in advance, so nothing is credited.
    const catalog = fixtureCatalog({
      patch: (doc) => {
        doc.packages.find((p) => p.id === "basic")!.charges = [arrear("basic", "100.00")];
        doc.packages.find((p) => p.id === "pro")!.charges = [arrear("pro", "200.00")];
      },
    });
    const up = move(paths(catalog, arrangementOn("basic"), "2026-01-15"), "upgrade:pro");
    expect(up.proration.map((l) => [l.kind, l.description, l.amount, l.timing])).toEqual([
      ["charge", "Used time on Basic, billed in arrear (14 of 31 days)", "45.16", "in_arrear"],
      ["charge", "Remaining time on Pro, billed in arrear (17 of 31 days)", "109.68", "in_arrear"],
    ]);
    expect(up.prorationNet).toBe("154.84");
  });

  it("in advance: credits the unused days and charges the rest, with the net due (Stripe)", () => {
    // docs.stripe.com/billing/subscriptions/prorations: 10 → 20 halfway through the month:
    // −5.00 unused time, +10.00 remaining time, 5.00 due. April 2026 from the 16th: 15 of 30 days.
    const up = move(paths(fixtureCatalog(), arrangementOn("basic"), "2026-04-16"), "upgrade:pro");
    expect(up.proration.map((l) => [l.amount, l.timing])).toEqual([
      ["-5.00", "in_advance"],
      ["10.00", "in_advance"],
    ]);
    expect(up.prorationNet).toBe("5.00");
  });

  it("mixed: each charge follows its own timing on one move", () => {
    // Basic: 10.00 in advance + 31.00 in arrear; Pro: 20.00 in advance + 62.00 in arrear. Change
    // on 2026-01-15 (14 of 31 days used, 17 left): advance −10 × 17/31 = −5.48, +20 × 17/31 =
    // 10.97; arrear +31 × 14/31 = 14.00, +62 × 17/31 = 34.00. Net 53.49.
    const catalog = fixtureCatalog({
      patch: (doc) => {
        const basic = doc.packages.find((p) => p.id === "basic")!;
        basic.charges = [basic.charges[0]!, arrear("basic-usage", "31.00")];
        const pro = doc.packages.find((p) => p.id === "pro")!;
        pro.charges = [pro.charges[0]!, arrear("pro-usage", "62.00")];
      },
    });
    const up = move(paths(catalog, arrangementOn("basic"), "2026-01-15"), "upgrade:pro");
    expect(up.proration.map((l) => [l.kind, l.amount, l.timing])).toEqual([
      ["credit", "-5.48", "in_advance"],
      ["charge", "14.00", "in_arrear"],
      ["charge", "10.97", "in_advance"],
      ["charge", "34.00", "in_arrear"],
    ]);
    expect(up.prorationNet).toBe("53.49");
  });
});
