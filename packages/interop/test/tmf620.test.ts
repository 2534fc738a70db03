/**
 * The TMF620 v5 view of the sample catalogs. Expected values are read off the sample by hand:
 * schemas/examples/saas.catalog.json (Acme Collaborate: 4 base plans on one ladder, 6 add-ons).
 * With TESSERA_TMF620_OAS set to the TM Forum TMF620 v5.0.0 OpenAPI document converted to JSON
 * (tmforum-apis/TMF620_ProductCatalog, TMF620-Product_Catalog_Management-v5.0.0.oas.yaml), every
 * resource is also validated against the specification's own component schemas.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Catalog } from "@tessera/schema";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parseTmfQuery, runTmfQuery, stringifyTmf, type TmfResource, toTmf620 } from "../src/index.ts";
import { discriminated } from "./tmf620-oas.ts";

const load = (name: string) =>
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL(`../../../schemas/examples/${name}.catalog.json`, import.meta.url)),
      "utf8",
    ),
  ) as Catalog;
const saas = load("saas");
const view = toTmf620(saas, 3, {
  baseUrl: "https://tessera.example.com",
  publishedAt: "2026-12-01T10:00:00.000Z",
});
const byId = (list: TmfResource[], id: string) => list.find((r) => r.id === `${saas.id}:${id}`)!;

describe("toTmf620", () => {
  it("maps services, packages, options and portfolios to their TMF resources", () => {
    const options = saas.packages.flatMap((p) => (p.optionGroups ?? []).flatMap((g) => g.options));
    expect(view.productSpecification).toHaveLength(saas.services.length + saas.packages.length);
    expect(view.productOffering).toHaveLength(saas.packages.length + options.length);
    expect(view.category.map((c) => c.id)).toEqual(saas.portfolios.map((p) => `${saas.id}:${p.id}`));
    expect(view.catalog[0]).toMatchObject({
      id: saas.id,
      version: "3",
      "@type": "Catalog",
      lifecycleStatus: "Launched",
    });
    for (const list of Object.values(view))
      for (const r of list) {
        expect(r.href).toBe(
          `https://tessera.example.com/tmf-api/productCatalogManagement/v5/${hrefKind(r)}/${encodeURIComponent(r.id)}`,
        );
        expect(r["@type"]).toBeTruthy();
      }
  });

  it("offers the Team plan as a bundle: its pick-one support group, terms and ladder", () => {
    const team = byId(view.productOffering, "collab-team");
    expect(team).toMatchObject({
      name: "Team",
      isBundle: true,
      isSellable: true,
      lifecycleStatus: "Launched",
    });
    expect(team.bundledProductOffering).toEqual([
      expect.objectContaining({
        id: `${saas.id}:team-support-standard`,
        bundledProductOfferingOption: expect.objectContaining({
          numberRelOfferLowerLimit: 1,
          numberRelOfferUpperLimit: 1,
          numberRelOfferDefault: 1,
        }),
      }),
      expect.objectContaining({
        id: `${saas.id}:team-support-premium`,
        bundledProductOfferingOption: expect.objectContaining({ numberRelOfferDefault: 0 }),
      }),
    ]);
    const moves = (team.productOfferingRelationship as { id: string; relationshipType: string }[]).map(
      (r) => `${r.relationshipType} ${r.id.split(":")[1]}`,
    );
    expect(moves.filter((m) => !m.startsWith("addOn"))).toEqual([
      "downgrade collab-starter",
      "upgrade collab-business",
      "upgrade collab-enterprise",
    ]);
    // SSO needs tier 3 (minTier 3): offered to Business, not to Team; Enterprise includes it.
    expect(moves).not.toContain("addOn collab-sso");
    const business = byId(view.productOffering, "collab-business");
    expect(JSON.stringify(business.productOfferingRelationship)).toContain(`${saas.id}:collab-sso`);
    const enterprise = byId(view.productOffering, "collab-enterprise");
    expect((enterprise.bundledProductOffering as { id: string }[]).map((b) => b.id)).toEqual(
      expect.arrayContaining([`${saas.id}:collab-sso`, `${saas.id}:collab-audit-log`]),
    );
    expect(team.productOfferingTerm).toEqual([
      expect.objectContaining({ duration: { amount: 1, units: "month" } }),
      expect.objectContaining({ duration: { amount: 12, units: "month" } }),
      expect.objectContaining({ duration: { amount: 36, units: "month" } }),
    ]);
  });

  it("prices graduated tiers as bundled prices with their bands, exactly", () => {
    const seats = byId(view.productOfferingPrice, "team-seat-fee/USD/month/list");
    expect(seats).toMatchObject({
      priceType: "recurring",
      recurringChargePeriodType: "month",
      recurringChargePeriodLength: 1,
      isBundle: true,
    });
    const bands = (seats.bundledPopRelationship as { id: string }[]).map((r) => byIdRaw(r.id));
    expect(bands.map((b) => [b.bandFrom, b.bandUpTo, b.bandMode])).toEqual([
      [0, 10, "graduated"],
      [10, 50, "graduated"],
      [50, undefined, "graduated"],
    ]);
    const text = stringifyTmf(bands);
    expect(text).toContain('"price":{"unit":"USD","value":12.00}');
    expect(text).toContain('"price":{"unit":"USD","value":8.00}');
    // A usage rate with more decimals than the currency keeps them (0.0004 per API call).
    expect(stringifyTmf(view.productOfferingPrice)).toContain('"value":0.0004');
  });

  it("states term discounts and the trial as discount prices", () => {
    expect(byId(view.productOfferingPrice, "collab-team/term-12")).toMatchObject({
      priceType: "discount",
      name: "5% off recurring charges on a 12-month term",
      productOfferingTerm: [expect.objectContaining({ duration: { amount: 12, units: "month" } })],
    });
    expect(stringifyTmf(byId(view.productOfferingPrice, "collab-team/term-36"))).toContain('"percentage":12');
    expect(byId(view.productOfferingPrice, "collab-team/phase-1")).toMatchObject({
      name: "14-day free trial",
      productOfferingTerm: [expect.objectContaining({ duration: { amount: 14, units: "day" } })],
    });
  });

  it("maps every sample catalog and writes JSON that parses back to the same numbers", () => {
    for (const name of ["saas", "hybrid", "connectivity"]) {
      const v = toTmf620(load(name), 1);
      const text = stringifyTmf(v);
      expect(text).not.toContain("\\u0000");
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  const oas = process.env.TESSERA_TMF620_OAS;
  if (oas)
    it("conforms to the TMF620 v5.0.0 component schemas (real specification)", () => {
      const spec = discriminated(JSON.parse(readFileSync(oas, "utf8"))) as { components: object };
      const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
      ajv.addSchema({ $id: "tmf620.json", components: spec.components });
      const parsed = JSON.parse(stringifyTmf(view)) as Record<string, TmfResource[]>;
      const schemaOf: Record<string, string> = {
        catalog: "Catalog",
        category: "Category",
        productSpecification: "ProductSpecification",
        productOffering: "ProductOffering",
        productOfferingPrice: "ProductOfferingPrice",
      };
      for (const [kind, list] of Object.entries(parsed)) {
        const validate = ajv.compile({ $ref: `tmf620.json#/components/schemas/${schemaOf[kind]}` });
        for (const r of list) expect(validate(r) ? [] : validate.errors, `${kind} ${r.id}`).toEqual([]);
      }
      // And the check has teeth: a wrongly typed attribute is refused.
      const offering = ajv.compile({ $ref: "tmf620.json#/components/schemas/ProductOffering" });
      expect(offering({ ...parsed.productOffering![0], isBundle: "yes" })).toBe(false);
    });
});

describe("TMF630 queries", () => {
  const all = view.productOffering;
  const run = (qs: string) => {
    const parsed = parseTmfQuery(new URLSearchParams(qs));
    if (!("query" in parsed)) throw new Error(parsed.problem.message);
    return runTmfQuery(all, parsed.query);
  };

  it("selects fields, always keeping id, href and @type", () => {
    const { items } = run("fields=name,isSellable&limit=1");
    expect(Object.keys(items[0]!).sort()).toEqual(["@type", "href", "id", "isSellable", "name"]);
  });

  it("filters on attributes, nested attributes and alternatives, and pages with a total", () => {
    const sellable = run("isSellable=true");
    expect(sellable.total).toBe(saas.packages.length);
    const addOnTargets = run("productOfferingRelationship.relationshipType=addOn&fields=name");
    expect(addOnTargets.items.map((i) => i.id)).toEqual(
      expect.arrayContaining([`${saas.id}:collab-team`, `${saas.id}:collab-business`]),
    );
    const two = run("name=Team,Business&fields=name");
    expect(two.items.map((i) => i.name)).toEqual(["Team", "Business"]);
    const page = run("isSellable=true&offset=2&limit=3");
    expect(page).toMatchObject({ total: saas.packages.length });
    expect(page.items.map((i) => i.id)).toEqual(saas.packages.slice(2, 5).map((p) => `${saas.id}:${p.id}`));
  });

  it("refuses malformed paging and parameters with the parameter named", () => {
    expect(parseTmfQuery(new URLSearchParams("limit=0"))).toEqual({
      problem: { parameter: "limit", message: "limit must be from 1 to 1000; got 0." },
    });
    expect(parseTmfQuery(new URLSearchParams("offset=-1"))).toMatchObject({
      problem: { parameter: "offset" },
    });
    expect(parseTmfQuery(new URLSearchParams("fields="))).toMatchObject({ problem: { parameter: "fields" } });
    expect(parseTmfQuery(new URLSearchParams("a[b]=1"))).toMatchObject({ problem: { parameter: "a[b]" } });
  });
});

function hrefKind(r: TmfResource): string {
  for (const [kind, list] of Object.entries(view)) if (list.includes(r)) return kind;
  return "?";
}
function byIdRaw(id: string): TmfResource {
  return view.productOfferingPrice.find((r) => r.id === id)!;
}
