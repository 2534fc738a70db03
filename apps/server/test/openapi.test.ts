import { type SpecData, Validator } from "@seriousme/openapi-schema-validator";
import { catalogSchema } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../src/openapi.ts";
import { openApiProblems } from "./openapi-check.ts";

describe("the feed's OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document for a maintained validator", async () => {
    const validator = new Validator();
    // The catalog body is described by the catalog JSON Schema the feed serves at this address.
    await validator.addSpecRef(
      structuredClone(catalogSchema) as unknown as SpecData,
      "/v1/schemas/catalog.json",
    );
    const result = await validator.validate(
      structuredClone(openApiDocument) as unknown as unknown as SpecData,
    );
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");

    // The same validator refuses a copy that breaks the spec (a response without its description).
    const broken = structuredClone(openApiDocument) as unknown as {
      paths: Record<string, { get: { responses: Record<string, { description?: string }> } }>;
    };
    delete broken.paths["/v1/catalogs/{id}"]!.get.responses["404"]!.description;
    const strict = new Validator();
    await strict.addSpecRef(
      structuredClone(catalogSchema) as unknown as SpecData,
      "/v1/schemas/catalog.json",
    );
    expect((await strict.validate(broken as unknown as SpecData)).valid).toBe(false);
  });

  it("catches a response it does not describe", async () => {
    const res = new Response(JSON.stringify({ nope: 1 }), { status: 404 });
    expect(await openApiProblems("GET", "http://x/v1/catalogs/a", res)).toEqual([
      "body / must have required property 'error'",
    ]);
    const teapot = new Response("", { status: 418 });
    expect(await openApiProblems("GET", "http://x/v1/catalogs/a", teapot)).toEqual([
      "GET /v1/catalogs/{id} answered 418, which is not declared",
    ]);
    expect(await openApiProblems("GET", "http://x/v2/else", teapot)).toEqual([
      "/v2/else is not described by the OpenAPI document",
    ]);
  });
});
