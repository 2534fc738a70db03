/**
 * Add-on cancel policies and add-on changes (issue 13, Missing: cancellation).
 * - Kill Bill's catalog rules take a cancelPolicyCase per product category, so an ADD_ON can be
 *   cancelled IMMEDIATE while the base ends at END_OF_TERM (docs.killbill.io, "Cancellation" and
 *   the catalog's <cancelPolicy> rules); here a `remove_add_on` case whose `from` names the add-on.
 * - Stripe prorates a removed subscription item: the unused time is credited (docs.stripe.com/
 *   billing/subscriptions/prorations). Its worked example, 10 USD → 20 USD halfway through the
 *   month, gives −5.00 unused and +10.00 remaining; the add-on change below uses those prices.
 * Fixture: Pro 20.00 a month billed on the 1st, SSO add-on 5.00; moves on 2026-04-16, so 15 of
 * April's 30 days are left. Numbers are worked out by hand.
 */
import type { Catalog, Package, PathRuleCase } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

const withSso = arrangementOn("pro", { addOns: [{ package: "sso", since: "2026-01-01" }] });
const ssoPolicy = (outcome: PathRuleCase["outcome"]) =>
  fixtureCatalog({
    pathRules: [{ id: "sso-cancel", kinds: ["remove_add_on"], from: { packages: ["sso"] }, outcome }],
  });

describe("add-on cancel policy (Kill Bill cancelPolicyCase for ADD_ON)", () => {
  it("default: the next billing date, no credit (April is paid for)", () => {
    const m = move(paths(fixtureCatalog(), withSso, "2026-04-16"), "remove_add_on:sso");
    expect(m).toMatchObject({ timing: "next_billing_date", effectiveDate: "2026-05-01", proration: [] });
    expect(m.newRecurring).toBe("20.00");
  });

  it("immediate with a proration credit: −5.00 × 15/30 = −2.50", () => {
    const m = move(
      paths(ssoPolicy({ timing: "immediate", proration: "prorate" }), withSso, "2026-04-16"),
      "remove_add_on:sso",
    );
    expect(m).toMatchObject({
      ruleCase: "sso-cancel",
      effectiveDate: "2026-04-16",
      prorationPolicy: "prorate",
      prorationNet: "-2.50",
    });
    expect(m.proration.map((l) => [l.kind, l.amount, l.days, l.periodDays])).toEqual([
      ["credit", "-2.50", 15, 30],
    ]);
  });

  it("immediate with a full credit: the whole April, −5.00", () => {
    const m = move(
      paths(ssoPolicy({ timing: "immediate", proration: "full_credit" }), withSso, "2026-04-16"),
      "remove_add_on:sso",
    );
    expect(m.proration.map((l) => [l.amount, l.days, l.periodDays])).toEqual([["-5.00", 30, 30]]);
  });

  it("immediate without a credit, and at the end of the term", () => {
    const now = move(
      paths(ssoPolicy({ timing: "immediate", proration: "none" }), withSso, "2026-04-16"),
      "remove_add_on:sso",
    );
    expect(now).toMatchObject({ effectiveDate: "2026-04-16", proration: [] });
    const later = move(
      paths(ssoPolicy({ timing: "end_of_term" }), withSso, "2026-04-16"),
      "remove_add_on:sso",
    );
    expect(later).toMatchObject({ effectiveDate: "2027-01-01", proration: [] });
  });

  it("on a chosen date: from 20 April, 11 of 30 days are credited, −5.00 × 11/30 = −1.83", () => {
    const catalog = ssoPolicy({ timing: "immediate", proration: "prorate" });
    const done = applyMove(catalog, withSso, { id: "remove_add_on:sso", date: "2026-04-20" }, "2026-04-16");
    if (!done.ok) throw new Error(done.reasons.join(" "));
    expect(done.move).toMatchObject({ effectiveDate: "2026-04-20", prorationNet: "-1.83" });
    expect(done.arrangement.addOns).toEqual([]);
    expect(
      applyMove(catalog, withSso, { id: "remove_add_on:sso", date: "2026-04-10" }, "2026-04-16"),
    ).toEqual({
      ok: false,
      reasons: ["SSO cannot end on 2026-04-10, before 2026-04-16."],
    });
  });

  it("without a case, the add-on's own termination policy and notice decide", () => {
    const catalog = fixtureCatalog({
      patch: (doc) => {
        doc.packages.find((p) => p.id === "sso")!.termination = { effective: "immediate", noticeDays: 10 };
      },
    });
    const m = move(paths(catalog, withSso, "2026-04-16"), "remove_add_on:sso");
    // Immediate after 10 days' notice: 2026-04-26, nothing credited (no case asks for it).
    expect(m).toMatchObject({ effectiveDate: "2026-04-26", earliestDate: "2026-04-26", proration: [] });
  });

  it("a catch-all default case speaks for the base package, not for add-ons", () => {
    const catalog = fixtureCatalog({
      pathRules: [{ id: "everything-at-term", outcome: { timing: "end_of_term" } }],
    });
    const m = move(paths(catalog, withSso, "2026-04-16"), "remove_add_on:sso");
    expect(m.ruleCase).toBeUndefined();
    expect(m.effectiveDate).toBe("2026-05-01");
  });
});

