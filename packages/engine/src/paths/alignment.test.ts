/**
 * Alignments on lifecycle moves (Kill Bill's change, create and billing alignments) and week-based
 * billing in paths. The expected numbers are worked out by hand in the comments.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_alignments
 */
import type { Catalog, Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

function withPhases(id: string, phases: Package["phases"], alignments?: Catalog["alignments"]) {
  return fixtureCatalog({
    patch: (d) => {
      const p = d.packages.find((x) => x.id === id);
      if (!p) throw new Error(id);
      if (phases) p.phases = phases;
      if (alignments) d.alignments = alignments;
    },
  });
}

describe("change alignment: from which date the new package's phases count", () => {
  // Basic on a 30-day trial that began 2026-04-01 (billing would start 2026-05-01).
  const inTrial = arrangementOn("basic", {
    start: "2026-04-01",
    phase: "trial",
    phaseEnds: "2026-05-01",
    billingAnchor: "2026-05-01",
    term: { months: 12, start: "2026-05-01", end: "2027-05-01" },
  });
  const trial30: Package["phases"] = [{ type: "trial", duration: { length: 30, unit: "day" } }];

  it("CHANGE_OF_PLAN (change_date, the default): Pro's 30-day trial starts again on the change", () => {
    // Upgrade on 2026-04-11: 2026-04-11 + 30 days = 2026-05-11; billing and the term start then.
    const up = applyMove(withPhases("pro", trial30), inTrial, { id: "upgrade:pro" }, "2026-04-11");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.arrangement).toMatchObject({
      phase: "trial",
      phaseEnds: "2026-05-11",
      billingAnchor: "2026-05-11",
      term: { months: 12, start: "2026-05-11", end: "2027-05-11" },
    });
    expect(up.move.proration).toEqual([]);
  });

  it("START_OF_BUNDLE: Pro's trial counts from the bundle's start, so 20 days are left", () => {
    // Pro's 30-day trial from 2026-04-01 ends 2026-05-01: on 2026-04-11 the customer keeps the
    // trial until 2026-05-01 (not a fresh 30 days); billing and the term start 2026-05-01.
    const catalog = withPhases("pro", trial30, { change: [{ id: "bundle", alignment: "start_of_bundle" }] });
    const up = applyMove(catalog, inTrial, { id: "upgrade:pro" }, "2026-04-11");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.arrangement).toMatchObject({
      start: "2026-04-01",
      phase: "trial",
      phaseEnds: "2026-05-01",
      billingAnchor: "2026-05-01",
      term: { months: 12, start: "2026-05-01", end: "2027-05-01" },
    });
    expect(up.move.notes).toContain(
      "Pro's 30 days free trial (counted from the start of the bundle, 2026-04-01: change alignment start_of_bundle, case bundle) runs until 2026-05-01; billing starts then.",
    );
  });

  // Basic since 2026-01-01, paying (evergreen), monthly on the 1st.
  const paying = arrangementOn("basic", { start: "2026-01-01", recurring: "10.00" });
  const trialThenHalf: Package["phases"] = [
    { type: "trial", duration: { length: 30, unit: "day" } },
    { type: "discount", duration: { length: 3, unit: "month" }, discountPercent: "50" },
  ];

  it("START_OF_BUNDLE on a paying customer: the discount phase Pro would be in prices the rest of the period", () => {
    // Pro's phases from 2026-01-01: trial to 2026-01-31, 50% off to 2026-04-30 (Jan 31 + 3 months,
    // clamped), then regular. Upgrade (immediate, prorated) on 2026-02-16 inside the Feb period
    // (28 days, 13 unused): credit −10.00 × 13/28 = −4.642… → −4.64; charge Pro at 50% off,
    // 10.00 × 13/28 → 4.64; net 0.00. The arrangement is in the discount phase until 2026-04-30.
    const catalog = withPhases("pro", trialThenHalf, { change: [{ alignment: "start_of_bundle" }] });
    const up = applyMove(catalog, paying, { id: "upgrade:pro" }, "2026-02-16");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.move.proration.map((l) => l.amount)).toEqual(["-4.64", "4.64"]);
    expect(up.move.prorationNet).toBe("0.00");
    expect(up.arrangement).toMatchObject({ phase: "discount", phaseEnds: "2026-04-30", phaseIndex: 1 });
    expect(up.move.newRecurring).toBe("20.00");
  });

  it("CHANGE_OF_PLAN on a paying customer keeps it evergreen: no second trial, regular proration", () => {
    // Default change alignment: Basic 10.00 → Pro 20.00 on 2026-02-16, 13 of 28 days:
    // −10.00 × 13/28 = −4.64; +20.00 × 13/28 = 9.285… → 9.29; net 4.65.
    const up = applyMove(withPhases("pro", trialThenHalf), paying, { id: "upgrade:pro" }, "2026-02-16");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.move.proration.map((l) => l.amount)).toEqual(["-4.64", "9.29"]);
    expect(up.arrangement.phase).toBeUndefined();
  });

  it("CHANGE_OF_PLAN on a customer in a paid discount phase: no trial either, and billing keeps its date", () => {
    // Found by the seeded sample: a Starter customer in its paid intro phase upgraded to Team and
    // got Team's 14-day trial, moving its billing date 14 days on. Paying is paying, in any phase.
    const inDiscount = { ...paying, phase: "discount" as const, phaseEnds: "2026-04-01", phaseIndex: 1 };
    const up = applyMove(withPhases("pro", trialThenHalf), inDiscount, { id: "upgrade:pro" }, "2026-02-16");
    if (!up.ok) throw new Error(up.reasons.join(" "));
    expect(up.arrangement.phase).not.toBe("trial");
    expect(up.arrangement.billingAnchor).toBe(paying.billingAnchor);
    expect(up.arrangement.term.start).toBe(paying.term.start);
    // Charged now, for the rest of the period: not deferred to the end of a trial.
    expect(up.move.proration.length).toBeGreaterThan(0);
  });
});

