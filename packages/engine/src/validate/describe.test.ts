import { describe, expect, it } from "vitest";
import { describeAt } from "./describe.ts";

const doc = {
  currencies: ["USD", "EUR"],
  portfolios: [{ id: "collab", packageOrder: ["collab-starter", "collab-team"] }],
  packages: [
    {
      id: "support-team",
      billingPeriods: ["month", "year"],
      charges: [{ id: "support-team-fee", pricePoints: [{ currency: "USD", amount: "0.005" }] }],
    },
  ],
  pathRules: [{ on: ["upgrade"] }],
};

describe("describeAt names what a pointer designates in a product manager's words", () => {
  it("names a price point, which has no id, by its place in its charge", () => {
    expect(describeAt(doc, "/packages/0/charges/0/pricePoints/0/amount")).toBe(
      "`amount` of price point 1 of charge `support-team-fee` (/packages/0/charges/0/pricePoints/0/amount)",
    );
    expect(describeAt(doc, "/packages/0/charges/0/pricePoints/0")).toBe(
      "Price point 1 of charge `support-team-fee` (/packages/0/charges/0/pricePoints/0)",
    );
  });

  it("names a charge's price points in words when they are the subject", () => {
    expect(describeAt(doc, "/packages/0/charges/0/pricePoints")).toBe(
      "The price points of charge `support-team-fee` (/packages/0/charges/0/pricePoints)",
    );
  });

  it("counts an entry without an id from 1, in the catalog, not by the list's field name", () => {
    expect(describeAt(doc, "/pathRules/0/on")).toBe(
      "`on` of path rule case 1 of the catalog (/pathRules/0/on)",
    );
  });

  it("names entries of the catalog's plain lists: currencies, billing periods, the display order", () => {
    expect(describeAt(doc, "/currencies/1")).toBe("Currency 2 of the catalog (/currencies/1)");
    expect(describeAt(doc, "/packages/0/billingPeriods/1")).toBe(
      "Billing period 2 of package `support-team` (/packages/0/billingPeriods/1)",
    );
    expect(describeAt(doc, "/portfolios/0/packageOrder/1")).toBe(
      "Place 2 in the display order of portfolio `collab` (/portfolios/0/packageOrder/1)",
    );
  });

  it("keeps naming other fields and lists by their field", () => {
    expect(describeAt(doc, "/packages/0/charges/0")).toBe(
      "Charge `support-team-fee` (/packages/0/charges/0)",
    );
    expect(describeAt({ x: { y: [1] } }, "/x/y/0")).toBe("Item 1 of `x/y` of the catalog (/x/y/0)");
  });
});
