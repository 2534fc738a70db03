import { describe, expect, it } from "vitest";
import { validateArrangement, validateCatalog, validateQuote } from "./index.ts";

describe("compiled validators", () => {
  it("accept a minimal catalog and reject a wrong type with a located error", () => {
    const ok = { id: "c", name: "C", currencies: ["USD"], services: [], portfolios: [], packages: [] };
    expect(validateCatalog(ok)).toBe(true);
    expect(validateCatalog({ ...ok, currencies: ["usd"] })).toBe(false);
    expect(validateCatalog.errors?.[0]?.instancePath).toBe("/currencies/0");
  });

  it("reject amounts written as numbers", () => {
    expect(validateQuote({ package: "p", discounts: [{ id: "d", amount: 5 }] })).toBe(false);
    expect(validateQuote.errors?.some((e) => e.instancePath === "/discounts/0/amount")).toBe(true);
  });

  it("require the term of an arrangement", () => {
    const a = {
      catalogId: "c",
      catalogVersion: 1,
      package: "p",
      currency: "USD",
      billingPeriod: "month",
      billingAnchor: "2026-01-01",
    };
    expect(validateArrangement(a)).toBe(false);
    expect(validateArrangement({ ...a, term: { months: 12, start: "2026-01-01", end: "2027-01-01" } })).toBe(
      true,
    );
  });
});
