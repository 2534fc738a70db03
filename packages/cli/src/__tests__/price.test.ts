import { describe, expect, it } from "vitest";
import { run } from "./harness.ts";

const CATALOG = "schemas/examples/saas.catalog.json";
const AS_OF = ["--as-of", "2026-11-23"];

describe("tessera price", () => {
  it("prints an invoice-like table with explanations and totals, exit 0", async () => {
    const r = await run(["price", CATALOG, "schemas/examples/saas.quote.json", ...AS_OF]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      "collab-business · 12 months · billed per year · EUR · price book list",
    );
    expect(r.stdout).toMatch(/Business seats \(volume\)\s+60\s+\d+\.\d\d/);
    expect(r.stdout).toMatch(/ARR \(MRR × 12\)\s+\d+\.\d\d/);
    expect(r.stdout).toContain("Free trial until 2026-12-15");
  });

  it("prints the priced quote as JSON with decimal-string amounts", async () => {
    const r = await run(["price", "--json", CATALOG, "schemas/examples/saas.quote.json", ...AS_OF]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.currency).toBe("EUR");
    expect(Object.keys(out.totals)).toEqual(["firstInvoice", "perPeriod", "mrr", "arr", "tcv"]);
    for (const amount of [
      ...Object.values(out.totals),
      ...out.lines.map((l: { amount: string }) => l.amount),
    ])
      expect(amount).toMatch(/^-?\d+\.\d\d$/);
    expect(out.requiresApproval).toBe(false);
    expect(out.reasons).toEqual([]);
    expect(out.lines.find((l: { id: string }) => l.id === "biz-seat-fee").explanation).toBe(
      "60 seats fall in tier 1 (1–100): 60 × 220.00 = 13200.00",
    );
  });

  it("flags a discount that needs approval", async () => {
    const quote = { package: "collab-team", currency: "USD", discounts: [{ id: "vip", percent: "25" }] };
    const r = await run(["price", "--json", CATALOG, "-", ...AS_OF], { stdin: JSON.stringify(quote) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.requiresApproval).toBe(true);
    // The sample's tiers: above 15% one approver (Sales manager), above 25% two.
    expect(out.approvalsRequired).toBe(1);
    expect(out.reasons).toEqual([
      "Discount `vip` takes 25% off recurring charges; more than 15% needs approval by one approver (Sales manager).",
    ]);
  });

  it("exits 1 with the violations of a quote that cannot be priced", async () => {
    const r = await run(["price", CATALOG, "-", ...AS_OF], {
      stdin: JSON.stringify({ package: "collab-team", currency: "CHF" }),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Violations:");
    expect(r.stdout).toContain("error price.unknown-currency /currency The catalog is not priced in CHF.");
  });

  it("exits 1 on a quote that is not a quote document", async () => {
    const r = await run(["price", CATALOG, "-", ...AS_OF], { stdin: JSON.stringify({ currency: "USD" }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the quote is not a valid quote document");
  });

  it("exits 2 on usage and input errors", async () => {
    expect((await run(["price", CATALOG])).code).toBe(2);
    expect((await run(["price", CATALOG, "nope.json"])).stderr).toContain("cannot read nope.json");
    const badDate = await run([
      "price",
      CATALOG,
      "schemas/examples/saas.quote.json",
      "--as-of",
      "2026-02-30",
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--as-of must be a calendar date");
  });
});
