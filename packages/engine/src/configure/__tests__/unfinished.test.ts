/**
 * What a seller still has to choose, on the sample SaaS catalog's Business package: picking
 * "European Union" residency opens the nested "EU hosting region" group (min 1), and the quote is
 * incomplete until a region is picked (the wall a seller hit: "incomplete", with nothing named).
 * Also the reason a visitor reads for an add-on their plan cannot take: a package name, not a tier.
 */
import { readFileSync } from "node:fs";
import type { Catalog, Quote } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { compile } from "../../compile.ts";
import { configure } from "../configure.ts";
import { unfinishedGroups } from "../unfinished.ts";

const doc = JSON.parse(
  readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;
const catalog = compile(doc);
const business = (picks: string[]): Quote => ({
  package: "collab-business",
  currency: "USD",
  picks,
});

describe("unfinishedGroups", () => {
  it("names the nested group a pick opened, and nothing once it is chosen", () => {
    const open = configure(catalog, business(["biz-support-premium", "biz-res-eu"]));
    expect(open.valid).toBe(true);
    expect(open.complete).toBe(false);
    expect(unfinishedGroups(doc, open)).toEqual([
      {
        package: "collab-business",
        group: "biz-eu-region",
        name: "EU hosting region",
        missing: 1,
        message: "EU hosting region: pick 1",
      },
    ]);

    const done = configure(catalog, business(["biz-support-premium", "biz-res-eu", "biz-eu-frankfurt"]));
    expect(done.complete).toBe(true);
    expect(unfinishedGroups(doc, done)).toEqual([]);
  });

  it("leaves a nested group out while its parent option is not picked", () => {
    const us = configure(catalog, business(["biz-support-standard", "biz-res-us"]));
    expect(unfinishedGroups(doc, us).map((g) => g.group)).not.toContain("biz-eu-region");
  });
});

describe("an add-on the base's tier cannot take", () => {
  it("names the lowest package that can take it, as the path explorer does", () => {
    const team = configure(catalog, { package: "collab-team", currency: "USD" });
    const sso = team.addOns.find((a) => a.id === "collab-sso");
    expect(sso?.state).toBe("disabled");
    expect(sso?.reason?.message).toBe(
      "Disabled: SSO & SCIM needs a package of tier 3 or higher (Business or higher); Team is tier 2.",
    );
  });
});
