/**
 * Every way phases, week-based terms and alignment rules can be wrong gets a located, readable
 * diagnostic: one row per defect planted in the reference catalog (code, pointer, severity, the
 * sentence), and the corrected catalog passes clean. Kill Bill's catalog validation is the model:
 * it refuses a plan whose evergreen phase is not last, a phase without a duration, and rules that
 * name unknown products.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#components-catalog
 */
import type { Catalog, Package } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { resolvePointer, type Severity } from "../../diagnostic.ts";
import { checks } from "../checks/index.ts";
import { validate } from "../index.ts";
import { pkg, validCatalog } from "./fixture.ts";

interface Row {
  code: string;
  severity: Severity;
  pointer: string;
  /** A phrase the message must contain. */
  says: string;
  defect(doc: Catalog): void;
  fix(doc: Catalog): void;
}

const basic = (d: Catalog) => pkg(d, "basic");
const phases = (d: Catalog, list: NonNullable<Package["phases"]>) => {
  basic(d).phases = list;
};

const rows: Record<string, Row> = {
  "a phase after an evergreen phase": {
    code: "phase.after-evergreen",
    severity: "error",
    pointer: "/packages/0/phases/1",
    says: "comes after the evergreen phase 1, which lasts until the subscription is cancelled, so it never starts",
    defect: (d) =>
      phases(d, [{ type: "evergreen" }, { type: "discount", periods: 2, discountPercent: "10" }]),
    fix: (d) => phases(d, [{ type: "discount", periods: 2, discountPercent: "10" }, { type: "evergreen" }]),
  },
  "an evergreen phase with a length": {
    code: "phase.evergreen-length",
    severity: "error",
    pointer: "/packages/0/phases/0",
    says: "is evergreen, which lasts until the subscription is cancelled, but gives a length (`duration`)",
    defect: (d) => phases(d, [{ type: "evergreen", duration: { length: 3, unit: "month" } }]),
    fix: (d) => phases(d, [{ type: "evergreen" }]),
  },
  "a discount phase without a length": {
    code: "phase.without-length",
    severity: "error",
    pointer: "/packages/0/phases/0",
    says: "is a discount phase without a length",
    defect: (d) => phases(d, [{ type: "discount", discountPercent: "10" }]),
    fix: (d) =>
      phases(d, [{ type: "discount", discountPercent: "10", duration: { length: 12, unit: "month" } }]),
  },
  "a fixed-term phase without a length": {
    code: "phase.without-length",
    severity: "error",
    pointer: "/packages/0/phases/0",
    says: "is a fixed-term phase without a length",
    defect: (d) => phases(d, [{ type: "fixed_term" }]),
    fix: (d) => phases(d, [{ type: "fixed_term", duration: { length: 12, unit: "month" } }]),
  },
  "a length given twice": {
    code: "phase.length-twice",
    severity: "error",
    pointer: "/packages/0/phases/0",
    says: "gives its length twice (`duration` and `days`)",
    defect: (d) => phases(d, [{ type: "trial", days: 14, duration: { length: 2, unit: "week" } }]),
    fix: (d) => phases(d, [{ type: "trial", duration: { length: 2, unit: "week" } }]),
  },
  "a discount phase that takes nothing off": {
    code: "phase.discount-incomplete",
    severity: "error",
    pointer: "/packages/0/phases/0",
    says: "is a discount phase that says nothing off",
    defect: (d) => phases(d, [{ type: "discount", periods: 3 }]),
    fix: (d) => phases(d, [{ type: "discount", periods: 3, discountPercent: "15" }]),
  },
  "a percent and an amount off": {
    code: "phase.discount-twice",
    severity: "error",
    pointer: "/packages/0/phases/0",
    says: "gives both `discountPercent` and `discountAmounts`",
    defect: (d) =>
      phases(d, [
        {
          type: "discount",
          periods: 3,
          discountPercent: "15",
          discountAmounts: [
            { currency: "USD", amount: "5" },
            { currency: "EUR", amount: "5" },
          ],
        },
      ]),
    fix: (d) =>
      phases(d, [
        {
          type: "discount",
          periods: 3,
          discountAmounts: [
            { currency: "USD", amount: "5" },
            { currency: "EUR", amount: "5" },
          ],
        },
      ]),
  },
  "a fixed amount missing a currency": {
    code: "phase.amount-currency",
    severity: "error",
    pointer: "/packages/0/phases/0/discountAmounts",
    says: "have no amount in EUR, so the phase cannot be priced in it",
    defect: (d) =>
      phases(d, [{ type: "discount", periods: 3, discountAmounts: [{ currency: "USD", amount: "5" }] }]),
    fix: (d) =>
      phases(d, [
        {
          type: "discount",
          periods: 3,
          discountAmounts: [
            { currency: "USD", amount: "5" },
            { currency: "EUR", amount: "4.50" },
          ],
        },
      ]),
  },
  "a priced trial": {
    code: "phase.trial-priced",
    severity: "warning",
    pointer: "/packages/0/phases/0/discountPercent",
    says: "has no effect: a trial is always free",
    defect: (d) => phases(d, [{ type: "trial", days: 30, discountPercent: "50" }]),
    fix: (d) => phases(d, [{ type: "trial", days: 30 }]),
  },
  "a phase that is not whole billing periods": {
    code: "phase.not-whole-periods",
    severity: "warning",
    pointer: "/packages/0/phases/0/duration",
    says: "is 10 days, not a whole number of monthly billing periods: its price applies to each monthly invoice dated within it",
    defect: (d) =>
      phases(d, [{ type: "discount", duration: { length: 10, unit: "day" }, discountPercent: "10" }]),
    fix: (d) =>
      phases(d, [{ type: "discount", duration: { length: 1, unit: "year" }, discountPercent: "10" }]),
  },
  "a term with no length": {
    code: "term.length-missing",
    severity: "error",
    pointer: "/packages/0/terms/1",
    says: "gives no length",
    defect: (d) => {
      basic(d).terms[1] = { discountPercent: "10" };
    },
    fix: (d) => {
      basic(d).terms[1] = { months: 12, discountPercent: "10" };
    },
  },
  "a term in months and weeks": {
    code: "term.length-twice",
    severity: "error",
    pointer: "/packages/0/terms/1",
    says: "gives both 12 months and 52 weeks; keep one of the two",
    defect: (d) => {
      basic(d).terms[1] = { months: 12, weeks: 52, discountPercent: "10" };
    },
    fix: (d) => {
      basic(d).terms[1] = { months: 12, discountPercent: "10" };
    },
  },
  "a 6-week term on monthly billing": {
    code: "term.unbillable",
    severity: "error",
    pointer: "/packages/0/terms/2",
    says: "the 6-week term is not a whole number of monthly or yearly billing periods",
    defect: (d) => {
      basic(d).terms.push({ weeks: 6 });
    },
    fix: (d) => {
      basic(d).terms.pop();
    },
  },
  "an alignment case naming an unknown package": {
    code: "alignment.unknown-package",
    severity: "error",
    pointer: "/alignments/billing/0/when/packages/0",
    says: "names package `gold`, which is not in the catalog",
    defect: (d) => {
      d.alignments = {
        billing: [{ when: { packages: ["gold"] }, alignment: "subscription" }, { alignment: "account" }],
      };
    },
    fix: (d) => {
      d.alignments = {
        billing: [{ when: { packages: ["pro"] }, alignment: "subscription" }, { alignment: "account" }],
      };
    },
  },
  "an alignment case after the default": {
    code: "alignment.unreachable",
    severity: "error",
    pointer: "/alignments/change/1",
    says: "comes after the default case 1 (the one without `when`), which matches everything, so it is never used",
    defect: (d) => {
      d.alignments = {
        change: [{ alignment: "change_date" }, { when: { roles: ["base"] }, alignment: "start_of_bundle" }],
      };
    },
    fix: (d) => {
      d.alignments = {
        change: [{ when: { roles: ["base"] }, alignment: "start_of_bundle" }, { alignment: "change_date" }],
      };
    },
  },
  "a duplicate alignment case": {
    code: "alignment.unreachable",
    severity: "error",
    pointer: "/alignments/create/1",
    says: "matches the same subscriptions as case 1, which comes first",
    defect: (d) => {
      d.alignments = {
        create: [
          { when: { packages: ["sso"] }, alignment: "start_of_subscription" },
          { when: { packages: ["sso"] }, alignment: "start_of_bundle" },
          { alignment: "start_of_bundle" },
        ],
      };
    },
    fix: (d) => {
      d.alignments = {
        create: [
          { when: { packages: ["sso"] }, alignment: "start_of_subscription" },
          { alignment: "start_of_bundle" },
        ],
      };
    },
  },
  "alignment cases without a default": {
    code: "alignment.no-default",
    severity: "warning",
    pointer: "/alignments/billing",
    says: "use the built-in billing alignment `account`",
    defect: (d) => {
      d.alignments = { billing: [{ when: { roles: ["add_on"] }, alignment: "bundle" }] };
    },
    fix: (d) => {
      d.alignments = {
        billing: [{ when: { roles: ["add_on"] }, alignment: "bundle" }, { alignment: "account" }],
      };
    },
  },
  "a create alignment for base packages only": {
    code: "alignment.create-base-only",
    severity: "warning",
    pointer: "/alignments/create/0/when/roles",
    says: "matches base packages only, but create alignment decides when an add-on's phases start",
    defect: (d) => {
      d.alignments = {
        create: [
          { when: { roles: ["base"] }, alignment: "start_of_subscription" },
          { alignment: "start_of_bundle" },
        ],
      };
    },
    fix: (d) => {
      d.alignments = { create: [{ alignment: "start_of_bundle" }] };
    },
  },
};

