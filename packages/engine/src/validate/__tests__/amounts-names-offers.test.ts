/**
 * The designer v2 checks: amounts charged as they are must be payable in their currency (unit
 * rates may be finer), names may not be blank, and an add-on may not list a term or billing period
 * no compatible base offers. Each row plants one defect in the reference catalog, expects its code,
 * pointer and severity, then fixes it and expects a clean catalog.
 */
import type { Catalog, PricePoint } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { resolvePointer, type Severity } from "../../diagnostic.ts";
import { validate } from "../index.ts";
import { pkg, validCatalog } from "./fixture.ts";

interface Row {
  code: string;
  severity: Severity;
  pointer: string;
  /** A phrase the message must contain (where the line rounds, what is offered). */
  says: string;
  defect(doc: Catalog): void;
  fix(doc: Catalog): void;
}

const point = (d: Catalog, id: string, charge: number, k: number) =>
  pkg(d, id).charges[charge]?.pricePoints[k] as PricePoint;

const rows: Record<string, Row> = {
  "a flat amount of 1200.005 USD": {
    code: "price.amount-precision",
    severity: "error",
    pointer: "/packages/0/charges/0/pricePoints/0/amount",
    says: "round to 1200.01",
    defect: (d) => {
      point(d, "basic", 0, 0).amount = "1200.005";
    },
    fix: (d) => {
      point(d, "basic", 0, 0).amount = "1200.01";
    },
  },
  "0.5 JPY, a currency without a minor unit": {
    code: "price.amount-precision",
    severity: "error",
    pointer: "/packages/0/charges/0/pricePoints/2/amount",
    says: "JPY has no minor unit: the line would round to 1",
    defect: (d) => {
      d.currencies.push("JPY");
      for (const p of d.packages)
        for (const c of p.charges) c.pricePoints.push({ ...c.pricePoints[0]!, currency: "JPY" });
      point(d, "basic", 0, 2).amount = "0.5";
    },
    fix: (d) => {
      point(d, "basic", 0, 2).amount = "1";
    },
  },
  "a one-time setup fee of 99.999 EUR": {
    code: "price.amount-precision",
    severity: "error",
    pointer: "/packages/2/charges/3/pricePoints/1/amount",
    says: "round to 100.00",
    defect: (d) => {
      pkg(d, "enterprise").charges.push({
        id: "enterprise-setup",
        model: "one_time",
        pricePoints: [
          { currency: "USD", amount: "100" },
          { currency: "EUR", amount: "99.999" },
        ],
      });
    },
    fix: (d) => {
      point(d, "enterprise", 3, 1).amount = "99.99";
    },
  },
  "a stairstep total of 45.125 EUR": {
    code: "price.amount-precision",
    severity: "error",
    pointer: "/packages/0/charges/1/pricePoints/1/steps/0/amount",
    says: "round to 45.13",
    defect: (d) => {
      pkg(d, "basic").charges[1] = {
        id: "basic-seat-fee",
        model: "stairstep",
        component: "basic-seats",
        pricePoints: [
          {
            currency: "USD",
            steps: [
              { upTo: 10, amount: "50" },
              { upTo: null, amount: "100" },
            ],
          },
          {
            currency: "EUR",
            steps: [
              { upTo: 10, amount: "45.125" },
              { upTo: null, amount: "90" },
            ],
          },
        ],
      };
    },
    fix: (d) => {
      const steps = point(d, "basic", 1, 1).steps as { amount: string }[];
      steps[0]!.amount = "45.13";
    },
  },
  "a tier's flat amount of 10.001 USD": {
    code: "price.amount-precision",
    severity: "error",
    pointer: "/packages/2/charges/2/pricePoints/0/tiers/1/flatAmount",
    says: "round to 10.00",
    defect: (d) => {
      (point(d, "enterprise", 2, 0).tiers as { flatAmount?: string }[])[1]!.flatAmount = "10.001";
    },
    fix: (d) => {
      (point(d, "enterprise", 2, 0).tiers as { flatAmount?: string }[])[1]!.flatAmount = "10";
    },
  },
  "an early termination fee of 250.5055 USD": {
    code: "price.amount-precision",
    severity: "error",
    pointer: "/packages/2/termination/earlyTerminationFee/amounts/0/amount",
    says: "round to 250.51",
    defect: (d) => {
      pkg(d, "enterprise").termination!.earlyTerminationFee = {
        kind: "flat",
        amounts: [
          { currency: "USD", amount: "250.5055" },
          { currency: "EUR", amount: "230" },
        ],
      };
    },
    fix: (d) => {
      pkg(d, "enterprise").termination!.earlyTerminationFee!.amounts![0]!.amount = "250.51";
    },
  },
  "a blank package name": {
    code: "name.blank",
    severity: "error",
    pointer: "/packages/1/name",
    says: "empty label",
    defect: (d) => {
      pkg(d, "pro").name = "   ";
    },
    fix: (d) => {
      pkg(d, "pro").name = "Pro";
    },
  },
  "a whitespace-only option name": {
    code: "name.blank",
    severity: "error",
    pointer: "/packages/1/optionGroups/0/options/1/name",
    says: "Give it a name",
    defect: (d) => {
      pkg(d, "pro").optionGroups![0]!.options[1]!.name = "\t\u00a0";
    },
    fix: (d) => {
      pkg(d, "pro").optionGroups![0]!.options[1]!.name = "Premium";
    },
  },
  "an empty optional charge name": {
    code: "name.blank",
    severity: "error",
    pointer: "/packages/0/charges/0/name",
    says: "remove the field where it is optional",
    defect: (d) => {
      pkg(d, "basic").charges[0]!.name = "";
    },
    fix: (d) => {
      delete pkg(d, "basic").charges[0]!.name;
    },
  },
  "a blank catalog name": {
    code: "name.blank",
    severity: "error",
    pointer: "/name",
    says: "catalog's name",
    defect: (d) => {
      d.name = " ";
    },
    fix: (d) => {
      d.name = "Acme Cloud";
    },
  },
  "an add-on on a 24-month term no base offers": {
    code: "addon.term-not-offered",
    severity: "warning",
    pointer: "/packages/3/terms/1",
    says: "they offer 1, 12 months",
    defect: (d) => {
      pkg(d, "sso").terms.push({ months: 24 });
    },
    fix: (d) => {
      pkg(d, "sso").terms[1] = { months: 12 };
    },
  },
  "an add-on on a term only a base below its minimum tier offers": {
    code: "addon.term-not-offered",
    severity: "warning",
    pointer: "/packages/3/terms/1",
    says: "they offer 1, 12 months",
    defect: (d) => {
      pkg(d, "basic").terms.push({ months: 36 });
      pkg(d, "sso").terms.push({ months: 36 });
    },
    fix: (d) => {
      pkg(d, "pro").terms.push({ months: 36 });
    },
  },
  "an add-on billed quarterly where no base is": {
    code: "addon.billing-period-not-offered",
    severity: "warning",
    pointer: "/packages/3/billingPeriods/2",
    says: "they offer month, year",
    defect: (d) => {
      pkg(d, "sso").billingPeriods.push("quarter");
    },
    fix: (d) => {
      pkg(d, "sso").billingPeriods.pop();
    },
  },
  "an add-on for named bases billed yearly where those bases are monthly only": {
    code: "addon.billing-period-not-offered",
    severity: "warning",
    pointer: "/packages/3/billingPeriods/1",
    says: "they offer month",
    defect: (d) => {
      pkg(d, "sso").addOn = { packages: ["pro", "enterprise"] };
      pkg(d, "pro").billingPeriods = ["month"];
      pkg(d, "enterprise").billingPeriods = ["month"];
    },
    fix: (d) => {
      pkg(d, "enterprise").billingPeriods = ["month", "year"];
    },
  },
};

