/**
 * Worked examples, one per construct: option groups (radio, checklist, nested), retired options,
 * every rule form, add-on compatibility, conflicting picks, defaults, quantities and the
 * selection's commercial terms.
 */
import type {
  Catalog,
  Charge,
  Condition,
  Consequence,
  OptionGroup,
  Package,
  PricePoint,
  Rule,
} from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { compile } from "../../compile.ts";
import { configure } from "../configure.ts";
import type { Configuration } from "../types.ts";

const rule = (id: string, when: Condition | undefined, consequence: Consequence): Rule => ({
  id,
  ...(when ? { when } : {}),
  // biome-ignore lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
  then: consequence,
});

const group = (id: string, options: string[], extra: Partial<OptionGroup> = {}): OptionGroup => ({
  id,
  name: id,
  options: options.map((o) => ({
    id: o,
    name: o.charAt(0).toUpperCase() + o.slice(1),
  })) as OptionGroup["options"],
  ...extra,
});

function pkg(id: string, extra: Partial<Package> = {}): Package {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    portfolio: "team",
    role: "base",
    tier: 2,
    status: "active",
    terms: [{ months: 1 }, { months: 12, default: true }],
    billingPeriods: ["month", "year"],
    charges: [],
    ...extra,
  };
}

function catalogOf(...packages: Package[]): Catalog {
  return {
    id: "c",
    name: "C",
    currencies: ["USD", "EUR"],
    services: [
      { id: "seat", name: "Seat", unit: "seat", kind: "recurring", status: "active" },
      { id: "gb", name: "Storage", unit: "GB", kind: "recurring", status: "active" },
    ],
    portfolios: [{ id: "team", name: "Team" }],
    packages,
  };
}

const state = (c: Configuration, id: string) =>
  [...c.options, ...c.addOns].find((o) => o.id === id) ?? { state: "missing", reason: undefined };

