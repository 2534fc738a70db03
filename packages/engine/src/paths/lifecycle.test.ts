import type { Arrangement, Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { price } from "../price/index.ts";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import { quoteOf } from "./recurring.ts";
import type { Move, PathsResult } from "./types.ts";

const MID_APRIL = "2026-04-16";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

function applied(
  a: Arrangement,
  id: string,
  extra: { quantity?: number; termMonths?: number; quantities?: Record<string, number> } = {},
  asOf = MID_APRIL,
) {
  const r = applyMove(fixtureCatalog(), a, { id, ...extra }, asOf);
  if (!r.ok) throw new Error(r.reasons.join(" "));
  return r;
}

describe("renew", () => {
  it("offers one renewal per allowed term at the term's end, at list price by default", () => {
    const result = paths(fixtureCatalog(), arrangementOn("basic"), MID_APRIL);
    expect(move(result, "renew:12")).toMatchObject({
      valid: true,
      effectiveDate: "2027-01-01",
      termRestarts: true,
      term: { months: 12, start: "2027-01-01", end: "2028-01-01" },
      newRecurring: "10.00",
      mrrDelta: "0.00",
    });
    expect(move(result, "renew:1").term).toEqual({ months: 1, start: "2027-01-01", end: "2027-02-01" });
  });

  it("renews with new quantities: the policy keeps the price as is; added units at list, fewer in proportion", () => {
    // Team is locked; 5 seats at 4.00 on a 50.00 base lists at 70.00, the customer pays 60.00.
    const a = arrangementOn("team", { recurring: "60.00" });
    const more = applied(a, "renew:12", { quantities: { "team-seats": 8 } });
    expect(more.arrangement).toMatchObject({
      quantities: { "team-seats": 8 },
      recurring: "72.00",
      term: { months: 12, start: "2027-01-01", end: "2028-01-01" },
    });
    expect(more.move.newRecurring).toBe("72.00");
    expect(more.move.notes).toEqual(
      expect.arrayContaining([
        "Seats: 5 → 8 from 2027-01-01.",
        "The price is locked at 60.00 per period.",
        "The added quantity is priced at list: +12.00 per period.",
      ]),
    );
    // Fewer seats: 2 seats list at 58.00 against 70.00, so the locked 60.00 goes down in
    // proportion: 60.00 × 58 / 70 = 49.714… → 49.71 (never below zero, however deep the discount).
    const fewer = applied(a, "renew:12", { quantities: { "team-seats": 2 } });
    expect(fewer.arrangement.recurring).toBe("49.71");
    expect(fewer.move.notes).toContain(
      "The quantity change takes 10.29 off per period, in proportion to the locked price.",
    );
    const deep = applied(arrangementOn("team", { recurring: "7.00" }), "renew:12", {
      quantities: { "team-seats": 1 },
    });
    expect(deep.arrangement.recurring).toBe("5.40"); // 7.00 × 54 / 70
    // The same quantities as now: a plain renewal.
    expect(applied(a, "renew:12", { quantities: { "team-seats": 5 } }).arrangement).toEqual(
      applied(a, "renew:12").arrangement,
    );
  });

  it("refuses renewal quantities outside the component's range, or of no adjustable component", () => {
    const a = arrangementOn("team", { recurring: "60.00" });
    const refused = (quantities: Record<string, number>) => {
      const r = applyMove(fixtureCatalog(), a, { id: "renew:12", quantities }, MID_APRIL);
      return r.ok ? [] : r.reasons;
    };
    expect(refused({ "team-seats": 101 })).toEqual(["Seats can be from 1 to 100; 101 is not allowed."]);
    expect(refused({ "team-seats": 2.5 })).toEqual(["2.5 is not a whole number."]);
    expect(refused({ nope: 3 })).toEqual(["nope is not a quantity of Team that can be changed."]);
  });

  it("caps the renewal price at the current price plus the uplift cap", () => {
    const capped = move(
      paths(fixtureCatalog(), arrangementOn("pro", { recurring: "19.00" }), MID_APRIL),
      "renew:12",
    );
    expect(capped.newRecurring).toBe("19.95"); // min(list 20.00, 19.00 × 1.05)
    const underCap = move(
      paths(fixtureCatalog(), arrangementOn("pro", { recurring: "19.50" }), MID_APRIL),
      "renew:12",
    );
    expect(underCap.newRecurring).toBe("20.00"); // 19.50 × 1.05 = 20.475 > list
    expect(
      paths(fixtureCatalog(), arrangementOn("pro"), MID_APRIL).moves.some((m) => m.id === "renew:1"),
    ).toBe(false);
  });

  it("keeps a locked price", () => {
    const a = arrangementOn("team", { recurring: "60.00" });
    expect(move(paths(fixtureCatalog(), a, MID_APRIL), "renew:12").newRecurring).toBe("60.00");
    expect(applied(a, "renew:12").arrangement).toMatchObject({
      recurring: "60.00",
      term: { months: 12, start: "2027-01-01", end: "2028-01-01" },
    });
  });

  it("renews a retired package into its successor, or as it is without one (grandfathered)", () => {
    const legacy = paths(fixtureCatalog(), arrangementOn("legacy"), MID_APRIL);
    expect(move(legacy, "renew:12")).toMatchObject({
      valid: true,
      target: "pro",
      label: "Renew into Pro for 12 months",
      newRecurring: "20.00",
      notes: ["Legacy is retired; it renews into Pro."],
    });
    expect(applied(arrangementOn("legacy"), "renew:12").arrangement).toMatchObject({
      package: "pro",
      packageSince: "2027-01-01",
    });
    const orphan = paths(fixtureCatalog(), arrangementOn("orphan"), MID_APRIL);
    // The schema: existing customers keep a retired package until they move (grandfathering).
    expect(move(orphan, "renew:12")).toMatchObject({
      valid: true,
      target: "orphan",
      newRecurring: "8.00",
      term: { months: 12, start: "2027-01-01", end: "2028-01-01" },
      notes: [
        "Orphan is retired and no longer sold to new customers; existing customers keep it, so it renews as it is.",
      ],
    });
  });

  it("says what happens to each add-on on renewal and termination", () => {
    const result = paths(
      fixtureCatalog(),
      arrangementOn("team", { addOns: [{ package: "sso", included: true }, { package: "storage" }] }),
      MID_APRIL,
    );
    expect(move(result, "renew:12").addOns).toEqual([
      { package: "sso", fate: "included", reason: "SSO stays included." },
      { package: "storage", fate: "carried", reason: "Storage pack renews with the package." },
    ]);
    expect(move(result, "terminate").addOns.map((f) => f.fate)).toEqual(["dropped", "dropped"]);
  });

  it("does not renew an arrangement whose termination is scheduled", () => {
    const a = arrangementOn("basic", { status: "pending_termination", terminationDate: "2027-01-01" });
    expect(move(paths(fixtureCatalog(), a, MID_APRIL), "renew:12").reasons).toEqual([
      "A termination is scheduled for 2027-01-01, so the term does not renew.",
    ]);
  });
});

describe("terminate and retention offers", () => {
  it("lists the retention offers before the terminate move", () => {
    const ids = paths(fixtureCatalog(), arrangementOn("pro"), MID_APRIL).moves.map((m) => m.id);
    expect(ids.slice(-3)).toEqual(["retention_offer:pro-stay", "retention_offer:pro-step-down", "terminate"]);
  });

  it("ends at the term's end after the notice period, whichever is later", () => {
    const early = move(paths(fixtureCatalog(), arrangementOn("basic"), MID_APRIL), "terminate");
    expect(early).toMatchObject({
      valid: true,
      timing: "end_of_term",
      effectiveDate: "2027-01-01",
      mrrDelta: "-10.00",
    });
    expect(early.fee).toBeUndefined();
    const late = move(paths(fixtureCatalog(), arrangementOn("basic"), "2026-12-15"), "terminate");
    expect(late.effectiveDate).toBe("2027-01-14");
    expect(applied(arrangementOn("basic"), "terminate").arrangement).toMatchObject({
      status: "pending_termination",
      terminationDate: "2027-01-01",
    });
  });

  it("charges a remaining-percent fee for an immediate termination", () => {
    const t = move(paths(fixtureCatalog(), arrangementOn("pro"), MID_APRIL), "terminate");
    // 8 billing periods still to invoice (May–December) × 20.00 × 50 %.
    expect(t).toMatchObject({ timing: "immediate", effectiveDate: MID_APRIL, fee: "80.00", proration: [] });
    expect(applied(arrangementOn("pro"), "terminate").arrangement).toMatchObject({
      status: "terminated",
      terminationDate: MID_APRIL,
    });
  });

  it("charges a flat fee and prorates the credit when a case ends it immediately", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        {
          id: "team-now",
          kinds: ["terminate"],
          from: { packages: ["team"] },
          outcome: { timing: "immediate" },
        },
      ],
    });
    const t = move(paths(catalog, arrangementOn("team"), MID_APRIL), "terminate");
    expect(t).toMatchObject({ fee: "99.00", ruleCase: "team-now" });
    expect(t.proration.map((l) => [l.kind, l.amount])).toEqual([["credit", "-35.00"]]);
  });

  it("prices a retention discount and a retention downgrade, and withdraws a scheduled termination", () => {
    const a = arrangementOn("pro", { status: "pending_termination", terminationDate: "2027-01-01" });
    const result = paths(fixtureCatalog(), a, MID_APRIL);
    expect(move(result, "terminate").valid).toBe(false);
    expect(move(result, "retention_offer:pro-stay")).toMatchObject({
      valid: true,
      kind: "retention_offer",
      offer: { kind: "discount", percent: "25", periods: 3 },
      effectiveDate: "2026-05-01",
      newRecurring: "15.00",
      mrrDelta: "-5.00",
    });
    expect(move(result, "retention_offer:pro-step-down")).toMatchObject({
      valid: true,
      target: "basic",
      effectiveDate: "2027-01-01",
      newRecurring: "10.00",
    });
    const stayed = applied(a, "retention_offer:pro-stay").arrangement;
    expect(stayed.status).toBe("active");
    expect(stayed.terminationDate).toBeUndefined();
    expect(stayed.discounts).toEqual([
      { id: "pro-stay", description: "25% off for 3 months", percent: "25", periods: 3 },
    ]);
  });

  it("blocks a retention downgrade the path rules forbid, with the rule's reason", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        {
          id: "no-downgrades",
          kinds: ["downgrade"],
          outcome: { timing: "illegal", reason: "Downgrades are closed." },
        },
      ],
    });
    const offer = move(paths(catalog, arrangementOn("pro"), MID_APRIL), "retention_offer:pro-step-down");
    expect(offer).toMatchObject({ valid: false, blockedBy: "no-downgrades" });
  });
});

