/**
 * Invariants of price() over random catalogs and quotes (fast-check): totals are sums of the
 * rounded lines, amounts carry exactly the currency's minor digits, graduated prices never fall as
 * the quantity grows, volume prices are never negative.
 */
import type { BillingPeriod, Charge, Discount, Package, Phase, PricePoint, Tier } from "@tessera/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthsPerPeriod } from "../calendar.ts";
import { minorUnit } from "../currency.ts";
import { Decimal } from "../decimal.ts";
import { fixtureCatalog } from "./fixture.ts";
import { price } from "./index.ts";
import { priceGraduated } from "./models/tiered.ts";
import { priceVolume } from "./models/volume.ts";
import type { ParsedTier } from "./point.ts";

const CURRENCIES = ["USD", "JPY", "KWD"] as const;

/** A non-negative decimal string with 0–4 fractional digits. */
const amountArb = fc
  .tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]) =>
    Decimal.of(units)
      .mulDiv(1n, 10n ** BigInt(scale), scale)
      .toFixed(scale),
  );

/** Ascending, contiguous tiers starting at 0, the last one open. */
const tiersArb: fc.Arbitrary<[Tier, ...Tier[]]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 0, maxLength: 4 }),
    fc.array(fc.tuple(amountArb, fc.option(amountArb, { nil: undefined })), { minLength: 5, maxLength: 5 }),
  )
  .map(([bounds, prices]) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const tiers: Tier[] = [];
    let from = 0;
    sorted.forEach((upTo, i) => {
      const [unitAmount, flatAmount] = prices[i]!;
      tiers.push({ from, upTo, unitAmount, ...(flatAmount ? { flatAmount } : {}) });
      from = upTo;
    });
    const [unitAmount, flatAmount] = prices[4]!;
    tiers.push({ from, unitAmount, ...(flatAmount ? { flatAmount } : {}) });
    return tiers as [Tier, ...Tier[]];
  });

const parseTiers = (tiers: Tier[]): ParsedTier[] =>
  tiers.map((t) => ({
    from: t.from,
    upTo: t.upTo ?? null,
    unitAmount: Decimal.parse(t.unitAmount),
    flatAmount: t.flatAmount === undefined ? undefined : Decimal.parse(t.flatAmount),
  }));

const MODELS = ["flat", "per_unit", "tiered", "volume", "stairstep", "usage", "one_time"] as const;

const chargeArb = (i: number): fc.Arbitrary<Charge> =>
  fc
    .record({
      model: fc.constantFrom(...MODELS),
      onSeats: fc.boolean(),
      blockSize: fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }),
      amount: amountArb,
      tiers: tiersArb,
      included: fc.integer({ min: 0, max: 50 }),
      inArrear: fc.boolean(),
      noCommitment: fc.boolean(),
      monthlyOnly: fc.boolean(),
    })
    .map((r) => {
      const point = (currency: string, billingPeriod?: BillingPeriod): PricePoint => {
        const p: PricePoint = { currency, ...(billingPeriod ? { billingPeriod } : {}) };
        if (r.model === "flat" || r.model === "one_time") p.amount = r.amount;
        if (r.model === "per_unit") p.unitAmount = r.amount;
        if (r.model === "tiered" || r.model === "volume") p.tiers = r.tiers;
        if (r.model === "usage") {
          p.tiers = r.tiers;
          p.includedUnits = r.included;
        }
        if (r.model === "stairstep")
          p.steps = [
            { upTo: 10, amount: r.amount },
            { upTo: null, amount: r.tiers[0]!.unitAmount },
          ];
        return p;
      };
      const points: PricePoint[] = [];
      for (const c of CURRENCIES) {
        points.push(point(c));
        if (!r.monthlyOnly && r.model !== "one_time") points.push(point(c, "year"));
      }
      const charge: Charge = {
        id: `c${i}`,
        name: `Charge ${i}`,
        model: r.model,
        pricePoints: points as Charge["pricePoints"],
        ...(r.onSeats || r.model === "usage" ? { component: r.model === "usage" ? "calls" : "seats" } : {}),
        ...(r.blockSize ? { blockSize: r.blockSize } : {}),
        ...(r.inArrear ? { timing: "in_arrear" as const } : {}),
        ...(r.noCommitment ? { commitmentDiscounts: false } : {}),
      };
      return charge;
    });

const discountArb: fc.Arbitrary<Discount> = fc
  .record({
    id: fc.constantFrom("d1", "d2", "d3"),
    percent: fc.option(fc.integer({ min: 0, max: 60 }).map(String), { nil: undefined }),
    amount: fc.option(amountArb, { nil: undefined }),
    appliesTo: fc.option(fc.constantFrom("recurring" as const, "one_time" as const, "all" as const), {
      nil: undefined,
    }),
    periods: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  })
  .map((d) => {
    const out: Discount = { id: d.id };
    if (d.percent !== undefined) out.percent = d.percent;
    if (d.amount !== undefined) out.amount = d.amount;
    if (d.appliesTo) out.appliesTo = d.appliesTo;
    if (d.periods) out.periods = d.periods;
    return out;
  });

const scenarioArb = fc.record({
  charges: fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => chargeArb(i)))),
  currency: fc.constantFrom(...CURRENCIES),
  period: fc.constantFrom<BillingPeriod>("month", "quarter", "year", "upfront"),
  termMonths: fc.constantFrom(12, 24, 36),
  termDiscount: fc.option(fc.integer({ min: 0, max: 20 }).map(String), { nil: undefined }),
  trialDays: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  intro: fc.option(
    fc.record({ periods: fc.integer({ min: 1, max: 4 }), percent: fc.integer({ min: 1, max: 50 }) }),
    {
      nil: undefined,
    },
  ),
  seats: fc.integer({ min: 0, max: 2000 }),
  usage: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  anchorDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
  startDay: fc.integer({ min: 0, max: 730 }),
  discounts: fc.array(discountArb, { maxLength: 3 }),
});

