/** The UI's money display (packages/ui/src/format/money.ts) from exact decimal strings through Intl.NumberFormat. */

import { formatDelta, formatMoney } from "@tessera/ui";
import { describe, expect, it } from "vitest";

describe("formatMoney", () => {
  it("groups digits and uses each currency's symbol or code", () => {
    expect(formatMoney("1659.00", "USD")).toBe("$1,659.00");
    expect(formatMoney("27.00", "EUR")).toBe("€27.00");
    expect(formatMoney("4394", "JPY")).toBe("¥4,394");
    expect(formatMoney("1000.125", "KWD")).toBe("KWD\u00a01,000.125");
  });

  it("keeps every digit of the exact decimal string, beyond what a double holds", () => {
    expect(formatMoney("12345.5", "USD")).toBe("$12,345.5");
    expect(formatMoney("0.0004", "USD")).toBe("$0.0004");
    expect(formatMoney("123456789012345678.000000000001", "CHF")).toBe(
      "CHF\u00a0123,456,789,012,345,678.000000000001",
    );
  });

  it("writes negatives with a true minus and signed deltas with a plus or ±", () => {
    expect(formatMoney("-12.25", "USD")).toBe("−$12.25");
    expect(formatDelta("50.00", "USD")).toBe("+$50.00");
    expect(formatDelta("-25.29", "USD")).toBe("−$25.29");
    expect(formatDelta("0.00", "USD")).toBe("±$0.00");
  });

  it("shows what it cannot format as it is", () => {
    expect(formatMoney("12.3.4", "USD")).toBe("USD 12.3.4");
    expect(formatMoney("5.00", "usd!")).toBe("usd! 5.00");
  });
});
