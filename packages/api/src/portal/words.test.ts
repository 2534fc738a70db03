/** The portal's plain words for a move, from the engine's exact amounts. */
import type { Move } from "@tessera/engine";
import { describe, expect, it } from "vitest";
import { dayInWords, moveInWords } from "./words.ts";

const base: Move = {
  id: "upgrade:pro",
  kind: "upgrade",
  target: "pro",
  label: "Upgrade to Pro",
  valid: true,
  reasons: [],
  notes: [],
  proration: [],
  addOns: [],
};

describe("moveInWords", () => {
  it("words Stripe's mid-period upgrade: credit for unused time, charge for the rest", () => {
    // Stripe, "Prorations": a $10/month plan switched to $20/month halfway through a 30-day
    // period credits 15/30 × 10.00 = 5.00 and charges 15/30 × 20.00 = 10.00; net 10.00 − 5.00 = 5.00.
    // @see https://docs.stripe.com/billing/subscriptions/prorations
    const move: Move = {
      ...base,
      effectiveDate: "2027-01-16",
      newRecurring: "20.00",
      prorationNet: "5.00",
      proration: [
        {
          kind: "credit",
          description: "Unused Basic",
          amount: "-5.00",
          periodStart: "2027-01-01",
          periodEnd: "2027-01-31",
          days: 15,
          periodDays: 30,
          timing: "in_advance",
        },
        {
          kind: "charge",
          description: "Remaining Pro",
          amount: "10.00",
          periodStart: "2027-01-01",
          periodEnd: "2027-01-31",
          days: 15,
          periodDays: 30,
          timing: "in_advance",
        },
      ],
    };
    const words = moveInWords(
      move,
      { recurring: "10.00", currency: "USD", billingPeriod: "month" },
      "2027-01-16",
    );
    expect(words).toEqual({
      when: "Takes effect today.",
      price: "From then on you pay $20.00 a month instead of $10.00 a month.",
      proration:
        "You pay $5.00 on 16 January 2027 ($10.00 for the 15 remaining days of this 30-day billing period, less a credit of $5.00 for the 15 unused days of your current plan).",
      addOns: [],
    });
  });

  it("says a net credit, a later date, a one-time charge and a dropped add-on by name", () => {
    const move: Move = {
      ...base,
      kind: "downgrade",
      effectiveDate: "2027-02-01",
      newRecurring: "8",
      prorationNet: "-12.5",
      oneTime: "99",
      proration: [
        {
          kind: "credit",
          description: "Unused",
          amount: "-12.5",
          periodStart: "2027-01-01",
          periodEnd: "2027-02-01",
          days: 31,
          periodDays: 31,
          timing: "in_advance",
        },
      ],
      addOns: [{ package: "sso", fate: "dropped", reason: "Basic cannot take it." }],
    };
    const words = moveInWords(
      move,
      { recurring: "20", currency: "EUR", billingPeriod: "month" },
      "2027-01-10",
      (id) => (id === "sso" ? "SSO & SCIM" : id),
    );
    expect(words.when).toBe("Takes effect on 1 February 2027.");
    expect(words.proration).toBe(
      "You get €12.50 back as a credit on your next invoice (a credit of €12.5 for the 31 unused days of your current plan). A one-time charge of €99 is added.",
    );
    expect(words.addOns).toEqual(["SSO & SCIM ends: Basic cannot take it."]);
  });

  it("writes calendar dates without a time zone shift", () => {
    expect(dayInWords("2026-12-31")).toBe("31 December 2026");
  });
});