describe("option groups", () => {
  const doc = catalogOf(
    pkg("starter", {
      optionGroups: [
        group("support", ["standard", "premium", "premier"], { min: 1, max: 1 }),
        group("extras", ["sandbox", "archive", "backup"], { min: 0, max: 2 }),
        group("region", ["eu", "us"], { min: 1, max: 1, parentOption: "archive" }),
      ],
    }),
  );
  const catalog = compile(doc);

  it("a radio pick leaves the other choices switchable: picking one replaces it, with no reason", () => {
    const c = configure(catalog, { package: "starter", picks: ["premium"] });
    expect(state(c, "premium").state).toBe("selected");
    const standard = state(c, "standard");
    expect(standard).toMatchObject({ state: "switch", replaces: ["premium"] });
    expect(standard.reason).toBeUndefined();
    expect(c.valid).toBe(true);
    expect(c.complete).toBe(true);
  });

  it("switching away from an option replaces the picks nested under it too", () => {
    const nestedDoc = catalogOf(
      pkg("starter", {
        optionGroups: [
          group("storage", ["archive", "backup"], { min: 1, max: 1 }),
          group("region", ["eu", "us"], { min: 1, max: 1, parentOption: "archive" }),
        ],
      }),
    );
    const c = configure(compile(nestedDoc), { package: "starter", picks: ["archive", "eu"] });
    expect(state(c, "backup")).toMatchObject({ state: "switch", replaces: ["archive", "eu"] });
    // Inside the nested group, switching the region replaces only the region.
    expect(state(c, "us")).toMatchObject({ state: "switch", replaces: ["eu"] });
  });

  it("a default is a suggestion: the other option of its group is a switch, never 'excluded by your pick'", () => {
    const withDefault = catalogOf(
      pkg("team", {
        optionGroups: [
          {
            id: "support",
            name: "Support",
            min: 1,
            max: 1,
            options: [
              { id: "standard", name: "Standard", default: true },
              { id: "premium", name: "Premium support" },
            ],
          },
          group("extras", ["sandbox"], { min: 0 }),
        ],
        rules: [rule("sandbox-needs-premium", { allOf: ["sandbox"] }, { requireAll: ["premium"] })],
      }),
    );
    const c = configure(compile(withDefault), { package: "team" });
    expect(c.defaultsApplied.picks).toEqual(["standard"]);
    expect(state(c, "premium")).toMatchObject({ state: "switch", replaces: ["standard"] });
    // A rule excluding something because of a default names it as the default, not as a pick.
    expect(state(c, "sandbox")).toMatchObject({
      state: "disabled",
      reason: { picks: ["standard"], message: expect.stringContaining("with the default `Standard`") },
    });
  });

  it("in a wide group of interchangeable options, picking the first leaves every other one a switch", () => {
    // 40 plain options (wider than symmetry.ts's option-by-option threshold): one class.
    const ids = Array.from({ length: 40 }, (_, i) => `plan${i}`);
    const wide = compile(catalogOf(pkg("wide", { optionGroups: [group("plans", ids, { min: 1, max: 1 })] })));
    for (const first of ["plan0", "plan17"]) {
      const c = configure(wide, { package: "wide", picks: [first] });
      expect(c.complete).toBe(true);
      for (const id of ids) {
        if (id === first) expect(state(c, id).state).toBe("selected");
        else expect(state(c, id)).toMatchObject({ state: "switch", replaces: [first] });
      }
    }
  });

  it("twins a rule excludes with another pick are all disabled by that rule, whichever twin is picked", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `plan${i}`);
    const doc = catalogOf(
      pkg("wide", {
        optionGroups: [
          group("plans", [...ids, "solo"], { min: 1, max: 1 }),
          group("extras", ["sandbox"], { min: 0 }),
        ],
        // Every plan but `solo` goes without the sandbox: the plans stay one class of twins (the
        // rule mentions `solo` and `sandbox` only).
        rules: [rule("sandbox-only-solo", { allOf: ["sandbox"] }, { requireAll: ["solo"] })],
      }),
    );
    const c = configure(compile(doc), { package: "wide", picks: ["sandbox", "solo"] });
    for (const id of ids) {
      expect(state(c, id)).toMatchObject({
        state: "disabled",
        // The sandbox needs `solo`, which the group's single pick leaves no room beside.
        reason: { picks: ["sandbox"], rules: ["plans", "sandbox-only-solo"] },
      });
    }
    const d = configure(compile(doc), { package: "wide", picks: ["plan0"] });
    expect(state(d, "solo")).toMatchObject({ state: "switch", replaces: ["plan0"] });
    for (const id of ids.slice(1))
      expect(state(d, id)).toMatchObject({ state: "switch", replaces: ["plan0"] });
  });

  it("an option a rule excludes stays disabled, with the rule as the reason and not the group", () => {
    const ruled = catalogOf(
      pkg("starter", {
        optionGroups: [
          group("support", ["standard", "premium", "premier"], { min: 1, max: 1 }),
          group("extras", ["sandbox"], { min: 0 }),
        ],
        rules: [rule("no-premier-sandbox", { allOf: ["sandbox"] }, { requireNone: ["premier"] })],
      }),
    );
    const c = configure(compile(ruled), { package: "starter", picks: ["sandbox", "standard"] });
    expect(state(c, "premium")).toMatchObject({ state: "switch", replaces: ["standard"] });
    const premier = state(c, "premier");
    expect(premier).toMatchObject({
      state: "disabled",
      reason: {
        rules: ["no-premier-sandbox"],
        picks: ["sandbox"],
        message:
          "Disabled: rule `When Sandbox is picked, rule out Premier` excludes it with your pick `Sandbox`.",
      },
    });
    expect(premier).not.toHaveProperty("replaces");
  });

  it("a checklist's max disables the rest once reached, and a min leaves the selection incomplete", () => {
    const c = configure(catalog, { package: "starter", picks: ["sandbox", "backup"] });
    expect(state(c, "archive")).toMatchObject({
      state: "disabled",
      reason: { picks: ["sandbox", "backup"] },
    });
    expect(c.complete).toBe(false); // the support choice is still open
    expect(state(c, "premier").state).toBe("available");
  });

  it("a nested group applies only under its parent: picking a child requires the parent", () => {
    const open = configure(catalog, { package: "starter", picks: ["standard"] });
    expect(state(open, "eu").state).toBe("available");
    const child = configure(catalog, { package: "starter", picks: ["standard", "eu"] });
    expect(state(child, "archive")).toMatchObject({
      state: "required",
      reason: { rules: ["region"], picks: ["eu"] },
    });
    const parent = configure(catalog, { package: "starter", picks: ["standard", "archive"] });
    expect(parent.complete).toBe(false); // the region group now needs a pick
    const blocked = configure(catalog, { package: "starter", picks: ["standard", "sandbox", "backup"] });
    expect(state(blocked, "eu")).toMatchObject({
      state: "disabled",
      reason: { picks: ["sandbox", "backup"] },
    });
  });

  it("a retired option is disabled with no pick to blame", () => {
    const retired = structuredClone(doc);
    retired.packages[0]!.optionGroups![1]!.options[0]!.status = "retired";
    const c = configure(compile(retired), { package: "starter", picks: [] });
    expect(state(c, "sandbox")).toMatchObject({
      state: "disabled",
      reason: { rules: [], picks: [], message: "Disabled: `Sandbox` is retired." },
    });
  });
});

