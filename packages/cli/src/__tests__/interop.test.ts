/** `tessera import --from killbill` and `tessera export --format killbill`, end to end in-process. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repoRoot, run } from "./harness.ts";

const streaming = "packages/interop/test/fixtures/killbill/streaming.xml";

describe("tessera import --from killbill", () => {
  it("prints the Tessera catalog and exits 0 when it validates", async () => {
    const r = await run(["import", streaming, "--from", "killbill"]);
    expect(r.code).toBe(0);
    const catalog = JSON.parse(r.stdout);
    expect(catalog.packages.map((p: { id: string }) => p.id)).toEqual([
      "basic",
      "premium",
      "extrascreen",
      "rentals",
    ]);
    expect(r.stderr).toContain("streaming.xml:157:9 warning killbill.phase.differs");
    expect(r.stderr).toContain("streaming.xml: imported, valid");
  });

  it("exits 1 with located diagnostics when the import does not validate", async () => {
    const xml = readFileSync(`${repoRoot}${streaming}`, "utf8").replace(
      "<product>Basic</product>",
      "<product>Basik</product>",
    );
    const r = await run(["import", "-", "--from", "killbill", "--json"], { stdin: xml });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.valid).toBe(false);
    expect(out.diagnostics).toContainEqual({
      code: "killbill.ref.unknown-product",
      severity: "error",
      pointer: "",
      message: 'Plan basic-monthly is for product "Basik", which the catalog does not define.',
      line: 88,
      column: 9,
      at: "/catalog/plans/plan",
    });
  });

  it("exits 2 with line and column for malformed or foreign XML, and for usage errors", async () => {
    const bad = await run(["import", "-", "--from", "killbill"], { stdin: "<catalog>\n<x>\n" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^<stdin>:3:1 error killbill.xml.syntax /);
    const html = await run(["import", "-", "--from", "killbill"], { stdin: "<html/>" });
    expect(html.code).toBe(2);
    expect(html.stderr).toContain("<stdin>:1:1 error killbill.xml.not-catalog");
    expect((await run(["import", streaming])).code).toBe(2);
    expect((await run(["import", streaming, "--from", "chargebee"])).code).toBe(2);
    expect((await run(["import", "nope.xml", "--from", "killbill"])).stderr).toContain("no such file");
  });
});

describe("tessera export --format killbill", () => {
  it("prints Kill Bill XML that imports back, with the losses on stderr", async () => {
    const r = await run(["export", "schemas/examples/saas.catalog.json", "--format", "killbill"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<\?xml version="1.0"/);
    expect(r.stderr).toMatch(/^loss killbill\.export\.quantity-charge \/packages\/0\/charges\/0 /m);
    const back = await run(["import", "-", "--from", "killbill"], { stdin: r.stdout });
    expect(back.code).toBe(0);
  });

  it("prints Stripe Products and Prices with lookup keys", async () => {
    const r = await run(["export", "schemas/examples/saas.catalog.json", "--format", "stripe"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.products[0].id).toBe("collab-starter");
    expect(
      out.prices.some((p: { lookup_key: string }) => p.lookup_key === "collab-team.team-seat-fee.usd.month"),
    ).toBe(true);
    expect(r.stderr).toMatch(/^loss stripe\.paths \/pathRules /m);
  });

  it("prints the TMF620 v5 resources with exact money", async () => {
    const r = await run(["export", "schemas/examples/saas.catalog.json", "--format", "tmf620"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      "catalog",
      "category",
      "productSpecification",
      "productOffering",
      "productOfferingPrice",
    ]);
    const team = out.productOffering.find((o: { id: string }) => o.id === "acme-collaborate:collab-team");
    expect(team).toMatchObject({ name: "Team", isBundle: true, "@type": "ProductOffering" });
    // 0.0004 per API call, digit for digit.
    expect(r.stdout).toContain('"value": 0.0004');
  });

  it("refuses an unknown format", async () => {
    const r = await run(["export", "schemas/examples/saas.catalog.json", "--format", "yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format must be one of json, killbill, stripe");
  });
});

describe("tessera diff", () => {
  it("exits 0 and prints nothing between a catalog and itself", async () => {
    const r = await run(["diff", "schemas/examples/saas.catalog.json", "schemas/examples/saas.catalog.json"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("0 changes, 0 breaking\n");
  });

  it("exits 1 on a breaking change, listing it, so CI can gate on it", async () => {
    const saas = JSON.parse(readFileSync(`${repoRoot}schemas/examples/saas.catalog.json`, "utf8"));
    saas.currencies = saas.currencies.filter((c: string) => c !== "JPY");
    for (const p of saas.packages)
      for (const ch of p.charges)
        ch.pricePoints = ch.pricePoints.filter((pp: { currency: string }) => pp.currency !== "JPY");
    const r = await run(["diff", "schemas/examples/saas.catalog.json", "-", "--json"], {
      stdin: JSON.stringify(saas),
    });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.breaking).toBe(true);
    expect(out.changes[0]).toEqual({
      code: "currency.removed",
      breaking: true,
      side: "old",
      pointer: "/currencies",
      message: "Currency JPY is no longer offered.",
      before: "JPY",
    });
    expect(out.changes.filter((c: { code: string }) => c.code === "price.removed").length).toBeGreaterThan(0);
  });

  it("needs two catalogs", async () => {
    expect((await run(["diff", "schemas/examples/saas.catalog.json"])).code).toBe(2);
    expect((await run(["diff", "-", "-"])).code).toBe(2);
  });
});

describe("tessera export --format csv and import --from csv", () => {
  it("round-trips the price sheet and shows an edit as a diff before writing it", async () => {
    const sheet = await run(["export", "schemas/examples/saas.catalog.json", "--format", "csv"]);
    expect(sheet.code).toBe(0);
    const same = await run(["import", "-", "--from", "csv", "--into", "schemas/examples/saas.catalog.json"], {
      stdin: sheet.stdout,
    });
    expect(same.code).toBe(0);
    expect(same.stdout).toBe("");
    const edited = sheet.stdout.replace("10=12.00; 50=10.00; inf=8.00", "10=13.00; 50=10.00; inf=8.00");
    const r = await run(["import", "-", "--from", "csv", "--into", "schemas/examples/saas.catalog.json"], {
      stdin: edited,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "change   price.changed new:/packages/1/charges/0/pricePoints/0 Charge team-seat-fee of collab-team changed its price in USD per month.\n",
    );
    expect(r.stderr).toContain("not written; pass --out");
  });

  it("points at the bad cell and exits 1", async () => {
    const csv = "package,charge,currency,unit_amount\ncollab-team,team-storage-fee,USD,two\n";
    const r = await run(
      ["import", "prices.csv", "--from", "csv", "--into", "schemas/examples/saas.catalog.json"].map((a) =>
        a === "prices.csv" ? "-" : a,
      ),
      { stdin: csv },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:2:4 error csv.amount D2 /m);
  });

  it("needs --into with --from csv", async () => {
    expect((await run(["import", "-", "--from", "csv"], { stdin: "" })).code).toBe(2);
  });
});
