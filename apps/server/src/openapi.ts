/** OpenAPI 3.1 description of the catalog feed (the REST part of the server; tRPC is typed end to end). */
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const catalogResponse = (cache: string) => ({
  description: `The validated catalog JSON, byte for byte as published. Cache-Control: ${cache}.`,
  headers: {
    ETag: { description: "Strong ETag: the SHA-256 of the body.", schema: { type: "string" } },
    "Cache-Control": { schema: { type: "string", example: cache } },
    "Tessera-Catalog-Version": { description: "The version number served.", schema: { type: "integer" } },
  },
  content: {
    "application/json": { schema: { $ref: "/v1/schemas/catalog.json" } },
  },
});

const ifNoneMatch = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description: "An ETag from an earlier response; the server answers 304 when it still matches.",
  schema: { type: "string" },
};

const catalogId = {
  name: "id",
  in: "path",
  required: true,
  description: "Catalog id.",
  schema: { type: "string", pattern: "^[a-z0-9][a-z0-9_.-]{0,79}$" },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Tessera catalog feed",
    version: "1",
    description:
      "Published catalogs for consuming services. Versions are immutable: cache them forever. " +
      "`latest` moves when a new version is published. Authenticate with any API token (a `reader` token suffices).",
  },
  security: [{ bearer: [] }],
  paths: {
    "/v1/catalogs/{id}": {
      get: {
        summary: "Latest published version of a catalog",
        parameters: [catalogId, ifNoneMatch],
        responses: {
          "200": catalogResponse("private, max-age=60"),
          "304": { description: "Not modified: the ETag still matches." },
          "401": errorResponse("Missing, unknown or revoked token."),
          "403": errorResponse("A customer token: it opens the customer portal only."),
          "404": errorResponse("No such catalog, or nothing published yet."),
        },
      },
    },
    "/v1/public/catalogs/{id}": {
      get: {
        summary: "Latest published version of a catalog marked public (no token; CDN-cacheable)",
        security: [],
        parameters: [catalogId, ifNoneMatch],
        responses: {
          "200": catalogResponse("public, max-age=60"),
          "304": { description: "Not modified: the ETag still matches." },
          "404": errorResponse("No public catalog by that id (not public, retired or never published)."),
        },
      },
    },
    "/v1/catalogs/{id}/versions/{version}": {
      get: {
        summary: "One published version of a catalog (immutable)",
        parameters: [
          catalogId,
          { name: "version", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
          ifNoneMatch,
        ],
        responses: {
          "200": catalogResponse("private, max-age=31536000, immutable"),
          "304": { description: "Not modified: the ETag still matches." },
          "401": errorResponse("Missing, unknown or revoked token."),
          "403": errorResponse("A customer token: it opens the customer portal only."),
          "404": errorResponse("No such catalog or version."),
        },
      },
    },
    "/v1/openapi.json": {
      get: {
        summary: "This document",
        security: [],
        responses: {
          "200": {
            description: "The OpenAPI 3.1 description of the feed.",
            content: { "application/json": {} },
          },
        },
      },
    },
    "/v1/schemas/{name}": {
      get: {
        summary: "JSON Schema (2020-12) of catalogs, quotes or arrangements",
        security: [],
        parameters: [
          {
            name: "name",
            in: "path",
            required: true,
            schema: { type: "string", enum: ["catalog.json", "quote.json", "arrangement.json"] },
          },
        ],
        responses: {
          "200": { description: "The schema.", content: { "application/schema+json": {} } },
          "404": errorResponse("No such schema."),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "A Tessera API token (tsr_…)." },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
} as const;