describe("rules", () => {
  const doc = catalogOf(
    pkg("business", {
      optionGroups: [
        group("plan", ["starter", "pro"], { min: 0, max: 1 }),
        group("features", ["sso", "audit", "scim", "ai", "api"], { min: 0 }),
      ],
      rules: [
        rule("sso-needs-pro", { allOf: ["sso"] }, { requireAll: ["pro"] }),
        rule("scim-needs-sso", { allOf: ["scim"] }, { requireAll: ["sso"] }),
        rule("starter-no-audit", { allOf: ["starter"] }, { requireNone: ["audit"] }),
        rule("ai-with-api-or-audit", { allOf: ["ai"] }, { requireAny: ["api", "audit"] }),
        rule("ai-alone", { anyOf: ["ai", "scim"], noneOf: ["pro"] }, { requireNone: ["api"] }),
      ],
    }),
  );
  const catalog = compile(doc);

  it("requireNone disables, with the rule and the pick (the issue's example sentence)", () => {
    const c = configure(catalog, { package: "business", picks: ["starter"] });
    expect(state(c, "audit")).toMatchObject({
      state: "disabled",
      reason: {
        rules: ["starter-no-audit"],
        picks: ["starter"],
        message:
          "Disabled: rule `When Starter is picked, rule out Audit` excludes it with your pick `Starter`.",
      },
    });
  });

  it("requireAll chains make options required, naming only the seller's own pick", () => {
    const c = configure(catalog, { package: "business", picks: ["scim"] });
    expect(state(c, "sso")).toMatchObject({ state: "required", reason: { picks: ["scim"] } });
    const pro = state(c, "pro");
    expect(pro.state).toBe("required");
    expect(pro.reason?.picks).toEqual(["scim"]);
    expect(pro.reason?.rules.sort()).toEqual(["scim-needs-sso", "sso-needs-pro"]);
    // Through the chain, the other plan is out too.
    expect(state(c, "starter")).toMatchObject({ state: "disabled", reason: { picks: ["scim"] } });
  });

  it("requireAny with one way left makes that way required; conditions with anyOf/noneOf apply", () => {
    const c = configure(catalog, { package: "business", picks: ["ai", "starter"] });
    // ai without pro cannot have api (ai-alone), so audit is the only way — but starter excludes
    // audit: the picks conflict, reported on the later pick.
    expect(c.valid).toBe(false);
    expect(c.violations[0]).toMatchObject({ code: "config.conflict", pointer: "/picks/1" });
    expect(c.violations[0]!.message).toBe(
      "`Starter` cannot go with your pick `Ai` (rules `When Starter is picked, rule out Audit`, `When Ai is picked, require at least one of Api or Audit` and `When any of Ai or Scim is picked and Pro is not picked, rule out Api` and option group `plan`); remove it or change that pick.",
    );
    // With ai alone, starter is already out: it rules out pro (plan) and audit, leaving ai no way.
    const ok = configure(catalog, { package: "business", picks: ["ai"] });
    expect(state(ok, "starter")).toMatchObject({
      state: "disabled",
      reason: { picks: ["ai"], rules: ["plan", "starter-no-audit", "ai-with-api-or-audit", "ai-alone"] },
    });
    expect(state(ok, "pro").state).toBe("available");
    const noPro = configure(catalog, { package: "business", picks: ["ai", "api"] });
    expect(state(noPro, "pro")).toMatchObject({ state: "required", reason: { rules: ["ai-alone"] } });
  });

  it("a minimal reason leaves out picks that do not matter", () => {
    const c = configure(catalog, { package: "business", picks: ["api", "starter"] });
    expect(state(c, "audit").reason?.picks).toEqual(["starter"]);
  });

  it("requireExactlyOne and unconditional rules", () => {
    const exact = catalogOf(
      pkg("p", {
        optionGroups: [group("g", ["a", "b", "c", "d"], { min: 0 })],
        rules: [
          rule("one-of-abc", { allOf: ["d"] }, { requireExactlyOne: ["a", "b", "c"] }),
          rule("always-a-or-d", undefined, { requireAny: ["a", "d"] }),
        ],
      }),
    );
    const c = configure(compile(exact), { package: "p", picks: ["d", "b"] });
    expect(state(c, "a")).toMatchObject({
      state: "disabled",
      reason: { rules: ["one-of-abc"], picks: ["d", "b"] },
    });
    expect(state(c, "c").state).toBe("disabled");
    const none = configure(compile(exact), { package: "p", picks: ["b"] });
    expect(state(none, "a").state).toBe("available");
    expect(state(none, "d").state).toBe("available");
    const noA = configure(compile(exact), { package: "p", picks: ["b", "c"] });
    expect(state(noA, "d")).toMatchObject({ state: "disabled", reason: { picks: ["b", "c"] } });
    expect(state(noA, "a")).toMatchObject({
      state: "required",
      reason: { rules: ["one-of-abc", "always-a-or-d"], picks: ["b", "c"] },
    });
  });
});

