/**
 * One row per semantic diagnostic code: a defect planted in the reference catalog must be reported
 * with its code, pointer and severity, and the corrected catalog must pass with no diagnostics.
 */
import type { Catalog, Consequence, Package, PathRuleCase } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { resolvePointer, type Severity } from "../../diagnostic.ts";
import { checks } from "../checks/index.ts";
import { validate } from "../index.ts";
import { pkg, validCatalog } from "./fixture.ts";

interface Row {
  code: string;
  severity: Severity;
  pointer: string;
  defect(doc: Catalog): void;
  fix(doc: Catalog): void;
}

const basic = (d: Catalog) => pkg(d, "basic");
const pro = (d: Catalog) => pkg(d, "pro");
const ent = (d: Catalog) => pkg(d, "enterprise");
const sso = (d: Catalog) => pkg(d, "sso");
const usdTiers = (d: Catalog) => {
  const t = ent(d).charges[2]?.pricePoints[0]?.tiers;
  if (!t) throw new Error("fixture lost its usage tiers");
  return t as unknown as { from: number; upTo?: number | null; unitAmount: string }[];
};
const seats = (d: Catalog) => basic(d).components?.[0] as NonNullable<Package["components"]>[number];
const support = (d: Catalog) => pro(d).optionGroups?.[0] as NonNullable<Package["optionGroups"]>[number];
const stairstep = (d: Catalog, usdSteps: { upTo: number | null; amount: string }[]) => {
  basic(d).charges[1] = {
    id: "basic-seat-fee",
    model: "stairstep",
    component: "basic-seats",
    pricePoints: [
      { currency: "USD", steps: usdSteps as [{ upTo: number | null; amount: string }] },
      {
        currency: "EUR",
        steps: [
          { upTo: 10, amount: "45" },
          { upTo: null, amount: "90" },
        ],
      },
    ],
  };
};
const usdSteps = (d: Catalog) =>
  basic(d).charges[1]?.pricePoints[0]?.steps as { upTo: number | null; amount: string }[];
const rules = (d: Catalog) => d.pathRules as PathRuleCase[];
const fee = (d: Catalog) => {
  const t = ent(d).termination;
  if (!t) throw new Error("fixture lost its termination");
  return t;
};
const addAudit = (d: Catalog) => {
  d.packages.push({
    ...structuredClone(sso(d)),
    id: "audit",
    name: "Audit log",
    components: [],
    charges: [],
  });
};