describe("add-ons", () => {
  it("checks compatibility, inclusion, requires and excludes", () => {
    const basic = paths(fixtureCatalog(), arrangementOn("basic"), MID_APRIL);
    expect(move(basic, "add_on:sso").reasons).toEqual([
      "SSO needs a package of tier 2 or higher (Pro or higher); Basic is tier 1.",
    ]);
    expect(move(basic, "add_on:reports").reasons).toEqual(["Reports requires Storage pack first."]);
    const team = paths(fixtureCatalog(), arrangementOn("team"), MID_APRIL);
    expect(move(team, "add_on:sso").reasons).toEqual(["SSO is already included in your package."]);
    const withDashboards = paths(
      fixtureCatalog(),
      arrangementOn("basic", { addOns: [{ package: "storage" }, { package: "dashboards" }] }),
      MID_APRIL,
    );
    expect(move(withDashboards, "add_on:reports").reasons).toEqual([
      "Reports cannot be combined with Dashboards.",
    ]);
  });

  it("adds an add-on now with a prorated charge, within its max quantity", () => {
    const a = arrangementOn("basic");
    const add = move(paths(fixtureCatalog(), a, MID_APRIL), "add_on:storage");
    expect(add).toMatchObject({ valid: true, newRecurring: "12.00", quantity: { min: 1, max: 5 } });
    expect(add.proration.map((l) => [l.kind, l.amount])).toEqual([["charge", "1.00"]]);
    expect(applied(a, "add_on:storage", { quantity: 3 }).arrangement).toMatchObject({
      addOns: [{ package: "storage", quantity: 3, since: MID_APRIL }],
      recurring: "16.00",
    });
    expect(applyMove(fixtureCatalog(), a, { id: "add_on:storage", quantity: 6 }, MID_APRIL)).toEqual({
      ok: false,
      reasons: ["Storage pack can be bought in quantities from 1 to 5; 6 is not allowed."],
    });
  });

  it("states the one-time charges an add-on brings", () => {
    const catalog = fixtureCatalog({
      patch: (doc) => {
        doc.packages
          .find((p) => p.id === "dashboards")!
          .charges.push({
            id: "dashboards-setup",
            model: "one_time",
            pricePoints: [{ currency: "USD", amount: "99.00" }],
          });
      },
    });
    const add = move(paths(catalog, arrangementOn("basic"), MID_APRIL), "add_on:dashboards");
    expect(add).toMatchObject({ valid: true, oneTime: "99.00", newRecurring: "14.00" });
    expect(move(paths(catalog, arrangementOn("basic"), MID_APRIL), "add_on:storage").oneTime).toBeUndefined();
  });

  it("removes an add-on on the next billing date, never an included one or one another needs", () => {
    const a = arrangementOn("team", {
      addOns: [{ package: "sso", included: true }, { package: "storage" }, { package: "reports" }],
    });
    const result = paths(fixtureCatalog(), a, MID_APRIL);
    expect(move(result, "remove_add_on:sso").reasons).toEqual([
      "SSO is included in your package and cannot be removed.",
    ]);
    expect(move(result, "remove_add_on:storage").reasons).toEqual([
      "Reports requires Storage pack; remove Reports first.",
    ]);
    expect(move(result, "remove_add_on:reports")).toMatchObject({
      valid: true,
      timing: "next_billing_date",
      effectiveDate: "2026-05-01",
      proration: [],
      mrrDelta: "-4.00",
    });
  });
});