describe("add-ons", () => {
  const doc = catalogOf(
    pkg("team", {
      tier: 2,
      includedAddOns: [{ addOn: "backup" }],
      optionGroups: [group("plan", ["basic", "plus"], { min: 0, max: 1 })],
      rules: [rule("plus-needs-sso", { allOf: ["plus"] }, { requireAll: ["sso"] })],
    }),
    pkg("sso", {
      role: "add_on",
      tier: 0,
      addOn: { portfolios: ["team"], minTier: 1, excludes: ["legacy-auth"] },
      optionGroups: [group("idp", ["okta", "entra"], { min: 1, max: 1 })],
    }),
    pkg("legacy-auth", { role: "add_on", tier: 0 }),
    pkg("backup", { role: "add_on", tier: 0 }),
    pkg("vault", { role: "add_on", tier: 0, addOn: { portfolios: ["team"], minTier: 3 } }),
    pkg("archive", { role: "add_on", tier: 0, addOn: { requires: ["vault"] } }),
  );
  const catalog = compile(doc);

  it("included add-ons are required, incompatible ones disabled with the reason", () => {
    const c = configure(catalog, { package: "team", picks: [] });
    expect(state(c, "backup")).toMatchObject({ state: "required", reason: { rules: ["team"], picks: [] } });
    expect(state(c, "vault")).toMatchObject({
      state: "disabled",
      reason: { message: "Disabled: Vault needs a package of tier 3 or higher; Team is tier 2." },
    });
    // archive requires vault, which cannot be had here.
    expect(state(c, "archive")).toMatchObject({ state: "disabled", reason: { rules: ["vault", "archive"] } });
  });

  it("rules reach add-ons, excludes bind both ways, and add-on options need their add-on", () => {
    const c = configure(catalog, { package: "team", picks: ["plus"] });
    expect(state(c, "sso")).toMatchObject({ state: "required", reason: { picks: ["plus"] } });
    expect(state(c, "legacy-auth")).toMatchObject({ state: "disabled", reason: { picks: ["plus"] } });
    const withIdp = configure(catalog, {
      package: "team",
      picks: [],
      addOns: [{ package: "sso", picks: ["okta"] }],
    });
    // The add-on's own pick-one group switches like the base's.
    expect(state(withIdp, "entra")).toMatchObject({ state: "switch", replaces: ["okta"] });
    const missing = configure(catalog, {
      package: "team",
      picks: [],
      addOns: [{ package: "sso", picks: [] }],
    });
    expect(missing.complete).toBe(false); // sso needs an identity provider
  });

  it("an incompatible add-on in the selection is a violation", () => {
    const c = configure(catalog, { package: "team", picks: [], addOns: [{ package: "vault" }] });
    expect(c.valid).toBe(false);
    expect(c.violations[0]).toMatchObject({ code: "config.pick-not-allowed", pointer: "/addOns/0" });
  });
});

