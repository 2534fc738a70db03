import { describe, expect, it } from "vitest";
import { resolvePointer } from "../../diagnostic.ts";
import { validate, validateText } from "../index.ts";
import { pkg, validCatalog } from "./fixture.ts";

describe("structural diagnostics", () => {
  it("accepts the reference catalog with no diagnostics at all", () => {
    const r = validate(validCatalog());
    expect(r.diagnostics).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.catalog?.packages.get("pro")?.pointer).toBe("/packages/1");
  });

  it("points a missing property at the object and names the property", () => {
    const doc = validCatalog() as unknown as { packages: Record<string, unknown>[] };
    delete doc.packages[1]?.billingPeriods;
    const r = validate(doc);
    expect(r.valid).toBe(false);
    expect(r.catalog).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d).toMatchObject({ code: "schema.required", severity: "error", pointer: "/packages/1" });
    expect(d?.message).toContain("Package `pro` (/packages/1) has no `billingPeriods`");
    expect(d?.message).toContain("Billing periods offered");
  });

  it("says what a malformed value should have been, and names a list entry by its position", () => {
    const doc = validCatalog();
    Object.assign(doc, { currencies: ["USD", "eur"] });
    Object.assign(pkg(doc, "basic"), { id: "Basic Plan" });
    const messages = validate(doc).diagnostics.map((d) => d.message);
    expect(messages).toContain(
      "Currency 2 of the catalog (/currencies/1) is `eur`, which is not an ISO 4217 currency code, e.g. USD, EUR, JPY, KWD.",
    );
    expect(messages).toContain(
      "`id` of package `Basic Plan` (/packages/0/id) is `Basic Plan`, which is not an identifier: lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, at most 80 characters.",
    );
  });

  it("points an unknown property at the object that has it", () => {
    const doc = validCatalog();
    Object.assign(pkg(doc, "basic"), { colour: "blue" });
    const [d] = validate(doc).diagnostics;
    expect(d).toMatchObject({ code: "schema.additional-property", pointer: "/packages/0" });
    expect(d?.message).toContain("`colour`");
  });

  it.each([
    ["schema.type", (d: Record<string, unknown>) => Object.assign(d, { services: {} }), "/services"],
    [
      "schema.pattern",
      (d: Record<string, unknown>) => Object.assign(d, { currencies: ["USD", "eur"] }),
      "/currencies/1",
    ],
    [
      "schema.enum",
      (d: Record<string, unknown>) => Object.assign((d.packages as object[])[0] as object, { role: "main" }),
      "/packages/0/role",
    ],
    [
      "schema.min-items",
      (d: Record<string, unknown>) => Object.assign((d.packages as object[])[0] as object, { terms: [] }),
      "/packages/0/terms",
    ],
    [
      "schema.unique-items",
      (d: Record<string, unknown>) => Object.assign(d, { currencies: ["USD", "EUR", "USD"] }),
      "/currencies/2",
    ],
    [
      "schema.minimum",
      (d: Record<string, unknown>) => Object.assign((d.packages as object[])[0] as object, { tier: -1 }),
      "/packages/0/tier",
    ],
  ])("%s", (code, mutate, pointer) => {
    const doc = validCatalog() as unknown as Record<string, unknown>;
    mutate(doc);
    const r = validate(doc);
    expect(r.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual([code, pointer]);
    for (const d of r.diagnostics) {
      expect(resolvePointer(doc, d.pointer).found).toBe(true);
      expect(d.message).toMatch(/\.$/);
    }
  });

  it("reports a non-object document at the root", () => {
    for (const input of [null, 42, "x", [], undefined]) {
      const r = validate(input);
      expect(r.valid).toBe(false);
      expect(r.diagnostics[0]?.pointer).toBe("");
    }
  });

  it("reports text that is not JSON as json.syntax", () => {
    const r = validateText("{ not json");
    expect(r.diagnostics).toEqual([
      {
        code: "json.syntax",
        severity: "error",
        pointer: "",
        message:
          "The catalog is not valid JSON: line 1, column 3: expected a property name in double quotes, found `n`.",
      },
    ]);
    expect(validateText(" \n").diagnostics[0]?.message).toBe(
      "The catalog is empty: paste or load a catalog JSON document.",
    );
    expect(validateText(JSON.stringify(validCatalog())).valid).toBe(true);
  });
});