describe("quantities", () => {
  it("describes the range, prorates an increase now and defers a decrease", () => {
    const a = arrangementOn("team");
    const q = move(paths(fixtureCatalog(), a, MID_APRIL), "change_quantity:team-seats");
    expect(q.quantity).toEqual({ component: "team-seats", current: 5, min: 1, max: 100, step: 1 });
    const up = applied(a, "change_quantity:team-seats", { quantity: 8 });
    expect(up.move).toMatchObject({ timing: "immediate", newRecurring: "82.00", mrrDelta: "12.00" });
    expect(up.move.proration.map((l) => [l.kind, l.amount])).toEqual([["charge", "6.00"]]);
    expect(up.arrangement.quantities).toEqual({ "team-seats": 8 });
    const down = applied(a, "change_quantity:team-seats", { quantity: 3 });
    expect(down.move).toMatchObject({
      timing: "next_billing_date",
      effectiveDate: "2026-05-01",
      proration: [],
    });
  });

  it("refuses quantities outside the range or missing", () => {
    const a = arrangementOn("team");
    expect(
      applyMove(fixtureCatalog(), a, { id: "change_quantity:team-seats", quantity: 0 }, MID_APRIL),
    ).toEqual({
      ok: false,
      reasons: ["Seats can be from 1 to 100; 0 is not allowed."],
    });
    expect(applyMove(fixtureCatalog(), a, { id: "change_quantity:team-seats" }, MID_APRIL)).toEqual({
      ok: false,
      reasons: ["Say which quantity of Seats you want (from 1 to 100)."],
    });
    expect(applyMove(fixtureCatalog(), a, { id: "teleport" }, MID_APRIL)).toEqual({
      ok: false,
      reasons: ['There is no move "teleport" from this arrangement.'],
    });
  });
});