describe("defaults and the commercial terms", () => {
  const doc = catalogOf(
    pkg("team", {
      optionGroups: [
        {
          id: "support",
          name: "Support",
          min: 1,
          max: 1,
          options: [
            { id: "standard", name: "Standard", default: true },
            { id: "premium", name: "Premium" },
          ],
        },
        { id: "extras", name: "Extras", options: [{ id: "sandbox", name: "Sandbox", default: true }] },
      ],
      rules: [rule("sandbox-premium", { allOf: ["sandbox"] }, { requireAll: ["premium"] })],
      components: [{ id: "seats", service: "seat", min: 1, max: 500, default: 5 }],
    }),
  );
  const catalog = compile(doc);

  it("fills defaults that fit together, and the default term, period and currency", () => {
    const c = configure(catalog, { package: "team" });
    expect(c.defaultsApplied).toEqual({
      picks: ["standard"],
      quantities: [{ component: "seats", package: "team", value: 5 }],
      termMonths: 12,
      billingPeriod: "month",
      currency: "USD",
    });
    expect(state(c, "standard").state).toBe("selected");
    expect(c.valid).toBe(true);
  });

  it("reports a term, period or currency the package does not offer, and unknown picks", () => {
    const c = configure(catalog, {
      package: "team",
      termMonths: 24,
      billingPeriod: "quarter",
      currency: "JPY",
      picks: ["standard", "nope"],
    });
    expect(c.violations.map((v) => [v.code, v.pointer])).toEqual([
      ["config.term", "/termMonths"],
      ["config.billing-period", "/billingPeriod"],
      ["config.currency", "/currency"],
      ["config.unknown-option", "/picks/1"],
    ]);
  });

  it("bills a term in whole periods: a period that cannot bill the term is disabled, with the reason", () => {
    const terms = catalogOf(
      pkg("flex", {
        terms: [{ months: 1 }, { months: 12, default: true }, { months: 18 }],
        billingPeriods: ["year", "quarter", "month", "upfront"],
      }),
    );
    const flex = compile(terms);
    // No period given: the first offered that can bill the default 12-month term.
    const annual = configure(flex, { package: "flex" });
    expect(annual.defaultsApplied.billingPeriod).toBe("year");
    expect(annual.terms).toEqual([
      {
        months: 1,
        state: "disabled",
        reason: { rules: [], picks: [], message: "A yearly billing period is longer than the 1-month term." },
      },
      { months: 12, state: "selected" },
      {
        months: 18,
        state: "disabled",
        reason: {
          rules: [],
          picks: [],
          message: "The 18-month term is not a whole number of yearly billing periods.",
        },
      },
    ]);
    expect(annual.billingPeriods.map((p) => [p.period, p.state])).toEqual([
      ["year", "selected"],
      ["quarter", "available"],
      ["month", "available"],
      ["upfront", "available"],
    ]);
    // A 1-month term: the first period that fits is month.
    expect(configure(flex, { package: "flex", termMonths: 1 }).billingPeriod).toBe("month");

    const mismatch = configure(flex, { package: "flex", termMonths: 18, billingPeriod: "year" });
    expect(mismatch.valid).toBe(false);
    expect(mismatch.violations).toEqual([
      {
        code: "config.period-term-mismatch",
        severity: "error",
        pointer: "/billingPeriod",
        message:
          "The 18-month term is not a whole number of yearly billing periods: bill per quarter, per month or up front, or choose a 12-month term.",
      },
    ]);
    expect(mismatch.billingPeriods.find((p) => p.period === "quarter")?.state).toBe("available");
  });

  it("an unknown package is a violation with an empty result", () => {
    const c = configure(catalog, { package: "nope" });
    expect(c).toMatchObject({ package: "", valid: false, complete: false, options: [], addOns: [] });
    expect(c.violations[0]).toMatchObject({ code: "config.unknown-package", pointer: "/package" });
  });
});

