import type { Charge } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import {
  chargeOn,
  modelsFor,
  pointFields,
  switchModel,
  withBlockSize,
  withEventsComponent,
} from "./chargeModel.ts";

const seats: Charge = {
  id: "seats",
  model: "per_unit",
  component: "seats-c",
  blockSize: 10,
  timing: "in_advance",
  pricePoints: [
    { currency: "USD", billingPeriod: "month", unitAmount: "8.005" },
    { currency: "JPY", billingPeriod: "month", unitAmount: "1200.5", priceBook: "partner" },
  ],
};

describe("switching a charge's model", () => {
  it("per unit → flat: the rate becomes the amount, rounded to what the currency can pay", () => {
    const flat = switchModel(seats, "flat");
    expect(flat.pricePoints).toEqual([
      { currency: "USD", billingPeriod: "month", amount: "8.01" },
      { currency: "JPY", billingPeriod: "month", priceBook: "partner", amount: "1201" },
    ]);
    // flat counts no blocks: the block size is not left behind.
    expect(flat.blockSize).toBeUndefined();
    expect(flat.timing).toBe("in_advance");
  });

  it("per unit → tiered → volume → usage keeps the band; usage → tiered drops the included units", () => {
    const tiered = switchModel(seats, "tiered");
    expect(tiered.pricePoints[0]).toEqual({
      currency: "USD",
      billingPeriod: "month",
      tiers: [{ from: 0, unitAmount: "8.005" }],
    });
    expect(tiered.blockSize).toBe(10);
    const usage = switchModel(switchModel(tiered, "volume"), "usage");
    const withIncluded: Charge = {
      ...usage,
      pricePoints: usage.pricePoints.map((p) => ({ ...p, includedUnits: 100 })) as Charge["pricePoints"],
    };
    const back = switchModel(withIncluded, "tiered");
    expect(back.pricePoints[0]).toEqual(tiered.pricePoints[0]);
  });

  it("tiered ⇄ stairstep maps bands to steps and back", () => {
    const tiered: Charge = {
      id: "t",
      model: "tiered",
      pricePoints: [
        {
          currency: "USD",
          tiers: [
            { from: 0, upTo: 10, unitAmount: "5", flatAmount: "20.00" },
            { from: 10, unitAmount: "4" },
          ],
        },
      ],
    };
    const steps = switchModel(tiered, "stairstep");
    expect(steps.pricePoints[0]?.steps).toEqual([
      { upTo: 10, amount: "20.00" },
      { upTo: null, amount: "4.00" },
    ]);
    expect(switchModel(steps, "volume").pricePoints[0]?.tiers).toEqual([
      { from: 0, upTo: 10, unitAmount: "0", flatAmount: "20.00" },
      { from: 10, unitAmount: "0", flatAmount: "4.00" },
    ]);
  });

  it("→ one-time drops billing periods, timing and commitment discounts, one point per currency and book", () => {
    const c: Charge = {
      id: "setup",
      model: "flat",
      timing: "in_arrear",
      commitmentDiscounts: false,
      pricePoints: [
        { currency: "USD", billingPeriod: "month", amount: "10.00" },
        { currency: "USD", billingPeriod: "year", amount: "100.00" },
      ],
    };
    const once = switchModel(c, "one_time");
    expect(once).toEqual({
      id: "setup",
      model: "one_time",
      pricePoints: [{ currency: "USD", amount: "10.00" }],
    });
  });

  it("a one-time charge on a component is priced per unit, on the package as an amount", () => {
    const once = switchModel(seats, "one_time");
    expect(pointFields(once)).toMatchObject({ unitAmount: true, amount: false });
    expect(once.pricePoints[0]).toEqual({ currency: "USD", unitAmount: "8.005" });
    const onPackage = chargeOn(once, {});
    expect(onPackage.component).toBeUndefined();
    expect(onPackage.pricePoints[0]).toEqual({ currency: "USD", amount: "8.01" });
  });
});

describe("percentage charges and block rounding", () => {
  const licence: Charge = {
    id: "licence",
    model: "flat",
    pricePoints: [{ currency: "USD", billingPeriod: "month", amount: "100.00" }],
  };
  const care: Charge = {
    id: "care",
    model: "flat",
    pricePoints: [{ currency: "USD", billingPeriod: "month", amount: "20.00" }],
  };

  it("a charge on the package switched to percentage takes a percent of the first other charge", () => {
    // Premium support at a percent of the licence fees (the schema's own example of percentOf).
    const pct = switchModel(care, "percentage", [care, licence]);
    expect(pct).toEqual({
      id: "care",
      model: "percentage",
      percentOf: ["licence"],
      pricePoints: [{ currency: "USD", billingPeriod: "month", percent: "10" }],
    });
    // Back to flat: nothing of the percentage stays behind (a percent is no amount: 0.00 to fill in).
    expect(switchModel(pct, "flat")).toEqual({
      id: "care",
      model: "flat",
      pricePoints: [{ currency: "USD", billingPeriod: "month", amount: "0.00" }],
    });
  });

  it("on a component it prices a transaction volume; per-transaction amounts need the events component", () => {
    const pct = chargeOn(switchModel(care, "percentage", [care, licence]), { component: "volume" }, [
      care,
      licence,
    ]);
    expect(pct.percentOf).toBeUndefined();
    expect(pointFields(pct)).toMatchObject({ percent: true, perTransaction: false });
    const counted = withEventsComponent(
      {
        ...pct,
        pricePoints: [{ currency: "USD", percent: "2.9", fixedAmount: "0.30", minAmount: "0.50" }],
      },
      "transactions",
    );
    expect(pointFields(counted).perTransaction).toBe(true);
    expect(counted.pricePoints[0]).toEqual({
      currency: "USD",
      percent: "2.9",
      fixedAmount: "0.30",
      minAmount: "0.50",
    });
    // Without it, the per-transaction amounts go with it (they would be ignored).
    expect(withEventsComponent(counted, undefined).pricePoints[0]).toEqual({
      currency: "USD",
      percent: "2.9",
    });
    // Back on the package: a percent of the other charges again, and no events component.
    const back = chargeOn(counted, {}, [care, licence]);
    expect(back.eventsComponent).toBeUndefined();
    expect(back.percentOf).toEqual(["licence"]);
  });

  it("percentage is offered only with something to take a percent of", () => {
    const offered = (siblings: Charge[], components: unknown[]) =>
      modelsFor(care, siblings, components).some((m) => m.value === "percentage");
    expect(offered([care], [])).toBe(false);
    expect(offered([care, licence], [])).toBe(true);
    expect(offered([care], [{ id: "volume" }])).toBe(true);
  });

  it("block rounding stays only with blocks of more than one unit", () => {
    const down = { ...seats, blockRounding: "down" as const };
    expect(withBlockSize(down, 5).blockRounding).toBe("down");
    expect(withBlockSize(down, 1).blockRounding).toBeUndefined();
    expect(withBlockSize(down, undefined)).not.toHaveProperty("blockSize");
    expect(switchModel(down, "flat").blockRounding).toBeUndefined();
  });
});