describe("usage-aware paths", () => {
  it("flags over-provisioned seats (used ≤ 50 %) and recommends the smaller quantity", () => {
    const a = arrangementOn("team", { quantities: { "team-seats": 10 }, usage: { "team-seats": 3 } });
    const result = paths(fixtureCatalog(), a, MID_APRIL);
    expect(result.insights[0]).toMatchObject({
      kind: "over_provisioned",
      component: "team-seats",
      used: 3,
      quantity: 10,
    });
    expect(result.insights[0]!.message).toBe(
      "Seats: 3 of 10 used (30%), at or below the 50% threshold; 7 paid for but unused.",
    );
    const seats = move(result, "change_quantity:team-seats");
    expect(seats.quantity?.suggested).toBe(3);
    expect(seats.recommended).toBeGreaterThan(0);
    expect(result.insights[0]!.moves).toContain("change_quantity:team-seats");
    const ranks = result.moves
      .flatMap((m) => (m.recommended === undefined ? [] : [m.recommended]))
      .sort((x, y) => x - y);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
  });

  it("flags seats used beyond the quantity paid for and proposes the true-up", () => {
    const a = arrangementOn("team", { quantities: { "team-seats": 4 }, usage: { "team-seats": 9 } });
    const result = paths(fixtureCatalog(), a, MID_APRIL);
    expect(result.insights).toMatchObject([{ kind: "over_consumption", used: 9, quantity: 4 }]);
    expect(move(result, "change_quantity:team-seats").quantity?.suggested).toBe(9);
  });

  it("ranks an upgrade that costs less than the overage it removes", () => {
    const api = (id: string, included: number): Package["charges"][number] => ({
      id: `${id}-api-fee`,
      model: "usage",
      component: `${id}-api`,
      pricePoints: [
        {
          currency: "USD",
          billingPeriod: "month",
          includedUnits: included,
          tiers: [{ from: 0, unitAmount: "0.01" }],
        },
      ],
    });
    const catalog = fixtureCatalog({
      patch: (doc) => {
        for (const [id, included] of [
          ["basic", 1000],
          ["pro", 100000],
        ] as const) {
          const pkg = doc.packages.find((p) => p.id === id)!;
          pkg.components = [{ id: `${id}-api`, service: "svc-api", name: "API calls" }];
          pkg.charges.push(api(id, included));
        }
      },
    });
    const a = arrangementOn("basic", { usage: { "basic-api": 50000 } });
    const result = paths(catalog, a, MID_APRIL);
    expect(result.insights).toEqual([
      {
        kind: "over_consumption",
        component: "basic-api",
        used: 50000,
        quantity: 1000,
        message:
          "API calls: 50,000 API calls used last period, 1,000 included; the 49,000 above are billed as overage.",
        moves: ["upgrade:pro"],
      },
    ]);
    // Basic at this usage: 10.00 + 49,000 × 0.01 = 500.00 a month; Pro: 20.00 with the usage included.
    expect(move(result, "upgrade:pro").recommended).toBe(1);
  });

  it("says nothing without observed usage", () => {
    expect(paths(fixtureCatalog(), arrangementOn("team"), MID_APRIL).insights).toEqual([]);
  });
});