describe("quantities", () => {
  const doc = catalogOf(
    pkg("team", {
      components: [
        { id: "seats", service: "seat", min: 1, max: 500, step: 1, default: 5 },
        { id: "storage", service: "gb", min: 0, max: 5000, step: 10, default: 0 },
      ],
      optionGroups: [group("extras", ["archive"], { min: 0 })],
      quantityRules: [
        {
          id: "storage-per-seat",
          terms: [
            { component: "storage", coefficient: 1 },
            { component: "seats", coefficient: -10 },
          ],
          comparator: "<=",
          bound: 0,
        },
        {
          id: "archive-min-storage",
          when: { allOf: ["archive"] },
          terms: [{ component: "storage", coefficient: 1 }],
          comparator: ">=",
          bound: 100,
        },
      ],
    }),
  );
  const catalog = compile(doc);

  it("a violated linear relation says which rule and by how much", () => {
    const c = configure(catalog, { package: "team", picks: [], quantities: { seats: 50, storage: 600 } });
    expect(c.violations).toEqual([
      {
        code: "config.quantity-rule",
        severity: "error",
        pointer: "/quantities/storage",
        message: "Storage 600 GB exceeds 10 GB per seat × 50 seats (rule `storage-per-seat`).",
      },
    ]);
    const storage = c.quantities.find((q) => q.component === "storage");
    expect(storage).toMatchObject({ min: 0, max: 500, step: 10, state: "selected" });
    const seats = c.quantities.find((q) => q.component === "seats");
    expect(seats).toMatchObject({ min: 60, max: 500 });
    // Why 60 and why 500, in words: the rule's description, or its id without one.
    expect(seats?.limits).toBe("At least 60 with the other quantities as they are: rule `storage-per-seat`");
    expect(storage?.limits).toBe(
      "At most 500 with the other quantities as they are: rule `storage-per-seat`",
    );
    const plain = configure(catalog, { package: "team", picks: [], quantities: { seats: 5, storage: 0 } });
    expect(plain.quantities.find((q) => q.component === "seats")?.limits).toBeUndefined();
  });

  it("bounds and steps are violations, never crashes; conditional rules apply with their picks", () => {
    const c = configure(catalog, { package: "team", picks: [], quantities: { seats: 0, storage: 15 } });
    expect(c.violations.map((v) => [v.code, v.pointer])).toEqual([
      ["config.quantity-bounds", "/quantities/seats"],
      ["config.quantity-bounds", "/quantities/storage"],
      ["config.quantity-rule", "/quantities/storage"],
    ]);
    const archived = configure(catalog, { package: "team", picks: ["archive"], quantities: { seats: 20 } });
    expect(archived.violations[0]).toMatchObject({
      code: "config.quantity-rule",
      pointer: "/quantities/storage",
    });
    expect(archived.quantities.find((q) => q.component === "storage")).toMatchObject({
      min: 100,
      max: 200,
      state: "available",
    });
    const unknown = configure(catalog, { package: "team", picks: [], quantities: { disks: 3 } });
    expect(unknown.violations[0]).toMatchObject({
      code: "config.unknown-component",
      pointer: "/quantities/disks",
    });
  });
});