const rows: Record<string, Row> = {
  "id.duplicate": {
    code: "id.duplicate",
    severity: "error",
    pointer: "/packages/1/rules/0/id",
    defect: (d) => {
      (pro(d).rules?.[0] as { id: string }).id = "basic";
    },
    fix: (d) => {
      (pro(d).rules?.[0] as { id: string }).id = "premium-requires-sso";
    },
  },
  "id.duplicate across components and options": {
    code: "id.duplicate",
    severity: "error",
    pointer: "/packages/1/optionGroups/0/options/1/id",
    defect: (d) => {
      (support(d).options[1] as { id: string }).id = "basic-seats";
    },
    fix: (d) => {
      (support(d).options[1] as { id: string }).id = "support-premium";
    },
  },
  "id.duplicate within price books": {
    code: "id.duplicate",
    severity: "error",
    pointer: "/priceBooks/1/id",
    defect: (d) => {
      d.priceBooks?.push({ id: "list", name: "List again" });
    },
    fix: (d) => {
      (d.priceBooks?.[1] as { id: string }).id = "partner";
    },
  },
  "ref.unknown-service": {
    code: "ref.unknown-service",
    severity: "error",
    pointer: "/packages/0/components/0/service",
    defect: (d) => {
      seats(d).service = "seats";
    },
    fix: (d) => {
      seats(d).service = "seat";
    },
  },
  "ref.unknown-portfolio": {
    code: "ref.unknown-portfolio",
    severity: "error",
    pointer: "/packages/0/portfolio",
    defect: (d) => {
      basic(d).portfolio = "teams";
    },
    fix: (d) => {
      basic(d).portfolio = "team";
    },
  },
  "ref.unknown-package": {
    code: "ref.unknown-package",
    severity: "error",
    pointer: "/packages/1/successor",
    defect: (d) => {
      pro(d).successor = "pro-2027";
    },
    fix: (d) => {
      pro(d).successor = "enterprise";
    },
  },
  "ref.unknown-component": {
    code: "ref.unknown-component",
    severity: "error",
    pointer: "/packages/0/charges/1/component",
    defect: (d) => {
      (basic(d).charges[1] as { component?: string }).component = "pro-seats";
    },
    fix: (d) => {
      (basic(d).charges[1] as { component?: string }).component = "basic-seats";
    },
  },
  "ref.unknown-option": {
    code: "ref.unknown-option",
    severity: "error",
    pointer: "/packages/1/charges/2/option",
    defect: (d) => {
      (pro(d).charges[2] as { option?: string }).option = "support-gold";
    },
    fix: (d) => {
      (pro(d).charges[2] as { option?: string }).option = "support-premium";
    },
  },
  "ref.unknown-pick": {
    code: "ref.unknown-pick",
    severity: "error",
    pointer: "/packages/1/rules/0/then/requireAll/1",
    defect: (d) => {
      (pro(d).rules?.[0]?.then as Consequence | undefined)?.requireAll?.push("basic");
    },
    fix: (d) => {
      (pro(d).rules?.[0]?.then as Consequence | undefined)?.requireAll?.pop();
    },
  },
  "ref.unknown-pick in a quantity rule": {
    code: "ref.unknown-pick",
    severity: "error",
    pointer: "/packages/1/quantityRules/0/when/anyOf/1",
    defect: (d) => {
      pro(d).quantityRules = [
        {
          id: "premium-seat-cap",
          when: { anyOf: ["support-premium", "support-gold"] },
          terms: [{ component: "pro-seats", coefficient: 1 }],
          comparator: "<=",
          bound: 50,
        },
      ];
    },
    fix: (d) => {
      pro(d).quantityRules?.[0]?.when?.anyOf?.pop();
    },
  },
  "ref.unknown-component in a quantity rule": {
    code: "ref.unknown-component",
    severity: "error",
    pointer: "/packages/1/quantityRules/0/terms/0/component",
    defect: (d) => {
      pro(d).quantityRules = [
        {
          id: "seat-cap",
          terms: [{ component: "basic-seats", coefficient: 1 }],
          comparator: "<=",
          bound: 50,
        },
      ];
    },
    fix: (d) => {
      (pro(d).quantityRules?.[0]?.terms[0] as { component: string }).component = "pro-seats";
    },
  },
  "ref.unknown-price-book": {
    code: "ref.unknown-price-book",
    severity: "error",
    pointer: "/packages/0/charges/0/pricePoints/0/priceBook",
    defect: (d) => {
      basic(d).charges[0]?.pricePoints.push({ currency: "USD", amount: "8", priceBook: "partner" });
      const points = basic(d).charges[0]?.pricePoints;
      points?.unshift(points.pop() as never);
    },
    fix: (d) => {
      d.priceBooks?.push({ id: "partner", name: "Partner prices", fallback: "list" });
    },
  },
  "pricebook.multiple-defaults": {
    code: "pricebook.multiple-defaults",
    severity: "error",
    pointer: "/priceBooks/1/default",
    defect: (d) => {
      d.priceBooks?.push({ id: "partner", name: "Partner", default: true });
    },
    fix: (d) => {
      delete d.priceBooks?.[1]?.default;
    },
  },
  "pricebook.fallback-cycle": {
    code: "pricebook.fallback-cycle",
    severity: "error",
    pointer: "/priceBooks/0/fallback",
    defect: (d) => {
      d.priceBooks = [
        { id: "list", name: "List", default: true, fallback: "partner" },
        { id: "partner", name: "Partner", fallback: "list" },
      ];
    },
    fix: (d) => {
      delete d.priceBooks?.[0]?.fallback;
    },
  },
  "price.missing-currency": {
    code: "price.missing-currency",
    severity: "error",
    pointer: "/packages/0/charges/0/pricePoints",
    defect: (d) => {
      basic(d).charges[0]?.pricePoints.pop();
    },
    fix: (d) => {
      basic(d).charges[0]?.pricePoints.push({ currency: "EUR", amount: "9" });
    },
  },
  "price.missing-billing-period": {
    code: "price.missing-billing-period",
    severity: "error",
    pointer: "/packages/0/charges/0/pricePoints",
    defect: (d) => {
      (basic(d).charges[0] as { pricePoints: object[] }).pricePoints = [
        { currency: "USD", billingPeriod: "month", amount: "10" },
        { currency: "EUR", amount: "9" },
      ];
    },
    fix: (d) => {
      basic(d).charges[0]?.pricePoints.push({ currency: "USD", billingPeriod: "year", amount: "100" });
    },
  },
  "price.undeclared-currency": {
    code: "price.undeclared-currency",
    severity: "warning",
    pointer: "/packages/0/charges/0/pricePoints/2/currency",
    defect: (d) => {
      basic(d).charges[0]?.pricePoints.push({ currency: "GBP", amount: "8" });
    },
    fix: (d) => {
      basic(d).charges[0]?.pricePoints.pop();
    },
  },
  "price.duplicate-point": {
    code: "price.duplicate-point",
    severity: "error",
    pointer: "/packages/0/charges/0/pricePoints/2",
    defect: (d) => {
      basic(d).charges[0]?.pricePoints.push({ currency: "USD", amount: "11" });
    },
    fix: (d) => {
      (basic(d).charges[0]?.pricePoints[2] as { billingPeriod?: string }).billingPeriod = "year";
    },
  },
  "price.duplicate-point in another book": {
    code: "price.duplicate-point",
    severity: "error",
    pointer: "/packages/0/charges/0/pricePoints/3",
    defect: (d) => {
      d.priceBooks?.push({ id: "partner", name: "Partner prices", fallback: "list" });
      basic(d).charges[0]?.pricePoints.push(
        { currency: "USD", amount: "8", priceBook: "partner" },
        { currency: "USD", amount: "7", priceBook: "partner" },
      );
    },
    fix: (d) => {
      (basic(d).charges[0]?.pricePoints[3] as { currency: string }).currency = "EUR";
    },
  },
  "price.billing-period-not-offered": {
    code: "price.billing-period-not-offered",
    severity: "warning",
    pointer: "/packages/0/charges/0/pricePoints/2/billingPeriod",
    defect: (d) => {
      basic(d).charges[0]?.pricePoints.push({ currency: "USD", billingPeriod: "quarter", amount: "29" });
    },
    fix: (d) => {
      basic(d).billingPeriods.push("quarter");
    },
  },
  "currency.unused": {
    code: "currency.unused",
    severity: "warning",
    pointer: "/currencies/1",
    defect: (d) => {
      for (const p of d.packages) p.charges = [];
    },
    fix: (d) => {
      basic(d).charges.push({
        id: "basic-fee",
        model: "flat",
        pricePoints: [
          { currency: "USD", amount: "10" },
          { currency: "EUR", amount: "9" },
        ],
      });
    },
  },
  "price.model-fields": {
    code: "price.model-fields",
    severity: "error",
    pointer: "/packages/0/charges/0/pricePoints/0",
    defect: (d) => {
      (basic(d).charges[0] as { model: string }).model = "per_unit";
    },
    fix: (d) => {
      (basic(d).charges[0] as { model: string }).model = "flat";
    },
  },
  "price.ignored-field": {
    code: "price.ignored-field",
    severity: "warning",
    pointer: "/packages/0/charges/0/pricePoints/0/unitAmount",
    defect: (d) => {
      (basic(d).charges[0]?.pricePoints[0] as { unitAmount?: string }).unitAmount = "3";
    },
    fix: (d) => {
      delete basic(d).charges[0]?.pricePoints[0]?.unitAmount;
    },
  },
  "charge.block-size-ignored": {
    code: "charge.block-size-ignored",
    severity: "warning",
    pointer: "/packages/0/charges/0/blockSize",
    defect: (d) => {
      (basic(d).charges[0] as { blockSize?: number }).blockSize = 10;
    },
    fix: (d) => {
      delete basic(d).charges[0]?.blockSize;
    },
  },
  "tiers.first-not-zero": {
    code: "tiers.first-not-zero",
    severity: "error",
    pointer: "/packages/2/charges/2/pricePoints/0/tiers/0/from",
    defect: (d) => {
      (usdTiers(d)[0] as { from: number }).from = 1;
    },
    fix: (d) => {
      (usdTiers(d)[0] as { from: number }).from = 0;
    },
  },
  "tiers.gap": {
    code: "tiers.gap",
    severity: "error",
    pointer: "/packages/2/charges/2/pricePoints/0/tiers/1/from",
    defect: (d) => {
      (usdTiers(d)[1] as { from: number }).from = 20000;
    },
    fix: (d) => {
      (usdTiers(d)[0] as { upTo: number }).upTo = 20000;
    },
  },
  "tiers.overlap": {
    code: "tiers.overlap",
    severity: "error",
    pointer: "/packages/2/charges/2/pricePoints/0/tiers/1/from",
    defect: (d) => {
      (usdTiers(d)[1] as { from: number }).from = 5000;
    },
    fix: (d) => {
      (usdTiers(d)[0] as { upTo: number }).upTo = 5000;
    },
  },
  "tiers.not-ascending": {
    code: "tiers.not-ascending",
    severity: "error",
    pointer: "/packages/2/charges/2/pricePoints/0/tiers/1/upTo",
    defect: (d) => {
      const t = usdTiers(d);
      t.splice(1, 0, { from: 10000, upTo: 10000, unitAmount: "0.008" });
    },
    fix: (d) => {
      const t = usdTiers(d);
      (t[1] as { upTo: number }).upTo = 20000;
      (t[2] as { from: number }).from = 20000;
    },
  },
  "tiers.open-not-last": {
    code: "tiers.open-not-last",
    severity: "error",
    pointer: "/packages/2/charges/2/pricePoints/0/tiers/0",
    defect: (d) => {
      (usdTiers(d)[0] as { upTo: number | null }).upTo = null;
    },
    fix: (d) => {
      (usdTiers(d)[0] as { upTo: number | null }).upTo = 10000;
    },
  },
  "tiers.last-bounded": {
    code: "tiers.last-bounded",
    severity: "error",
    pointer: "/packages/2/charges/2/pricePoints/0/tiers/1/upTo",
    defect: (d) => {
      (usdTiers(d)[1] as { upTo?: number }).upTo = 50000;
    },
    fix: (d) => {
      delete (usdTiers(d)[1] as { upTo?: number }).upTo;
    },
  },
  "steps.not-ascending": {
    code: "steps.not-ascending",
    severity: "error",
    pointer: "/packages/0/charges/1/pricePoints/0/steps/1/upTo",
    defect: (d) => {
      stairstep(d, [
        { upTo: 10, amount: "50" },
        { upTo: 5, amount: "80" },
        { upTo: null, amount: "100" },
      ]);
    },
    fix: (d) => {
      (usdSteps(d)[1] as { upTo: number }).upTo = 50;
    },
  },
  "steps.open-not-last": {
    code: "steps.open-not-last",
    severity: "error",
    pointer: "/packages/0/charges/1/pricePoints/0/steps/0",
    defect: (d) => {
      stairstep(d, [
        { upTo: null, amount: "50" },
        { upTo: 10, amount: "80" },
      ]);
    },
    fix: (d) => {
      usdSteps(d).reverse();
    },
  },
  "steps.last-bounded": {
    code: "steps.last-bounded",
    severity: "error",
    pointer: "/packages/0/charges/1/pricePoints/0/steps/1/upTo",
    defect: (d) => {
      stairstep(d, [
        { upTo: 10, amount: "50" },
        { upTo: 50, amount: "80" },
      ]);
    },
    fix: (d) => {
      seats(d).max = 51;
    },
  },
  "component.min-above-max": {
    code: "component.min-above-max",
    severity: "error",
    pointer: "/packages/0/components/0/min",
    defect: (d) => {
      seats(d).min = 200;
    },
    fix: (d) => {
      seats(d).min = 1;
    },
  },
  "component.default-out-of-range": {
    code: "component.default-out-of-range",
    severity: "error",
    pointer: "/packages/0/components/0/default",
    defect: (d) => {
      seats(d).default = 500;
    },
    fix: (d) => {
      seats(d).max = 500;
    },
  },
  "component.default-off-step": {
    code: "component.default-off-step",
    severity: "error",
    pointer: "/packages/0/components/0/default",
    defect: (d) => {
      Object.assign(seats(d), { step: 2, default: 4, max: 101 });
    },
    fix: (d) => {
      seats(d).default = 5;
    },
  },
  "component.max-off-step": {
    code: "component.max-off-step",
    severity: "warning",
    pointer: "/packages/0/components/0/max",
    defect: (d) => {
      seats(d).step = 2;
    },
    fix: (d) => {
      seats(d).max = 99;
    },
  },
  "component.included-above-max": {
    code: "component.included-above-max",
    severity: "warning",
    pointer: "/packages/0/components/0/included",
    defect: (d) => {
      seats(d).included = 200;
    },
    fix: (d) => {
      seats(d).included = 100;
    },
  },
  "group.min-above-max": {
    code: "group.min-above-max",
    severity: "error",
    pointer: "/packages/1/optionGroups/0/min",
    defect: (d) => {
      support(d).min = 2;
    },
    fix: (d) => {
      support(d).max = 2;
    },
  },
  "group.min-above-options": {
    code: "group.min-above-options",
    severity: "error",
    pointer: "/packages/1/optionGroups/0/min",
    defect: (d) => {
      delete support(d).max;
      support(d).min = 3;
    },
    fix: (d) => {
      support(d).min = 1;
    },
  },
  "group.max-above-options": {
    code: "group.max-above-options",
    severity: "warning",
    pointer: "/packages/1/optionGroups/0/max",
    defect: (d) => {
      support(d).max = 3;
    },
    fix: (d) => {
      support(d).options.push({ id: "support-gold", name: "Gold" });
    },
  },
  "group.too-many-defaults": {
    code: "group.too-many-defaults",
    severity: "error",
    pointer: "/packages/1/optionGroups/0/options",
    defect: (d) => {
      (support(d).options[1] as { default?: boolean }).default = true;
    },
    fix: (d) => {
      delete support(d).options[0].default;
    },
  },
  "group.parent-in-group": {
    code: "group.parent-in-group",
    severity: "error",
    pointer: "/packages/1/optionGroups/0/parentOption",
    defect: (d) => {
      support(d).parentOption = "support-premium";
    },
    fix: (d) => {
      delete support(d).parentOption;
    },
  },
  "group.nesting-cycle": {
    code: "group.nesting-cycle",
    severity: "error",
    pointer: "/packages/1/optionGroups/0/parentOption",
    defect: (d) => {
      pro(d).optionGroups?.push({
        id: "extras",
        name: "Extras",
        parentOption: "support-premium",
        options: [{ id: "extra-hours", name: "Extra hours" }],
      });
      support(d).parentOption = "extra-hours";
    },
    fix: (d) => {
      delete support(d).parentOption;
    },
  },
  "option.retired-default": {
    code: "option.retired-default",
    severity: "warning",
    pointer: "/packages/1/optionGroups/0/options/0/default",
    defect: (d) => {
      support(d).options[0].status = "retired";
    },
    fix: (d) => {
      support(d).options[0].status = "active";
    },
  },
  "term.unbillable": {
    code: "term.unbillable",
    severity: "error",
    pointer: "/packages/0/terms/2",
    defect: (d) => {
      basic(d).terms.push({ months: 18 });
      basic(d).billingPeriods = ["year"];
    },
    fix: (d) => {
      basic(d).terms = [{ months: 12, default: true }, { months: 24 }];
      for (const c of basic(d).charges)
        c.pricePoints = c.pricePoints.filter((p) => p.billingPeriod !== "month") as typeof c.pricePoints;
    },
  },
  "term.period-unused": {
    code: "term.period-unused",
    severity: "warning",
    pointer: "/packages/0/billingPeriods/1",
    defect: (d) => {
      basic(d).terms = [{ months: 1, default: true }];
    },
    fix: (d) => {
      basic(d).terms = [{ months: 1, default: true }, { months: 12 }];
    },
  },
  "term.duplicate": {
    code: "term.duplicate",
    severity: "error",
    pointer: "/packages/0/terms/2",
    defect: (d) => {
      basic(d).terms.push({ months: 12 });
    },
    fix: (d) => {
      (basic(d).terms[2] as { months: number }).months = 24;
    },
  },
  "term.multiple-defaults": {
    code: "term.multiple-defaults",
    severity: "error",
    pointer: "/packages/0/terms/1/default",
    defect: (d) => {
      (basic(d).terms[1] as { default?: boolean }).default = true;
    },
    fix: (d) => {
      delete basic(d).terms[0].default;
    },
  },
  "phase.trial-without-days": {
    code: "phase.trial-without-days",
    severity: "error",
    pointer: "/packages/0/phases/0",
    defect: (d) => {
      basic(d).phases = [{ type: "trial" }];
    },
    fix: (d) => {
      basic(d).phases = [{ type: "trial", days: 14 }];
    },
  },
  "phase.intro-incomplete": {
    code: "phase.intro-incomplete",
    severity: "error",
    pointer: "/packages/0/phases/0",
    defect: (d) => {
      basic(d).phases = [{ type: "intro", periods: 3 }];
    },
    fix: (d) => {
      basic(d).phases = [{ type: "intro", periods: 3, discountPercent: "20" }];
    },
  },
  "phase.duplicate": {
    code: "phase.duplicate",
    severity: "error",
    pointer: "/packages/0/phases/1",
    defect: (d) => {
      basic(d).phases = [
        { type: "trial", days: 14 },
        { type: "trial", days: 7 },
      ];
    },
    fix: (d) => {
      basic(d).phases = [
        { type: "trial", days: 14 },
        { type: "intro", periods: 2, discountPercent: "50" },
      ];
    },
  },
  "phase.order": {
    code: "phase.order",
    severity: "warning",
    pointer: "/packages/0/phases/1",
    defect: (d) => {
      basic(d).phases = [
        { type: "intro", periods: 2, discountPercent: "50" },
        { type: "trial", days: 14 },
      ];
    },
    fix: (d) => {
      (basic(d).phases as unknown[]).reverse();
    },
  },
  "policy.threshold-above-max": {
    code: "policy.threshold-above-max",
    severity: "warning",
    pointer: "/quotePolicy/approvalThresholdPercent",
    defect: (d) => {
      d.quotePolicy = { approvalThresholdPercent: "25", maxDiscountPercent: "20" };
    },
    fix: (d) => {
      d.quotePolicy = { approvalThresholdPercent: "15", maxDiscountPercent: "20" };
    },
  },
  "policy.tiers-not-ascending": {
    code: "policy.tiers-not-ascending",
    severity: "error",
    pointer: "/quotePolicy/approvalTiers/1/aboveDiscountPercent",
    defect: (d) => {
      d.quotePolicy = {
        approvalTiers: [
          { aboveDiscountPercent: "25", approvers: 1 },
          { aboveDiscountPercent: "10", approvers: 2 },
        ],
      };
    },
    fix: (d) => {
      d.quotePolicy = {
        approvalTiers: [
          { aboveDiscountPercent: "10", approvers: 1 },
          { aboveDiscountPercent: "25", approvers: 2 },
        ],
      };
    },
  },
  "policy.tier-duplicate": {
    code: "policy.tier-duplicate",
    severity: "error",
    pointer: "/quotePolicy/approvalTiers/1/aboveDiscountPercent",
    defect: (d) => {
      d.quotePolicy = {
        approvalTiers: [
          { aboveDiscountPercent: "10", approvers: 1 },
          { aboveDiscountPercent: "10.0", approvers: 2 },
        ],
      };
    },
    fix: (d) => {
      d.quotePolicy = {
        approvalTiers: [
          { aboveDiscountPercent: "10", approvers: 1 },
          { aboveDiscountPercent: "10.5", approvers: 2 },
        ],
      };
    },
  },
  "policy.tier-approvers-decrease": {
    code: "policy.tier-approvers-decrease",
    severity: "error",
    pointer: "/quotePolicy/approvalTiers/1/approvers",
    defect: (d) => {
      d.quotePolicy = {
        approvalTiers: [
          { aboveDiscountPercent: "10", approvers: 2 },
          { aboveDiscountPercent: "25", approvers: 2 },
        ],
      };
    },
    fix: (d) => {
      d.quotePolicy = {
        approvalTiers: [
          { aboveDiscountPercent: "10", approvers: 2 },
          { aboveDiscountPercent: "25", approvers: 3 },
        ],
      };
    },
  },
  "policy.threshold-tier-mismatch": {
    code: "policy.threshold-tier-mismatch",
    severity: "error",
    pointer: "/quotePolicy/approvalThresholdPercent",
    defect: (d) => {
      d.quotePolicy = {
        approvalThresholdPercent: "15",
        approvalTiers: [{ aboveDiscountPercent: "10", approvers: 1 }],
      };
    },
    fix: (d) => {
      d.quotePolicy = {
        approvalThresholdPercent: "10",
        approvalTiers: [{ aboveDiscountPercent: "10", approvers: 1 }],
      };
    },
  },
  "policy.tier-above-max": {
    code: "policy.tier-above-max",
    severity: "warning",
    pointer: "/quotePolicy/approvalTiers/1/aboveDiscountPercent",
    defect: (d) => {
      d.quotePolicy = {
        maxDiscountPercent: "30",
        approvalTiers: [
          { aboveDiscountPercent: "10", approvers: 1 },
          { aboveDiscountPercent: "30", approvers: 2 },
        ],
      };
    },
    fix: (d) => {
      d.quotePolicy = {
        maxDiscountPercent: "30",
        approvalTiers: [
          { aboveDiscountPercent: "10", approvers: 1 },
          { aboveDiscountPercent: "25", approvers: 2 },
        ],
      };
    },
  },
  "charge.usage-in-advance": {
    code: "charge.usage-in-advance",
    severity: "warning",
    pointer: "/packages/2/charges/2/timing",
    defect: (d) => {
      (ent(d).charges[2] as { timing?: string }).timing = "in_advance";
    },
    fix: (d) => {
      (ent(d).charges[2] as { timing?: string }).timing = "in_arrear";
    },
  },
  "phase.intro-discount-extreme": {
    code: "phase.intro-discount-extreme",
    severity: "warning",
    pointer: "/packages/0/phases/0/discountPercent",
    defect: (d) => {
      basic(d).phases = [{ type: "intro", periods: 3, discountPercent: "100" }];
    },
    fix: (d) => {
      basic(d).phases = [{ type: "intro", periods: 3, discountPercent: "50" }];
    },
  },
  "renewal.cap-without-capped": {
    code: "renewal.cap-without-capped",
    severity: "warning",
    pointer: "/packages/0/renewal/upliftCapPercent",
    defect: (d) => {
      basic(d).renewal = { pricePolicy: "list", upliftCapPercent: "5" };
    },
    fix: (d) => {
      basic(d).renewal = { pricePolicy: "capped", upliftCapPercent: "5" };
    },
  },
  "renewal.capped-without-cap": {
    code: "renewal.capped-without-cap",
    severity: "error",
    pointer: "/packages/0/renewal/pricePolicy",
    defect: (d) => {
      basic(d).renewal = { pricePolicy: "capped" };
    },
    fix: (d) => {
      basic(d).renewal = { pricePolicy: "capped", upliftCapPercent: "7" };
    },
  },
  "addon.no-compatible-base": {
    code: "addon.no-compatible-base",
    severity: "error",
    pointer: "/packages/3",
    defect: (d) => {
      (sso(d).addOn as { minTier?: number }).minTier = 5;
    },
    fix: (d) => {
      (sso(d).addOn as { minTier?: number }).minTier = 2;
    },
  },
  "addon.included-not-addon": {
    code: "addon.included-not-addon",
    severity: "error",
    pointer: "/packages/2/includedAddOns/0/addOn",
    defect: (d) => {
      ent(d).includedAddOns = [{ addOn: "basic" }];
    },
    fix: (d) => {
      ent(d).includedAddOns = [{ addOn: "sso" }];
    },
  },
  "addon.included-incompatible": {
    code: "addon.included-incompatible",
    severity: "error",
    pointer: "/packages/0/includedAddOns/0/addOn",
    defect: (d) => {
      basic(d).includedAddOns = [{ addOn: "sso" }];
    },
    fix: (d) => {
      (sso(d).addOn as { minTier?: number }).minTier = 1;
    },
  },
  "addon.included-quantity": {
    code: "addon.included-quantity",
    severity: "error",
    pointer: "/packages/2/includedAddOns/0/quantity",
    defect: (d) => {
      ent(d).includedAddOns = [{ addOn: "sso", quantity: 3 }];
    },
    fix: (d) => {
      (sso(d).addOn as { maxQuantity?: number }).maxQuantity = 3;
    },
  },
  "addon.included-on-addon": {
    code: "addon.included-on-addon",
    severity: "error",
    pointer: "/packages/3/includedAddOns",
    defect: (d) => {
      sso(d).includedAddOns = [];
    },
    fix: (d) => {
      delete sso(d).includedAddOns;
    },
  },
  "addon.compat-on-base": {
    code: "addon.compat-on-base",
    severity: "warning",
    pointer: "/packages/0/addOn",
    defect: (d) => {
      basic(d).addOn = { maxQuantity: 2 };
    },
    fix: (d) => {
      delete basic(d).addOn;
    },
  },
  "addon.ref-not-addon": {
    code: "addon.ref-not-addon",
    severity: "error",
    pointer: "/packages/3/addOn/requires/0",
    defect: (d) => {
      (sso(d).addOn as { requires?: string[] }).requires = ["basic"];
    },
    fix: (d) => {
      delete sso(d).addOn?.requires;
    },
  },
  "addon.requires-excluded": {
    code: "addon.requires-excluded",
    severity: "error",
    pointer: "/packages/3/addOn/excludes/0",
    defect: (d) => {
      addAudit(d);
      Object.assign(sso(d).addOn as object, { requires: ["audit"], excludes: ["audit"] });
    },
    fix: (d) => {
      delete sso(d).addOn?.excludes;
    },
  },
  "package.retired-without-successor": {
    code: "package.retired-without-successor",
    severity: "warning",
    pointer: "/packages/0",
    defect: (d) => {
      basic(d).status = "retired";
    },
    fix: (d) => {
      basic(d).successor = "pro";
    },
  },
  "successor.not-active": {
    code: "successor.not-active",
    severity: "error",
    pointer: "/packages/1/successor",
    defect: (d) => {
      Object.assign(basic(d), { status: "retired", successor: "enterprise" });
      pro(d).successor = "basic";
    },
    fix: (d) => {
      pro(d).successor = "enterprise";
    },
  },
  "successor.role-mismatch": {
    code: "successor.role-mismatch",
    severity: "error",
    pointer: "/packages/0/successor",
    defect: (d) => {
      Object.assign(basic(d), { status: "retired", successor: "sso" });
    },
    fix: (d) => {
      basic(d).successor = "pro";
    },
  },
  "successor.cycle": {
    code: "successor.cycle",
    severity: "error",
    pointer: "/packages/0/successor",
    defect: (d) => {
      Object.assign(basic(d), { status: "retired", successor: "basic" });
    },
    fix: (d) => {
      basic(d).successor = "pro";
    },
  },
  "dates.out-of-order": {
    code: "dates.out-of-order",
    severity: "error",
    pointer: "/packages/0/effectiveTo",
    defect: (d) => {
      Object.assign(basic(d), { effectiveFrom: "2026-06-01", effectiveTo: "2026-03-01" });
    },
    fix: (d) => {
      basic(d).effectiveTo = "2026-12-31";
    },
  },
  "package.expired": {
    code: "package.expired",
    severity: "warning",
    pointer: "/packages/0/effectiveTo",
    defect: (d) => {
      basic(d).effectiveTo = "2025-12-31";
    },
    fix: (d) => {
      basic(d).effectiveTo = "2026-12-31";
    },
  },
  "service.not-active": {
    code: "service.not-active",
    severity: "warning",
    pointer: "/packages/0/components/0/service",
    defect: (d) => {
      (d.services[0] as { status: string }).status = "retired";
    },
    fix: (d) => {
      (d.services[0] as { status: string }).status = "active";
    },
  },
  "termination.fee-incomplete": {
    code: "termination.fee-incomplete",
    severity: "error",
    pointer: "/packages/2/termination/earlyTerminationFee",
    defect: (d) => {
      fee(d).earlyTerminationFee = { kind: "flat" };
    },
    fix: (d) => {
      fee(d).earlyTerminationFee = {
        kind: "flat",
        amounts: [
          { currency: "USD", amount: "100" },
          { currency: "EUR", amount: "90" },
        ],
      };
    },
  },
  "termination.fee-ignored-field": {
    code: "termination.fee-ignored-field",
    severity: "warning",
    pointer: "/packages/2/termination/earlyTerminationFee/amounts",
    defect: (d) => {
      fee(d).earlyTerminationFee = {
        kind: "remaining_percent",
        percent: "50",
        amounts: [{ currency: "USD", amount: "100" }],
      };
    },
    fix: (d) => {
      delete fee(d).earlyTerminationFee?.amounts;
    },
  },
  "termination.fee-missing-currency": {
    code: "termination.fee-missing-currency",
    severity: "error",
    pointer: "/packages/2/termination/earlyTerminationFee/amounts",
    defect: (d) => {
      fee(d).earlyTerminationFee = { kind: "flat", amounts: [{ currency: "USD", amount: "100" }] };
    },
    fix: (d) => {
      fee(d).earlyTerminationFee?.amounts?.push({ currency: "EUR", amount: "90" });
    },
  },
  "retention.incomplete": {
    code: "retention.incomplete",
    severity: "error",
    pointer: "/packages/2/termination/retentionOffers/0",
    defect: (d) => {
      delete fee(d).retentionOffers?.[0]?.periods;
    },
    fix: (d) => {
      (fee(d).retentionOffers?.[0] as { periods?: number }).periods = 2;
    },
  },
  "addon.requires-itself": {
    code: "addon.requires-itself",
    severity: "error",
    pointer: "/packages/3/addOn/requires/0",
    defect: (d) => {
      sso(d).addOn = { ...sso(d).addOn, requires: ["sso"] };
    },
    fix: (d) => {
      delete sso(d).addOn?.requires;
    },
  },
  "retention.duration-twice": {
    code: "retention.duration-twice",
    severity: "error",
    pointer: "/packages/2/termination/retentionOffers/0/months",
    defect: (d) => {
      fee(d).retentionOffers![0]!.months = 3;
    },
    fix: (d) => {
      delete fee(d).retentionOffers![0]!.months;
    },
  },
  "retention.illegal-move": {
    code: "retention.illegal-move",
    severity: "error",
    pointer: "/packages/2/termination/retentionOffers/1/to",
    defect: (d) => {
      rules(d).unshift({ id: "no-downgrades", kinds: ["downgrade"], outcome: { timing: "illegal" } });
    },
    fix: (d) => {
      rules(d)[0] = {
        id: "no-downgrades",
        kinds: ["downgrade"],
        from: { packages: ["pro"] },
        outcome: { timing: "illegal" },
      };
    },
  },
  "portfolio.empty": {
    code: "portfolio.empty",
    severity: "warning",
    pointer: "/portfolios/1",
    defect: (d) => {
      d.portfolios.push({ id: "labs", name: "Labs" });
    },
    fix: (d) => {
      d.portfolios.pop();
    },
  },
  "portfolio.order-foreign-package": {
    code: "portfolio.order-foreign-package",
    severity: "warning",
    pointer: "/portfolios/0/packageOrder/1",
    defect: (d) => {
      d.portfolios.push({ id: "labs", name: "Labs" });
      (d.portfolios[0] as { packageOrder?: string[] }).packageOrder = ["enterprise", "labs-beta", "pro"];
      d.packages.push({
        ...structuredClone(sso(d)),
        id: "labs-beta",
        portfolio: "labs",
        billingPeriods: ["month"],
        components: [],
        charges: [],
      });
      delete pkg(d, "labs-beta").addOn;
      pkg(d, "labs-beta").role = "base";
    },
    fix: (d) => {
      (d.portfolios[0] as { packageOrder?: string[] }).packageOrder = ["enterprise", "pro"];
    },
  },
  "paths.no-default": {
    code: "paths.no-default",
    severity: "warning",
    pointer: "/pathRules",
    defect: (d) => {
      rules(d).pop();
    },
    fix: (d) => {
      rules(d).push({ id: "otherwise", outcome: { timing: "next_billing_date" } });
    },
  },
  "paths.case-matches-nothing": {
    code: "paths.case-matches-nothing",
    severity: "warning",
    pointer: "/pathRules/0/from",
    defect: (d) => {
      (rules(d)[0] as PathRuleCase).from = { minTier: 10 };
    },
    fix: (d) => {
      (rules(d)[0] as PathRuleCase).from = { minTier: 1 };
    },
  },
  "paths.case-duplicate": {
    code: "paths.case-duplicate",
    severity: "error",
    pointer: "/pathRules/1",
    defect: (d) => {
      rules(d).splice(1, 0, { id: "upgrades-again", kinds: ["upgrade"], outcome: { timing: "end_of_term" } });
    },
    fix: (d) => {
      (rules(d)[0] as PathRuleCase).billingPeriods = ["month"];
      (rules(d)[1] as PathRuleCase).billingPeriods = ["year"];
    },
  },
  "paths.case-shadowed": {
    code: "paths.case-shadowed",
    severity: "warning",
    pointer: "/pathRules/2",
    defect: (d) => {
      rules(d).splice(2, 0, {
        id: "enterprise-down-now",
        kinds: ["downgrade"],
        from: { packages: ["enterprise"] },
        outcome: { timing: "immediate" },
      });
    },
    fix: (d) => {
      rules(d).unshift(rules(d).splice(2, 1)[0] as PathRuleCase);
    },
  },
  "paths.case-direction": {
    code: "paths.case-direction",
    severity: "error",
    pointer: "/pathRules/0/kinds",
    defect: (d) => {
      rules(d).unshift({
        id: "pro-to-basic",
        kinds: ["upgrade"],
        from: { packages: ["pro"] },
        to: { packages: ["basic"] },
        outcome: { timing: "immediate" },
      });
    },
    fix: (d) => {
      (rules(d)[0] as PathRuleCase).kinds = ["downgrade"];
    },
  },
  "paths.upgrade-cycle": {
    code: "paths.upgrade-cycle",
    severity: "error",
    pointer: "/pathRules/0",
    defect: (d) => {
      rules(d).unshift(
        {
          id: "basic-to-pro",
          kinds: ["upgrade"],
          from: { packages: ["basic"] },
          to: { packages: ["pro"] },
          outcome: { timing: "immediate" },
        },
        {
          id: "pro-to-basic",
          kinds: ["upgrade"],
          from: { packages: ["pro"] },
          to: { packages: ["basic"] },
          outcome: { timing: "immediate" },
        },
      );
    },
    fix: (d) => {
      (rules(d)[1] as PathRuleCase).kinds = ["downgrade"];
    },
  },
  "package.unreachable": {
    code: "package.unreachable",
    severity: "warning",
    pointer: "/packages/0",
    defect: (d) => {
      basic(d).status = "draft";
    },
    fix: (d) => {
      rules(d).unshift({
        id: "pilot-into-basic",
        kinds: ["crossgrade", "downgrade"],
        from: { packages: ["pro"] },
        to: { packages: ["basic"] },
        outcome: { timing: "end_of_term" },
      });
    },
  },
  "ref.unknown-price-book (path rule condition)": {
    code: "ref.unknown-price-book",
    severity: "error",
    pointer: "/pathRules/0/priceBooks/0",
    defect: (d) => {
      rules(d).unshift({
        id: "promo-renews-at-list",
        kinds: ["renew"],
        priceBooks: ["promo"],
        outcome: { timing: "end_of_term", priceBook: "list" },
      });
    },
    fix: (d) => {
      d.priceBooks?.push({ id: "promo", name: "Launch promotion", fallback: "list" });
    },
  },
  "ref.unknown-price-book (path rule outcome)": {
    code: "ref.unknown-price-book",
    severity: "error",
    pointer: "/pathRules/0/outcome/priceBook",
    defect: (d) => {
      rules(d).unshift({
        id: "renew-at-list",
        kinds: ["renew"],
        outcome: { timing: "end_of_term", priceBook: "lst" },
      });
    },
    fix: (d) => {
      (rules(d)[0] as PathRuleCase).outcome.priceBook = "list";
    },
  },
  "paths.price-book-ignored": {
    code: "paths.price-book-ignored",
    severity: "warning",
    pointer: "/pathRules/0/outcome/priceBook",
    defect: (d) => {
      rules(d).unshift({
        id: "cancel-to-list",
        kinds: ["terminate"],
        outcome: { timing: "end_of_term", priceBook: "list" },
      });
    },
    fix: (d) => {
      delete (rules(d)[0] as PathRuleCase).outcome.priceBook;
    },
  },
  "paths.case-role-mismatch (add-on policy naming a base)": {
    code: "paths.case-role-mismatch",
    severity: "error",
    pointer: "/pathRules/0/from",
    defect: (d) => {
      rules(d).unshift({
        id: "sso-cancels-now",
        kinds: ["remove_add_on"],
        from: { packages: ["pro"] },
        outcome: { timing: "immediate", proration: "prorate" },
      });
    },
    fix: (d) => {
      (rules(d)[0] as PathRuleCase).from = { packages: ["sso"] };
    },
  },
  "paths.case-role-mismatch (base move naming an add-on)": {
    code: "paths.case-role-mismatch",
    severity: "error",
    pointer: "/pathRules/0/from",
    defect: (d) => {
      rules(d).unshift({
        id: "sso-ends-at-term",
        kinds: ["terminate"],
        from: { packages: ["sso"] },
        outcome: { timing: "end_of_term" },
      });
    },
    fix: (d) => {
      (rules(d)[0] as PathRuleCase).kinds = ["remove_add_on"];
    },
  },
  "paths.proration-style-ignored": {
    code: "paths.proration-style-ignored",
    severity: "warning",
    pointer: "/pathRules/1/outcome/prorationStyle",
    defect: (d) => {
      (rules(d)[1] as PathRuleCase).outcome.prorationStyle = "flexible";
    },
    fix: (d) => {
      delete (rules(d)[1] as PathRuleCase).outcome.prorationStyle;
      (rules(d)[0] as PathRuleCase).outcome.prorationStyle = "flexible";
    },
  },
  "paths.case-to-ignored": {
    code: "paths.case-to-ignored",
    severity: "error",
    pointer: "/pathRules/0/to",
    defect: (d) => {
      rules(d).unshift({
        id: "sso-cancel",
        kinds: ["remove_add_on"],
        from: { packages: ["sso"] },
        to: { packages: ["sso"] },
        outcome: { timing: "next_billing_date" },
      });
    },
    fix: (d) => {
      delete (rules(d)[0] as PathRuleCase).to;
    },
  },
  "paths.dead-end-ladder": {
    code: "paths.dead-end-ladder",
    severity: "warning",
    pointer: "/portfolios/1",
    defect: (d) => {
      d.portfolios.push({ id: "legacy", name: "Legacy plans" });
      d.packages.push({ ...structuredClone(basic(d)), id: "old", portfolio: "legacy", status: "retired" });
      const old = pkg(d, "old");
      old.components = [];
      old.charges = [];
    },
    fix: (d) => {
      pkg(d, "old").successor = "basic";
    },
  },
};

describe("semantic checks", () => {
  it("cover at least 25 codes, each declared by a check in the table", () => {
    const declared = new Set(checks.flatMap((c) => c.codes));
    const codes = new Set(Object.values(rows).map((r) => r.code));
    for (const code of codes) expect(declared).toContain(code);
    expect(codes.size).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(rows))("%s", (_name, row) => {
    const doc = validCatalog();
    row.defect(doc);
    const bad = validate(doc);
    expect(
      bad.diagnostics.map((d) => ({ code: d.code, severity: d.severity, pointer: d.pointer })),
    ).toContainEqual({
      code: row.code,
      severity: row.severity,
      pointer: row.pointer,
    });
    expect(bad.valid).toBe(!bad.diagnostics.some((d) => d.severity === "error"));
    for (const d of bad.diagnostics) {
      expect(resolvePointer(doc, d.pointer).found).toBe(true);
      expect(d.message.length).toBeGreaterThan(20);
    }
    row.fix(doc);
    const good = validate(doc);
    expect(good.diagnostics).toEqual([]);
    expect(good.valid).toBe(true);
  });
});
