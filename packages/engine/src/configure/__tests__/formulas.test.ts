/**
 * Rules with nested formulas and mandatory options, on the example: "(a ∨ b) ∧ ¬c ⇒
 * (d ⇔ e)" is one rule, encoded with auxiliary variables the seller never sees; its reasons name
 * the rule (by its name, or read as a sentence) and a subset-minimal set of the seller's picks.
 */
import type { Catalog, OptionGroup, Package, Rule } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { compile } from "../../compile.ts";
import { configure } from "../configure.ts";
import type { Configuration } from "../types.ts";

const extras: OptionGroup = {
  id: "extras",
  name: "Extras",
  options: ["a", "b", "d", "e"].map((id) => ({ id, name: id.toUpperCase() })) as OptionGroup["options"],
};
/** C and F are a pick-one: picking F rules C out, and with it the rule's only way out. */
const region: OptionGroup = {
  id: "region",
  name: "Region",
  min: 1,
  max: 1,
  options: [
    { id: "c", name: "C" },
    { id: "f", name: "F" },
  ],
};

/** The rule: when A or B is picked and C is not, D and E go together. */
const residency = (name?: string): Rule => ({
  id: "r-residency",
  ...(name ? { name } : {}),
  when: { all: [{ any: ["a", "b"] }, { not: "c" }] },
  // biome-ignore lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
  then: { iff: ["d", "e"] },
});

function catalogOf(base: Partial<Package>): Catalog {
  return {
    id: "c",
    name: "C",
    currencies: ["USD"],
    services: [],
    portfolios: [{ id: "team", name: "Team" }],
    packages: [
      {
        id: "pro",
        name: "Pro",
        portfolio: "team",
        role: "base",
        tier: 1,
        status: "active",
        terms: [{ months: 12 }],
        billingPeriods: ["month"],
        charges: [],
        ...base,
      },
    ],
  };
}

const state = (c: Configuration, id: string) => c.options.find((o) => o.id === id);

describe("rules with nested formulas", () => {
  it("require E once A, D and F are picked, naming the rule, the group and those picks", () => {
    const catalog = compile(
      catalogOf({ optionGroups: [extras, region], rules: [residency("Residency pairs")] }),
    );
    const c = configure(catalog, { package: "pro", picks: ["a", "d", "f"] });
    expect(state(c, "e")).toMatchObject({
      state: "required",
      reason: {
        rules: ["region", "r-residency"],
        picks: ["a", "d", "f"],
        message:
          "Required: rule `Residency pairs` and option group `Region` require it with your picks `A`, `D` and `F`.",
      },
    });
    // Without F, C could still lift the rule (backtrack-free): E stays available.
    expect(state(configure(catalog, { package: "pro", picks: ["a", "d"] }), "e")?.state).toBe("available");
  });

  it("read a rule without a name as a sentence, never as its auxiliary variables", () => {
    const catalog = compile(catalogOf({ optionGroups: [extras, region], rules: [residency()] }));
    const c = configure(catalog, { package: "pro", picks: ["b", "e", "f"] });
    expect(state(c, "d")?.reason?.message).toBe(
      "Required: rule `If (A or B) and not C, then D exactly when E` and option group `Region` require it with your picks `B`, `E` and `F`.",
    );
  });

  it("keep the reason's picks subset-minimal when several picks would do", () => {
    const catalog = compile(
      catalogOf({ optionGroups: [extras, region], rules: [residency("Residency pairs")] }),
    );
    const c = configure(catalog, { package: "pro", picks: ["a", "b", "d", "f"] });
    const reason = state(c, "e")?.reason;
    // A and B each make the condition true: one of them, with D and F, is the whole reason.
    expect(reason?.picks).toHaveLength(3);
    expect(reason?.picks).toEqual(expect.arrayContaining(["d", "f"]));
    expect(["a", "b"]).toContain(reason?.picks.find((p) => p !== "d" && p !== "f"));
  });

  it("disable by a count: at most one of A, B and C", () => {
    const catalog = compile(
      catalogOf({
        optionGroups: [extras],
        // biome-ignore lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
        rules: [{ id: "one-of", name: "One premium extra", then: { atMost: { k: 1, of: ["a", "b", "d"] } } }],
      }),
    );
    const c = configure(catalog, { package: "pro", picks: ["b"] });
    expect(state(c, "a")).toMatchObject({
      state: "disabled",
      reason: { picks: ["b"], message: "Disabled: rule `One premium extra` excludes it with your pick `B`." },
    });
  });
});

describe("mandatory options", () => {
  const kit: OptionGroup = {
    id: "kit",
    name: "Kit",
    options: [
      { id: "router", name: "Router", mandatory: true },
      { id: "mesh", name: "Mesh unit" },
    ],
  };

  it("are picked by default and required with their reason", () => {
    const catalog = compile(catalogOf({ optionGroups: [kit] }));
    const fresh = configure(catalog, { package: "pro" });
    expect(fresh.defaultsApplied.picks).toEqual(["router"]);
    expect(fresh.complete).toBe(true);
    const c = configure(catalog, { package: "pro", picks: [] });
    expect(state(c, "router")).toMatchObject({
      state: "required",
      reason: { picks: [], message: "Required: `Router` is always included." },
    });
    expect(c.complete).toBe(false);
  });

  it("apply under their parent option only when it is picked", () => {
    const catalog = compile(
      catalogOf({
        optionGroups: [
          { id: "plan", name: "Plan", options: [{ id: "hardware", name: "Hardware" }] },
          { ...kit, parentOption: "hardware" },
        ],
      }),
    );
    expect(state(configure(catalog, { package: "pro", picks: [] }), "router")?.state).toBe("available");
    expect(state(configure(catalog, { package: "pro", picks: ["hardware"] }), "router")?.state).toBe(
      "required",
    );
    expect(configure(catalog, { package: "pro" }).defaultsApplied.picks).toEqual([]);
  });
});