describe("what the quote cannot price", () => {
  const flat = (id: string, points: PricePoint[], option?: string): Charge => ({
    id,
    model: "flat",
    ...(option ? { option } : {}),
    pricePoints: points.map((p) => ({ ...p, amount: "10.00" })) as Charge["pricePoints"],
  });
  const doc = catalogOf(
    pkg("team", {
      optionGroups: [group("extras", ["sandbox", "hipaa"], { min: 0 })],
      charges: [
        flat("seat", [{ currency: "USD" }, { currency: "EUR" }]),
        flat("sandbox-fee", [{ currency: "USD" }, { currency: "EUR" }], "sandbox"),
        // Priced per year only, and only in USD.
        flat("hipaa-fee", [{ currency: "USD", billingPeriod: "year" }], "hipaa"),
      ],
    }),
    // Sold on 12-month terms only (like an archive bought by the year).
    pkg("archive", {
      role: "add_on",
      tier: 0,
      terms: [{ months: 12 }],
      charges: [flat("archive-fee", [{ currency: "USD" }, { currency: "EUR" }])],
    }),
  );
  const catalog = compile(doc);
  const monthly = { package: "team", termMonths: 1, billingPeriod: "month" as const, currency: "USD" };

  it("disables an add-on sold only on longer terms, and an option with no price in the billing period", () => {
    const c = configure(catalog, { ...monthly, picks: [] });
    expect(state(c, "archive")).toMatchObject({
      state: "disabled",
      reason: {
        message:
          "Disabled: `Archive` is sold only on terms of 12 months or more, longer than this 1-month term.",
      },
    });
    expect(state(c, "hipaa")).toMatchObject({
      state: "disabled",
      reason: { message: "Disabled: `Hipaa` has no price per month in USD in the list price book." },
    });
    expect(state(c, "sandbox").state).toBe("available");
    // On a yearly 12-month quote both can be priced.
    const yearly = configure(catalog, { ...monthly, termMonths: 12, billingPeriod: "year", picks: [] });
    expect(state(yearly, "archive").state).toBe("available");
    expect(state(yearly, "hipaa").state).toBe("available");
    // In EUR, HIPAA has no price at all.
    const eur = configure(catalog, { ...monthly, termMonths: 12, billingPeriod: "year", currency: "EUR" });
    expect(state(eur, "hipaa").reason?.message).toContain("no price per year in EUR");
  });

  it("a picked add-on or option that cannot be priced makes the quote invalid and incomplete, saying what to change", () => {
    const c = configure(catalog, { ...monthly, picks: ["hipaa"], addOns: [{ package: "archive" }] });
    expect(c.complete).toBe(false);
    expect(c.valid).toBe(false);
    expect(c.violations.map((v) => [v.code, v.pointer])).toEqual([
      ["config.unpriced-pick", "/picks/0"],
      ["config.unpriced-pick", "/addOns/0"],
    ]);
    expect(c.violations[1]!.message).toBe(
      "`Archive` is sold only on terms of 12 months or more, longer than this 1-month term: remove it or change the term, billing period, currency or price book.",
    );
    const fine = configure(catalog, {
      ...monthly,
      termMonths: 12,
      billingPeriod: "year",
      picks: ["hipaa"],
      addOns: [{ package: "archive" }],
    });
    expect(fine.violations).toEqual([]);
    expect(fine.complete).toBe(true);
  });
});