const AMOUNT = /^-?\d+(\.\d+)?$/;

function hasMinorDigits(text: string, currency: string): boolean {
  if (!AMOUNT.test(text)) return false;
  const dot = text.indexOf(".");
  const digits = dot < 0 ? 0 : text.length - dot - 1;
  return digits === minorUnit(currency);
}

describe("price properties", () => {
  it("totals are the sums of the rounded lines, and every amount has the currency's minor digits", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const phases: Phase[] = [];
        if (s.trialDays) phases.push({ type: "trial", days: s.trialDays });
        if (s.intro)
          phases.push({ type: "intro", periods: s.intro.periods, discountPercent: String(s.intro.percent) });
        const catalog = fixtureCatalog({
          charges: s.charges,
          billingPeriods: ["month", "quarter", "year", "upfront"],
          terms: [{ months: s.termMonths, ...(s.termDiscount ? { discountPercent: s.termDiscount } : {}) }],
          phases: phases as Package["phases"],
          included: 3,
        });
        const start = new Date(Date.UTC(2026, 0, 1) + s.startDay * 86_400_000).toISOString().slice(0, 10);
        const result = price(
          catalog,
          {
            package: "base",
            currency: s.currency,
            billingPeriod: s.period,
            termMonths: s.termMonths,
            quantities: { seats: s.seats },
            ...(s.usage !== undefined ? { expectedUsage: { calls: s.usage } } : {}),
            ...(s.anchorDay ? { billingAnchorDay: s.anchorDay } : {}),
            startDate: start,
            discounts: s.discounts,
          },
          "2026-01-01",
        );
        const c = s.currency;
        let first = Decimal.ZERO;
        let perPeriod = Decimal.ZERO;
        let tcv = Decimal.ZERO;
        for (const l of result.lines) {
          expect(hasMinorDigits(l.amount, c), l.amount).toBe(true);
          expect(hasMinorDigits(l.firstInvoice, c), l.firstInvoice).toBe(true);
          first = first.add(Decimal.parse(l.firstInvoice));
          if (l.perPeriod) perPeriod = perPeriod.add(Decimal.parse(l.amount));
          tcv = tcv.add(Decimal.parse(l.amount).mul(l.periods));
        }
        for (const total of Object.values(result.totals)) expect(hasMinorDigits(total, c), total).toBe(true);
        expect(result.totals.firstInvoice).toBe(first.toFixed(minorUnit(c)));
        expect(result.totals.perPeriod).toBe(perPeriod.toFixed(minorUnit(c)));
        expect(result.totals.tcv).toBe(tcv.toFixed(minorUnit(c)));
        const months = monthsPerPeriod(s.period, s.termMonths);
        const mrr = perPeriod.mulDiv(1n, BigInt(months), minorUnit(c));
        expect(result.totals.mrr).toBe(mrr.toFixed(minorUnit(c)));
        expect(result.totals.arr).toBe(
          perPeriod.mulDiv(12n, BigInt(months), minorUnit(c)).toFixed(minorUnit(c)),
        );
        // Every discount is justified: approval reasons exist exactly when approval is required.
        expect(result.requiresApproval).toBe(result.reasons.length > 0);
        // Seller discounts never pass silently: with no policy, any non-zero one is flagged.
        const granted = result.lines.some(
          (l) =>
            l.kind === "discount" &&
            s.discounts.some((d) => d.id === l.id) &&
            l.amount !== Decimal.ZERO.toFixed(minorUnit(c)),
        );
        if (granted) expect(result.requiresApproval).toBe(true);
      }),
      { numRuns: 200 },
    );
    // A generous limit: the machine running the suite may be shared and slow; this is not a timing test.
  }, 60_000);

  it("a graduated price never falls as the quantity grows", () => {
    fc.assert(
      fc.property(
        tiersArb,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (tiers, a, b) => {
          const parsed = parseTiers(tiers);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(
            priceGraduated(parsed, lo, "USD").amount.cmp(priceGraduated(parsed, hi, "USD").amount),
          ).toBeLessThanOrEqual(0);
        },
      ),
    );
  });

  it("a volume price is never negative and prices every unit at one band's rate", () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 3000 }), (tiers, q) => {
        const priced = priceVolume(parseTiers(tiers), q, "USD");
        expect(priced.amount.isNegative()).toBe(false);
        expect(priced.problem).toBeUndefined();
      }),
    );
  });

  it("JPY has no decimals and KWD three", () => {
    const catalog = fixtureCatalog({
      charges: [
        {
          id: "seat-fee",
          model: "per_unit",
          component: "seats",
          pricePoints: [
            { currency: "JPY", unitAmount: "333.5" },
            { currency: "KWD", unitAmount: "0.12345" },
          ],
        },
      ],
    });
    const jpy = price(catalog, { package: "base", currency: "JPY", quantities: { seats: 3 } }, "2026-01-01");
    expect(jpy.lines[0]!.amount).toBe("1001");
    expect(jpy.totals.arr).toBe("12012");
    const kwd = price(catalog, { package: "base", currency: "KWD", quantities: { seats: 3 } }, "2026-01-01");
    expect(kwd.lines[0]!.amount).toBe("0.370");
  });
});
