import type { Arrangement } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

const MID_APRIL = "2026-04-16"; // April has 30 days: 15 used (1st–15th), 15 unused.

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

describe("worked examples of public billing docs", () => {
  // Stripe, "Prorations": upgrading from a 10 USD monthly plan to a 20 USD one halfway through the
  // billing period credits 5 USD of unused time and charges 10 USD for the remaining time.
  // https://docs.stripe.com/billing/subscriptions/prorations
  it("prorates a mid-period upgrade: −5.00 unused time, +10.00 remaining time (Stripe)", () => {
    const result = paths(fixtureCatalog(), arrangementOn("basic"), MID_APRIL);
    const up = move(result, "upgrade:pro");
    expect(up).toMatchObject({
      kind: "upgrade",
      valid: true,
      timing: "immediate",
      effectiveDate: MID_APRIL,
      prorationPolicy: "prorate",
      newRecurring: "20.00",
      mrrDelta: "10.00",
      termRestarts: false,
    });
    expect(up.proration.map((l) => [l.kind, l.amount, l.days, l.periodDays])).toEqual([
      ["credit", "-5.00", 15, 30],
      ["charge", "10.00", 15, 30],
    ]);
    expect(result.current).toMatchObject({ recurring: "10.00", mrr: "10.00" });
  });

  // Kill Bill's default change policy for a downgrade is END_OF_TERM: the customer keeps the plan
  // they paid for until the term ends, and nothing is credited.
  // https://docs.killbill.io/latest/userguide_subscription.html#_plan_change_rules
  it("defers a downgrade to the end of the term with no credit (Kill Bill END_OF_TERM)", () => {
    const down = move(paths(fixtureCatalog(), arrangementOn("pro"), MID_APRIL), "downgrade:basic");
    expect(down).toMatchObject({
      valid: true,
      timing: "end_of_term",
      effectiveDate: "2027-01-01",
      prorationPolicy: "none",
      proration: [],
      newRecurring: "10.00",
      mrrDelta: "-10.00",
      termRestarts: true,
      term: { months: 12, start: "2027-01-01", end: "2028-01-01" },
    });
  });

  // Kill Bill's ILLEGAL change policy refuses the change; the case that forbids it is named.
  it("refuses a change an ILLEGAL case forbids, in paths and in applyMove alike", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        {
          id: "no-step-down-from-team",
          kinds: ["downgrade"],
          from: { packages: ["team"] },
          outcome: { timing: "illegal", reason: "Team customers cannot step down during a contract." },
        },
      ],
    });
    const arrangement = arrangementOn("team");
    const down = move(paths(catalog, arrangement, MID_APRIL), "downgrade:pro");
    expect(down.valid).toBe(false);
    expect(down.blockedBy).toBe("no-step-down-from-team");
    expect(down.reasons).toEqual([
      "Not allowed by path rule no-step-down-from-team: Team customers cannot step down during a contract.",
    ]);
    expect(applyMove(catalog, arrangement, { id: "downgrade:pro" }, MID_APRIL)).toEqual({
      ok: false,
      reasons: down.reasons,
    });
  });

  // Chargebee lets a change credit the unused period; full_credit credits the whole period paid.
  // https://chargebee.com/docs/2.0/subscriptions/articles-and-faq/how-to-give-my-customers-the-credits-for-the-unused-period-when-there-is-a-subscription-change.html
  it("credits the whole current period under full_credit", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        { id: "credit-all", kinds: ["upgrade"], outcome: { timing: "immediate", proration: "full_credit" } },
      ],
    });
    const up = move(paths(catalog, arrangementOn("basic"), MID_APRIL), "upgrade:pro");
    expect(up.ruleCase).toBe("credit-all");
    expect(up.proration.map((l) => [l.kind, l.amount])).toEqual([
      ["credit", "-10.00"],
      ["charge", "10.00"],
    ]);
  });

  // Kill Bill: an add-on included in the new plan is no longer billed; one not available on it is
  // cancelled with the change.
  it("drops an add-on from billing when the new base includes it, and cancels one the new base cannot take", () => {
    const arrangement = arrangementOn("pro", { addOns: [{ package: "sso" }] });
    const result = paths(fixtureCatalog(), arrangement, MID_APRIL);
    const up = move(result, "upgrade:team");
    expect(up.valid).toBe(true);
    expect(up.addOns).toEqual([
      {
        package: "sso",
        fate: "included",
        reason: "Team includes SSO, so it is no longer billed separately.",
      },
    ]);
    expect(up.newRecurring).toBe("70.00"); // 50.00 + 5 default seats × 4.00; SSO no longer billed
    const down = move(result, "downgrade:basic");
    expect(down.valid).toBe(true);
    expect(down.addOns).toEqual([
      {
        package: "sso",
        fate: "dropped",
        reason:
          "SSO needs a package of tier 2 or higher (Pro or higher); Basic is tier 1. It is cancelled with this change.",
      },
    ]);
    const applied = applyMove(fixtureCatalog(), arrangement, { id: "upgrade:team" }, MID_APRIL);
    expect(applied.ok && applied.arrangement.addOns).toEqual([{ package: "sso", included: true }]);
  });
});

