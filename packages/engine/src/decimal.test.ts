import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, isDate, periodContaining } from "./calendar.ts";
import { formatMoney, roundMoney } from "./currency.ts";
import { Decimal } from "./decimal.ts";

const d = Decimal.parse;

describe("Decimal", () => {
  it("adds without binary floating point error", () => {
    expect(d("0.1").add(d("0.2")).toString()).toBe("0.3");
    expect(d("19.99").mul(3).toFixed(2)).toBe("59.97");
  });

  it("rounds half away from zero", () => {
    expect(d("2.345").round(2).toFixed()).toBe("2.35");
    expect(d("-2.345").round(2).toFixed()).toBe("-2.35");
    expect(d("2.344").round(2).toFixed()).toBe("2.34");
    expect(d("0.5").round(0).toFixed()).toBe("1");
  });

  it("prorates with a single rounding: 30.00 for 10 of 31 days", () => {
    expect(d("30.00").mulDiv(10n, 31n, 2).toFixed()).toBe("9.68");
  });

  it("divides to a requested scale", () => {
    expect(d("100").div(d("3"), 2).toFixed()).toBe("33.33");
    expect(d("1200.00").div(d("12"), 2).toFixed()).toBe("100.00");
  });

  it("rejects malformed text", () => {
    expect(Decimal.tryParse("1e3")).toBeUndefined();
    expect(Decimal.tryParse("12.")).toBeUndefined();
    expect(() => Decimal.parse("abc")).toThrow(RangeError);
  });

  it("rounds money to the currency's minor unit", () => {
    expect(formatMoney(d("1234.5"), "JPY")).toBe("1235");
    expect(formatMoney(d("1.2345"), "KWD")).toBe("1.235");
    expect(roundMoney(d("1.005"), "USD").toFixed()).toBe("1.01");
  });

  it("keeps addition exact and commutative for any decimals", () => {
    const dec = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
      .map(([u, s]) => d((Number(s) === 0 ? u.toString() : insertPoint(u, s)) as string));
    fc.assert(
      fc.property(dec, dec, (a, b) => {
        expect(a.add(b).eq(b.add(a))).toBe(true);
        expect(a.add(b).sub(b).eq(a)).toBe(true);
      }),
    );
  });
});

function insertPoint(u: bigint, s: number): string {
  const neg = u < 0n;
  const digits = (neg ? -u : u).toString().padStart(s + 1, "0");
  return `${neg ? "-" : ""}${digits.slice(0, -s)}.${digits.slice(-s)}`;
}

describe("calendar", () => {
  it("clamps month ends and keeps the anchor day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-02-28", 1, 31)).toBe("2026-03-31");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-11-15", 14)).toBe("2028-01-15");
  });

  it("counts days across month and year ends", () => {
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
  });

  it("finds the billing period containing a date", () => {
    expect(periodContaining("2026-01-31", 1, "2026-03-15")).toEqual({
      start: "2026-02-28",
      end: "2026-03-31",
    });
    expect(periodContaining("2026-01-15", 3, "2026-05-01")).toEqual({
      start: "2026-04-15",
      end: "2026-07-15",
    });
    expect(periodContaining("2026-06-10", 1, "2026-03-10")).toEqual({
      start: "2026-03-10",
      end: "2026-04-10",
    });
  });

  it("rejects impossible dates", () => {
    expect(isDate("2026-02-30")).toBe(false);
    expect(isDate("2026-02-28")).toBe(true);
  });
});