describe("create and billing alignment of a new add-on", () => {
  const onPro = arrangementOn("pro", { start: "2026-01-01", recurring: "20.00" });
  const ssoTrial: Package["phases"] = [{ type: "trial", duration: { length: 30, unit: "day" } }];

  it("START_OF_BUNDLE (the default): an add-on's 30-day trial counts from the bundle's start", () => {
    // Bundle from 2026-01-01: SSO's trial ends 2026-01-31. Bought 2026-01-11: free until then,
    // nothing charged now; its regular 5.00 a month is in the new recurring price.
    const r = paths(withPhases("sso", ssoTrial), onPro, "2026-01-11");
    const m = move(r, "add_on:sso");
    expect(m.proration).toEqual([]);
    expect(m.newRecurring).toBe("25.00");
    expect(m.notes).toContain(
      "SSO's 30 days free trial, counted from the start of the bundle (2026-01-01, create alignment start_of_bundle), runs until 2026-01-31: it is billed from then.",
    );
    const applied = applyMove(withPhases("sso", ssoTrial), onPro, { id: "add_on:sso" }, "2026-01-11");
    if (!applied.ok) throw new Error(applied.reasons.join(" "));
    expect(applied.arrangement.addOns).toEqual([
      { package: "sso", since: "2026-01-11", phase: "trial", phaseEnds: "2026-01-31" },
    ]);
  });

  it("START_OF_SUBSCRIPTION: the add-on's trial counts from the day it is bought", () => {
    // 2026-01-11 + 30 days = 2026-02-10.
    const catalog = withPhases("sso", ssoTrial, { create: [{ alignment: "start_of_subscription" }] });
    const applied = applyMove(catalog, onPro, { id: "add_on:sso" }, "2026-01-11");
    if (!applied.ok) throw new Error(applied.reasons.join(" "));
    expect(applied.arrangement.addOns?.[0]).toMatchObject({ phase: "trial", phaseEnds: "2026-02-10" });
    expect(applied.move.proration).toEqual([]);
  });

  it("START_OF_BUNDLE after the add-on's trial is over: prorated to the base's next billing date", () => {
    // On 2026-02-15 the trial (to 2026-01-31) is over: 5.00 × 14/28 days of February = 2.50.
    const m = move(paths(withPhases("sso", ssoTrial), onPro, "2026-02-15"), "add_on:sso");
    expect(m.proration.map((l) => [l.amount, l.days, l.periodDays])).toEqual([["2.50", 14, 28]]);
  });

  it("billing alignment BUNDLE (the default): an add-on is prorated to the base's billing date (Stripe)", () => {
    // Dashboards 4.00 a month bought 2026-01-11 on a plan billed on the 1st: 21 of 31 days =
    // 4.00 × 21/31 = 2.709… → 2.71.
    const m = move(paths(fixtureCatalog(), arrangementOn("basic"), "2026-01-11"), "add_on:dashboards");
    expect(m.proration.map((l) => l.amount)).toEqual(["2.71"]);
  });

  it("billing alignment SUBSCRIPTION: the add-on bills a whole period on its own anniversary", () => {
    // A full 4.00 period from 2026-01-11 to 2026-02-11 (31 days); it then bills every 11th.
    const catalog = withPhases("dashboards", undefined, {
      billing: [{ when: { roles: ["add_on"] }, alignment: "subscription" }, { alignment: "account" }],
    });
    const applied = applyMove(catalog, arrangementOn("basic"), { id: "add_on:dashboards" }, "2026-01-11");
    if (!applied.ok) throw new Error(applied.reasons.join(" "));
    expect(applied.move.proration).toEqual([
      {
        kind: "charge",
        description: "First period of Dashboards (its own anniversary)",
        amount: "4.00",
        periodStart: "2026-01-11",
        periodEnd: "2026-02-11",
        days: 31,
        periodDays: 31,
        timing: "in_advance",
      },
    ]);
    expect(applied.arrangement.addOns?.[0]).toMatchObject({ billingAnchor: "2026-01-11" });
  });
});

