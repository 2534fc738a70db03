import type { Tier } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { chartPoints, chartQuantities } from "./chartPoints.ts";

describe("price chart points come from the engine's price()", () => {
  const tiers: [Tier, ...Tier[]] = [
    { from: 0, upTo: 10, unitAmount: "8.00" },
    { from: 10, upTo: null, unitAmount: "6.00" },
  ];

  it("graduated tiers price each band on its own", () => {
    const points = chartPoints(
      { id: "seats", model: "tiered", pricePoints: [{ currency: "USD", tiers }] },
      { currency: "USD", tiers },
      [0, 10, 15],
    );
    expect(points).toEqual([
      { quantity: 0, amount: "0.00" },
      { quantity: 10, amount: "80.00" },
      { quantity: 15, amount: "110.00" },
    ]);
  });

  it("volume tiers price every unit at the band the total falls in", () => {
    const points = chartPoints(
      { id: "seats", model: "volume", pricePoints: [{ currency: "USD", tiers }] },
      { currency: "USD", tiers },
      [15],
    );
    expect(points).toEqual([{ quantity: 15, amount: "90.00" }]);
  });

  it("plots every band boundary and the unit after it", () => {
    const qs = chartQuantities({ currency: "USD", tiers });
    expect(qs).toContain(10);
    expect(qs).toContain(11);
    expect(qs[0]).toBe(0);
    expect([...qs].sort((a, b) => a - b)).toEqual(qs);
  });
});