describe("phase, term and alignment diagnostics", () => {
  it("each code is declared by a check in the table", () => {
    const declared = new Set(checks.flatMap((c) => c.codes));
    for (const row of Object.values(rows)) expect(declared).toContain(row.code);
  });

  it.each(Object.entries(rows))("%s", (_name, row) => {
    const doc = validCatalog();
    row.defect(doc);
    const bad = validate(doc);
    const found = bad.diagnostics.find((d) => d.code === row.code && d.pointer === row.pointer);
    expect(found, JSON.stringify(bad.diagnostics, null, 2)).toMatchObject({ severity: row.severity });
    expect(found?.message).toContain(row.says);
    for (const d of bad.diagnostics) expect(resolvePointer(doc, d.pointer).found).toBe(true);
    row.fix(doc);
    const good = validate(doc);
    expect(good.diagnostics).toEqual([]);
    expect(good.valid).toBe(true);
  });

  it("an unknown alignment is refused by the schema with the allowed values", () => {
    const doc = validCatalog() as unknown as Record<string, unknown>;
    doc.alignments = { billing: [{ alignment: "anniversary" }] };
    const r = validate(doc);
    expect(r.valid).toBe(false);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "schema.enum",
        pointer: "/alignments/billing/0/alignment",
        message: expect.stringContaining("must be one of `account`, `bundle`, `subscription`"),
      }),
    );
  });

  it("a duration of 0 is refused by the schema at the duration's length", () => {
    const doc = validCatalog();
    basic(doc).phases = [{ type: "trial", duration: { length: 0, unit: "day" } }];
    const r = validate(doc);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "schema.minimum",
        pointer: "/packages/0/phases/0/duration/length",
        message: expect.stringContaining("must be at least 1"),
      }),
    );
  });

  it("an unknown billing period is refused with the allowed ones, weekly and half-yearly included", () => {
    const doc = validCatalog() as unknown as { packages: { billingPeriods: string[] }[] };
    doc.packages[0]!.billingPeriods = ["fortnight"];
    const r = validate(doc);
    expect(r.diagnostics[0]?.message).toContain(
      "must be one of `week`, `two_weeks`, `month`, `quarter`, `half_year`, `year`, `upfront`",
    );
  });
});