describe("the phase in force", () => {
  it("after the arrangement's phase ends, the package's next phase applies from that day (Kill Bill phase transitions)", () => {
    // Pro: 50% off for 1 month, then 25% off for 2 months, then regular. The arrangement's first
    // phase ended 2026-02-01, so on 2026-02-10 it is in the second: 2026-02-01 + 2 months = 2026-04-01.
    const catalog = withPhases("pro", [
      { type: "discount", duration: { length: 1, unit: "month" }, discountPercent: "50" },
      { type: "discount", duration: { length: 2, unit: "month" }, discountPercent: "25" },
    ]);
    const a = arrangementOn("pro", { phase: "discount", phaseIndex: 0, phaseEnds: "2026-02-01" });
    expect(paths(catalog, a, "2026-02-10").current.summary).toBe(
      "Pro, billed monthly; 12-month term 2026-01-01 to 2027-01-01; in its discount phase (2 months 25% off) until 2026-04-01.",
    );
    expect(paths(catalog, a, "2026-04-01").current.summary).toBe(
      "Pro, billed monthly; 12-month term 2026-01-01 to 2027-01-01.",
    );
  });
});

describe("week-based billing in paths", () => {
  const weekly = fixtureCatalog({
    patch: (d) => {
      const plan = (id: string, name: string, tier: number, amount: string): Package => ({
        id,
        name,
        portfolio: "labs",
        role: "base",
        tier,
        status: "active",
        billingPeriods: ["week"],
        terms: [{ weeks: 12, default: true }],
        charges: [
          {
            id: `${id}-fee`,
            model: "flat",
            pricePoints: [
              { currency: "USD", billingPeriod: "week", amount },
              { currency: "EUR", billingPeriod: "week", amount },
            ],
          },
        ],
      });
      d.packages.push(plan("box", "Weekly box", 2, "10.00"), plan("box-plus", "Weekly box plus", 3, "15.00"));
    },
  });
  // Weekly box from Monday 2026-01-05 for 12 weeks (to 2026-03-30), billed every Monday.
  const box = arrangementOn("box", {
    billingPeriod: "week",
    term: { weeks: 12, start: "2026-01-05", end: "2026-03-30" },
    billingAnchor: "2026-01-05",
  });

  it("an upgrade on Thursday prorates the 4 days left of the weekly period (Stripe day-based proration)", () => {
    // Week 2026-01-05 → 2026-01-12 (7 days), 4 unused from Thursday 01-08: credit −10.00 × 4/7 =
    // −5.714… → −5.71; charge 15.00 × 4/7 = 8.571… → 8.57; net 2.86. MRR 10.00 × 52/12 = 43.33 →
    // 15.00 × 52/12 = 65.00: +21.67.
    const r = paths(weekly, box, "2026-01-08");
    expect(r.current.mrr).toBe("43.33");
    const up = move(r, "upgrade:box-plus");
    expect(up.proration.map((l) => [l.amount, l.days, l.periodDays])).toEqual([
      ["-5.71", 4, 7],
      ["8.57", 4, 7],
    ]);
    expect(up).toMatchObject({ prorationNet: "2.86", newMrr: "65.00", mrrDelta: "21.67" });
  });

  it("renewing a 12-week term: move renew:12w, a new 12-week term from the term's end", () => {
    const renew = move(paths(weekly, box, "2026-03-10"), "renew:12w");
    expect(renew).toMatchObject({
      label: "Renew for 12 weeks",
      effectiveDate: "2026-03-30",
      term: { weeks: 12, start: "2026-03-30", end: "2026-06-22" },
    });
  });

  it("a cancellation at the next billing date ends on the next Monday", () => {
    const catalog = fixtureCatalog({
      pathRules: [{ id: "cancel-weekly", kinds: ["terminate"], outcome: { timing: "next_billing_date" } }],
      patch: (d) => {
        const p = weekly.doc.packages.find((x) => x.id === "box");
        if (p) d.packages.push(p);
      },
    });
    const cancel = move(paths(catalog, box, "2026-01-08"), "terminate");
    expect(cancel.effectiveDate).toBe("2026-01-12");
  });
});