describe("path rules and defaults", () => {
  it("blocks a base change while an add-on that refuses an incompatible base is held", () => {
    const result = paths(
      fixtureCatalog(),
      arrangementOn("pro", { addOns: [{ package: "archive" }] }),
      MID_APRIL,
    );
    const down = move(result, "downgrade:basic");
    expect(down.valid).toBe(false);
    expect(down.reasons[0]).toMatch(/^Archive needs a package of tier 2 or higher.*remove it first\.$/);
    expect(down.addOns[0]).toMatchObject({ package: "archive", fate: "dropped" });
  });

  it("switches a crossgrade on the next billing date by default", () => {
    const cross = move(paths(fixtureCatalog(), arrangementOn("pro"), MID_APRIL), "crossgrade:studio");
    expect(cross).toMatchObject({
      valid: true,
      timing: "next_billing_date",
      effectiveDate: "2026-05-01",
      proration: [],
    });
  });

  it("takes the first matching case, and a case naming from/to packages creates that move", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        {
          id: "to-labs",
          kinds: ["crossgrade"],
          from: { packages: ["pro"] },
          to: { packages: ["lab"] },
          outcome: { timing: "immediate", proration: "none" },
        },
        { id: "catch-all", outcome: { timing: "end_of_term" } },
      ],
    });
    const result = paths(catalog, arrangementOn("pro"), MID_APRIL);
    expect(move(result, "crossgrade:lab")).toMatchObject({
      valid: true,
      ruleCase: "to-labs",
      effectiveDate: MID_APRIL,
      proration: [],
    });
    expect(move(result, "upgrade:team")).toMatchObject({ ruleCase: "catch-all", timing: "end_of_term" });
  });

  it("matches cases on billing period and phase", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        { id: "trial-now", phases: ["trial"], outcome: { timing: "immediate", proration: "none" } },
        {
          id: "yearly-later",
          billingPeriods: ["year"],
          kinds: ["upgrade"],
          outcome: { timing: "end_of_term" },
        },
      ],
    });
    const trial = paths(
      catalog,
      arrangementOn("basic", { phase: "trial", phaseEnds: "2026-05-01" }),
      MID_APRIL,
    );
    // Nothing to credit in a trial; Pro has no trial, so its first period is charged on the change.
    expect(move(trial, "upgrade:pro")).toMatchObject({ ruleCase: "trial-now", prorationNet: "20.00" });
    const afterTrial = paths(
      catalog,
      arrangementOn("basic", { phase: "trial", phaseEnds: "2026-04-01" }),
      MID_APRIL,
    );
    expect(move(afterTrial, "upgrade:pro").ruleCase).toBeUndefined();
    const yearly = paths(catalog, arrangementOn("basic", { billingPeriod: "year" }), MID_APRIL);
    expect(move(yearly, "upgrade:pro")).toMatchObject({
      ruleCase: "yearly-later",
      effectiveDate: "2027-01-01",
    });
  });

  it("prorates nothing during a free trial, whatever the case says", () => {
    const up = move(
      paths(fixtureCatalog(), arrangementOn("basic", { phase: "trial", phaseEnds: "2026-05-01" }), MID_APRIL),
      "upgrade:pro",
    );
    expect(up).toMatchObject({ valid: true, timing: "immediate", prorationPolicy: "none" });
    // No credit, no day-based lines: only the new package's first period, billed from the change.
    expect(up.proration.map((l) => [l.description, l.amount])).toEqual([["First period of Pro", "20.00"]]);
    expect(up.notes).toContain("The arrangement is in its free trial: nothing is prorated.");
  });

  it("blocks a move before the minimum days on the current package, saying when it opens", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        {
          id: "stay-a-year",
          kinds: ["downgrade"],
          outcome: { timing: "end_of_term", minimumDaysOnCurrent: 365 },
        },
      ],
    });
    const down = move(
      paths(catalog, arrangementOn("pro", { packageSince: "2026-02-01" }), MID_APRIL),
      "downgrade:basic",
    );
    expect(down.valid).toBe(false);
    expect(down.blockedBy).toBe("stay-a-year");
    expect(down.reasons).toEqual([
      "Customers must hold Pro for at least 365 days before this move (path rule stay-a-year); it has been 74 days, so it is allowed from 2027-02-01.",
    ]);
  });

  it("blocks targets that are retired, draft, not yet on sale, or not priced in the currency", () => {
    const catalog = fixtureCatalog({
      patch: (doc) => {
        const studio = doc.packages.find((p) => p.id === "studio")!;
        const points = studio.charges[0]!.pricePoints.filter((p) => p.currency !== "EUR");
        studio.charges[0]!.pricePoints = [points[0]!, ...points.slice(1)];
      },
    });
    const result = paths(catalog, arrangementOn("pro", { currency: "EUR" }), MID_APRIL);
    expect(move(result, "downgrade:legacy").reasons).toEqual([
      "Legacy is retired and no longer sold; customers move to Pro instead.",
    ]);
    expect(move(result, "upgrade:beta").reasons).toEqual(["Beta is still a draft and not on sale."]);
    expect(move(result, "upgrade:future").reasons).toEqual(["Future goes on sale on 2030-01-01."]);
    expect(move(result, "crossgrade:studio").reasons).toEqual(["Studio is not priced in EUR."]);
    expect(move(result, "upgrade:team")).toMatchObject({ valid: true, newRecurring: "65.00" });
  });

  it("switches billing to a period the target offers and restarts the cycle and term", () => {
    const catalog = fixtureCatalog({
      patch: (doc) => {
        doc.packages.find((p) => p.id === "team")!.billingPeriods = ["year"];
      },
    });
    const up = move(paths(catalog, arrangementOn("pro"), MID_APRIL), "upgrade:team");
    expect(up).toMatchObject({
      valid: true,
      billingPeriod: "year",
      newRecurring: "700.00",
      newMrr: "58.33",
      termRestarts: true,
      term: { months: 12, start: MID_APRIL, end: "2027-04-16" },
    });
    expect(up.proration.map((l) => [l.kind, l.amount, l.periodStart, l.periodEnd])).toEqual([
      ["credit", "-10.00", "2026-04-01", "2026-05-01"],
      ["charge", "700.00", MID_APRIL, "2027-04-16"],
    ]);
    expect(up.notes).toContain("Team is not billed monthly; billing becomes yearly from 2026-04-16.");
  });

  it("lists every base of the ladder with the direction its tier gives, and stable ids", () => {
    const ids = paths(fixtureCatalog(), arrangementOn("pro"), MID_APRIL).moves.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "renew:12",
        "downgrade:basic",
        "downgrade:legacy",
        "downgrade:orphan",
        "crossgrade:studio",
        "upgrade:team",
        "upgrade:future",
        "upgrade:beta",
        "add_on:sso",
        "retention_offer:pro-stay",
        "terminate",
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("older catalog versions", () => {
  it("blocks moves from a package this version no longer has, without throwing", () => {
    const result = paths(fixtureCatalog(), arrangementOn("gone", { recurring: "12.00" }), MID_APRIL);
    expect(move(result, "renew:12")).toMatchObject({
      valid: false,
      reasons: [
        "gone is not in this catalog version, so it cannot be renewed; move to a current package instead.",
      ],
    });
    expect(move(result, "terminate")).toMatchObject({
      valid: true,
      effectiveDate: "2027-01-01",
      mrrDelta: "-12.00",
    });
    expect(result.current.recurring).toBe("12.00");
  });

  it("moves an arrangement to the catalog version it is evaluated against", () => {
    const applied = applyMove(
      fixtureCatalog(),
      arrangementOn("basic", { catalogVersion: 1 }),
      { id: "upgrade:pro" },
      MID_APRIL,
    );
    expect(applied.ok && applied.arrangement).toMatchObject({
      catalogVersion: 2,
      package: "pro",
      packageSince: MID_APRIL,
    });
  });

  it("blocks every move of a terminated arrangement", () => {
    const result = paths(
      fixtureCatalog(),
      arrangementOn("pro", { status: "terminated", terminationDate: "2026-03-01" }),
      MID_APRIL,
    );
    expect(result.moves.length).toBeGreaterThan(0);
    for (const m of result.moves) {
      expect(m.reasons).toEqual(["This arrangement was terminated on 2026-03-01."]);
      expect(m.newRecurring).toBeUndefined();
    }
  });

  it("reports malformed dates as problems instead of throwing", () => {
    const result = paths(fixtureCatalog(), arrangementOn("pro"), "2026-02-30");
    expect(result.moves).toEqual([]);
    expect(result.problems).toEqual(['The date "2026-02-30" is not a calendar date (YYYY-MM-DD).']);
    const broken = { ...arrangementOn("pro"), term: undefined } as unknown as Arrangement;
    expect(paths(fixtureCatalog(), broken, MID_APRIL).problems).toEqual([
      "The arrangement is not valid: must have required property 'term'.",
    ]);
    expect(applyMove(fixtureCatalog(), broken, { id: "terminate" }, MID_APRIL)).toEqual({
      ok: false,
      reasons: ["The arrangement is not valid: must have required property 'term'."],
    });
  });
});