/** Support Standard 10.00 and Premium 20.00 a month: alternatives (each excludes the other). */
function withSupport(pathRules: PathRuleCase[] = []) {
  const support = (id: string, name: string, tier: number, usd: string, other: string): Package => ({
    id,
    name,
    portfolio: "app",
    role: "add_on",
    tier,
    status: "active",
    billingPeriods: ["month", "year"],
    terms: [{ months: 12 }, { months: 1 }],
    charges: [
      {
        id: `${id}-fee`,
        model: "flat",
        pricePoints: [
          { currency: "USD", billingPeriod: "month", amount: usd },
          { currency: "USD", billingPeriod: "year", amount: usd },
          { currency: "EUR", billingPeriod: "month", amount: usd },
        ],
      },
    ],
    addOn: { excludes: [other] },
  });
  return fixtureCatalog({
    pathRules,
    patch: (doc: Catalog) => {
      doc.packages.push(
        support("support-standard", "Standard support", 1, "10.00", "support-premium"),
        support("support-premium", "Premium support", 2, "20.00", "support-standard"),
      );
    },
  });
}

describe("changing one add-on for another", () => {
  const onStandard = arrangementOn("pro", { addOns: [{ package: "support-standard", since: "2026-01-01" }] });

  it("up a tier: at once, Stripe's two lines −10.00 × 15/30 = −5.00 and +20.00 × 15/30 = +10.00", () => {
    const result = paths(withSupport(), onStandard, "2026-04-16");
    const m = move(result, "change_add_on:support-standard:support-premium");
    expect(m).toMatchObject({
      kind: "change_add_on",
      target: "support-premium",
      replaces: "support-standard",
      valid: true,
      effectiveDate: "2026-04-16",
      newRecurring: "40.00",
      mrrDelta: "10.00",
      prorationNet: "5.00",
    });
    expect(m.proration.map((l) => [l.kind, l.amount])).toEqual([
      ["credit", "-5.00"],
      ["charge", "10.00"],
    ]);
    // Adding Premium on its own is refused (it excludes Standard): the change is the way.
    expect(move(result, "add_on:support-premium").valid).toBe(false);
    const done = applyMove(withSupport(), onStandard, { id: m.id }, "2026-04-16");
    if (!done.ok) throw new Error(done.reasons.join(" "));
    expect(done.arrangement.addOns).toEqual([{ package: "support-premium", since: "2026-04-16" }]);
    expect(done.arrangement.recurring).toBe("40.00");
  });

  it("down a tier: at the end of the term, nothing prorated", () => {
    const onPremium = arrangementOn("pro", { addOns: [{ package: "support-premium", since: "2026-01-01" }] });
    const m = move(
      paths(withSupport(), onPremium, "2026-04-16"),
      "change_add_on:support-premium:support-standard",
    );
    expect(m).toMatchObject({ effectiveDate: "2027-01-01", proration: [], newRecurring: "30.00" });
  });

  it("a change_add_on case decides instead: next billing date", () => {
    const catalog = withSupport([
      { id: "support-changes-monthly", kinds: ["change_add_on"], outcome: { timing: "next_billing_date" } },
    ]);
    const m = move(
      paths(catalog, onStandard, "2026-04-16"),
      "change_add_on:support-standard:support-premium",
    );
    expect(m).toMatchObject({
      ruleCase: "support-changes-monthly",
      effectiveDate: "2026-05-01",
      proration: [],
    });
  });

  it("an explicit change_add_on case creates a change between add-ons that are not alternatives", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        {
          id: "archive-to-sso",
          kinds: ["change_add_on"],
          from: { packages: ["archive"] },
          to: { packages: ["sso"] },
          outcome: { timing: "immediate", proration: "none" },
        },
      ],
    });
    const a = arrangementOn("pro", { addOns: [{ package: "archive" }] });
    const m = move(paths(catalog, a, "2026-04-16"), "change_add_on:archive:sso");
    // Archive 3.00 → SSO 5.00: 20.00 + 5.00 = 25.00 from today, no proration asked for.
    expect(m).toMatchObject({
      valid: true,
      effectiveDate: "2026-04-16",
      newRecurring: "25.00",
      proration: [],
    });
  });

  it("is refused while a cancellation is pending", () => {
    const pending = { ...onStandard, status: "pending_termination" as const, terminationDate: "2027-01-01" };
    const m = move(
      paths(withSupport(), pending, "2026-04-16"),
      "change_add_on:support-standard:support-premium",
    );
    expect(m.valid).toBe(false);
    expect(m.reasons[0]).toContain("withdraw it (uncancel)");
  });
});
