/**
 * Regression tests for issue 13 "Subscription lifecycle v2" (wrong or inconsistent today): one
 * definition of each timing word for every move. Expected numbers are worked out by hand in the
 * comments, from the public docs each test names.
 */
import { describe, expect, it } from "vitest";
import { price } from "../price/index.ts";
import { arrangementOn, fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";
import type { Move, PathsResult } from "./types.ts";

function move(result: PathsResult, id: string): Move {
  const m = result.moves.find((x) => x.id === id);
  if (!m) throw new Error(`no move ${id} in ${result.moves.map((x) => x.id).join(", ")}`);
  return m;
}

describe("next billing date: one date for every move", () => {
  // Kill Bill END_OF_BILLING_PERIOD (docs.killbill.io, userguide_subscription "cancellation"): a
  // cancellation takes effect at the end of the billing period already invoiced, exactly where a
  // plan change with the same policy takes effect. On a billing date (2026-04-01) the period
  // 2026-04-01 → 2026-05-01 has just been invoiced, so both wait for 2026-05-01.
  it("a plan change and a termination made on a billing date both wait for the next one", () => {
    const catalog = fixtureCatalog({
      pathRules: [
        { id: "all-next", kinds: ["crossgrade", "terminate"], outcome: { timing: "next_billing_date" } },
      ],
    });
    const result = paths(catalog, arrangementOn("pro", { addOns: [{ package: "sso" }] }), "2026-04-01");
    expect(move(result, "crossgrade:studio").effectiveDate).toBe("2026-05-01");
    expect(move(result, "terminate").effectiveDate).toBe("2026-05-01");
    expect(move(result, "remove_add_on:sso").effectiveDate).toBe("2026-05-01");
  });

  it("with notice, a termination ends on the first billing date on or after the notice date", () => {
    // Basic has 30 days' notice; from 2026-04-01 the notice runs to 2026-05-01, itself a billing
    // date: the customer is served to the end of the April period and nothing more.
    const catalog = fixtureCatalog({
      pathRules: [{ id: "t-next", kinds: ["terminate"], outcome: { timing: "next_billing_date" } }],
    });
    const t = move(paths(catalog, arrangementOn("basic"), "2026-04-01"), "terminate");
    expect(t.effectiveDate).toBe("2026-05-01");
    expect(t.notes).toContain("30 days' notice: the earliest end date is 2026-05-01.");
    // From 2026-04-16 the notice runs to 2026-05-16, so the next billing date after it: 2026-06-01.
    expect(move(paths(catalog, arrangementOn("basic"), "2026-04-16"), "terminate").effectiveDate).toBe(
      "2026-06-01",
    );
  });

  it("never takes an add-on removal past the term's end when the anchor is off the term's day", () => {
    // Billed on the 15th, term ends 2027-01-01: the period 2026-12-15 → 2027-01-15 straddles the
    // term's end, which is a billing boundary; the removal takes effect on 2027-01-01.
    const a = arrangementOn("pro", { billingAnchor: "2026-01-15", addOns: [{ package: "sso" }] });
    expect(move(paths(fixtureCatalog(), a, "2026-12-20"), "remove_add_on:sso").effectiveDate).toBe(
      "2027-01-01",
    );
  });
});

describe("retention discount duration", () => {
  // Stripe coupons (docs.stripe.com/billing/subscriptions/coupons, duration_in_months): a repeating
  // coupon applies to the invoices created while it lasts; on a yearly plan, a 3-month coupon
  // covers the first yearly invoice only. Pro yearly is 200.00: 25 % off = 150.00 for 1 invoice,
  // not 3 yearly invoices (3 years).
  it("'25% off for 3 months' covers one invoice on yearly billing, three on monthly", () => {
    const yearly = arrangementOn("pro", { billingPeriod: "year" });
    const offer = move(paths(fixtureCatalog(), yearly, "2026-04-16"), "retention_offer:pro-stay");
    expect(offer).toMatchObject({
      valid: true,
      effectiveDate: "2027-01-01",
      newRecurring: "150.00",
      offer: { percent: "25", periods: 1, months: 3 },
    });
    expect(offer.notes).toContain(
      "25% off 200.00 for 3 months: the first invoice (billed yearly), from 2027-01-01.",
    );
    const r = applyMove(fixtureCatalog(), yearly, { id: "retention_offer:pro-stay" }, "2026-04-16");
    expect(r.ok && r.arrangement.discounts).toEqual([
      { id: "pro-stay", description: "25% off for 3 months", percent: "25", periods: 1 },
    ]);
    const monthly = move(
      paths(fixtureCatalog(), arrangementOn("pro"), "2026-04-16"),
      "retention_offer:pro-stay",
    );
    expect(monthly.offer).toMatchObject({ periods: 3, months: 3 });
  });
});

describe("last sale day", () => {
  it("effectiveTo is the last day of sale in paths and in price alike", () => {
    // Schema: effectiveTo is "Last day it may be sold". On that day Studio can still be moved into
    // and quoted; the day after, neither.
    const catalog = (to: string) =>
      fixtureCatalog({
        patch: (doc) => {
          doc.packages.find((p) => p.id === "studio")!.effectiveTo = to;
        },
      });
    const onLastDay = catalog("2026-04-16");
    expect(move(paths(onLastDay, arrangementOn("pro"), "2026-04-16"), "crossgrade:studio").valid).toBe(true);
    const quote = { package: "studio", termMonths: 12, billingPeriod: "month" as const, currency: "USD" };
    expect(price(onLastDay, quote, "2026-04-16").violations).toEqual([]);
    const after = catalog("2026-04-15");
    expect(move(paths(after, arrangementOn("pro"), "2026-04-16"), "crossgrade:studio").reasons).toEqual([
      "Studio stopped being sold after 2026-04-15.",
    ]);
    expect(price(after, quote, "2026-04-16").violations.map((v) => v.message)).toEqual([
      '"Studio" was sold until 2026-04-15.',
    ]);
  });
});

describe("errors the arrangement already has", () => {
  it("blocks a move whose price cannot be computed instead of reporting 0.00", () => {
    // Pro is sold for 12 or 1 months; an arrangement on a 24-month term cannot be priced, so
    // removing SSO cannot be either (it showed 0.00 and MRR −40 before).
    const a = arrangementOn("pro", {
      term: { months: 24, start: "2026-01-01", end: "2028-01-01" },
      addOns: [{ package: "sso" }],
      recurring: "25.00",
    });
    const result = paths(fixtureCatalog(), a, "2026-04-16");
    const remove = move(result, "remove_add_on:sso");
    expect(remove.valid).toBe(false);
    expect(remove.newRecurring).toBeUndefined();
    expect(remove.reasons).toHaveLength(1);
    expect(remove.reasons[0]).toMatch(
      /^The arrangement cannot be priced as it stands, so this move cannot be either: .*24/,
    );
    // Terminate needs no new price; renewing onto an offered term prices again.
    expect(move(result, "terminate").valid).toBe(true);
    // Pro 20.00 + SSO 5.00 at list (the 5 % cap over 25.00, 26.25, does not bind).
    expect(move(result, "renew:12")).toMatchObject({ valid: true, newRecurring: "25.00" });
  });
});