describe("designer v2 checks", () => {
  it.each(Object.entries(rows))("%s", (_name, row) => {
    const doc = validCatalog();
    row.defect(doc);
    const bad = validate(doc);
    const found = bad.diagnostics.find((d) => d.code === row.code && d.pointer === row.pointer);
    expect(found).toMatchObject({ code: row.code, severity: row.severity, pointer: row.pointer });
    expect(found?.message).toContain(row.says);
    for (const d of bad.diagnostics) expect(resolvePointer(doc, d.pointer).found).toBe(true);
    row.fix(doc);
    const good = validate(doc);
    expect(good.diagnostics).toEqual([]);
  });

  it("lets unit and usage rates carry more decimals than the currency: the line is rounded, not the rate", () => {
    const doc = validCatalog();
    point(doc, "basic", 1, 0).unitAmount = "0.0004";
    const tiers = point(doc, "enterprise", 2, 0).tiers as { unitAmount: string }[];
    tiers[0]!.unitAmount = "0.00125";
    d3(doc);
    expect(validate(doc).diagnostics).toEqual([]);
  });

  it("counts significant decimals only: 10.500 USD is 10.50", () => {
    const doc = validCatalog();
    point(doc, "basic", 0, 0).amount = "10.500";
    expect(validate(doc).diagnostics).toEqual([]);
  });
});

/** Three-decimal currencies take three: 1.125 KWD is payable (ISO 4217: the fils is 1/1000). */
function d3(doc: Catalog): void {
  doc.currencies.push("KWD");
  for (const p of doc.packages)
    for (const c of p.charges) c.pricePoints.push({ ...c.pricePoints[0]!, currency: "KWD" });
  point(doc, "basic", 0, 2).amount = "1.125";
}