describe("caching", () => {
  it("prices an arrangement a caller changed in place afresh", () => {
    const catalog = fixtureCatalog();
    const a = arrangementOn("team");
    expect(paths(catalog, a, MID_APRIL).current.recurring).toBe("70.00");
    a.quantities = { "team-seats": 10 };
    expect(paths(catalog, a, MID_APRIL).current.recurring).toBe("90.00");
    const next = applied(a, "add_on:storage").arrangement;
    next.quantities = { "team-seats": 1 };
    expect(paths(catalog, next, MID_APRIL).current.recurring).toBe("92.00"); // the snapshot: 50 + 10 × 4 + 2
    delete next.recurring;
    expect(paths(catalog, next, MID_APRIL).current.recurring).toBe("56.00"); // 50 + 1 × 4 + 2
  });
});

describe("applyMove prices like price()", () => {
  const cases: [Arrangement, string, { quantity?: number }?][] = [
    [arrangementOn("basic"), "upgrade:pro"],
    [arrangementOn("pro", { addOns: [{ package: "sso" }] }), "upgrade:team"],
    [arrangementOn("pro", { addOns: [{ package: "sso" }] }), "downgrade:basic"],
    [arrangementOn("basic"), "add_on:storage", { quantity: 2 }],
    [arrangementOn("team"), "change_quantity:team-seats", { quantity: 12 }],
    [arrangementOn("basic"), "renew:1"],
    [arrangementOn("legacy"), "renew:12"],
  ];
  it.each(cases)("%# %s", (a, id, extra) => {
    const r = applied(a, id, extra);
    expect(r.arrangement.recurring).toBe(
      price(fixtureCatalog(), quoteOf(r.arrangement), MID_APRIL).totals.perPeriod,
    );
    expect(r.move.newRecurring).toBe(r.arrangement.recurring);
  });
});
