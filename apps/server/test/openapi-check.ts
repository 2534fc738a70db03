/**
 * Checks feed responses against the server's own OpenAPI document: the status must be declared for
 * the operation, declared headers of a 200 must be present, and a JSON body must match the declared
 * schema (the catalog body against the published catalog JSON Schema, which the document references
 * as `/v1/schemas/catalog.json`). Tests route every feed request through `checkedFetch`.
 */
import { catalogSchema } from "@tessera/schema";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "../src/openapi.ts";

type Operation = {
  responses: Record<
    string,
    {
      headers?: Record<string, unknown>;
      content?: Record<string, { schema?: Record<string, unknown> }>;
    }
  >;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(catalogSchema as object, "/v1/schemas/catalog.json");
ajv.addSchema(openApiDocument.components.schemas.Error as object, "#/components/schemas/Error");

const templates = Object.entries(openApiDocument.paths as Record<string, Record<string, Operation>>).map(
  ([template, ops]) => ({
    regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    template,
    ops,
  }),
);

/** What the response breaks in the document, as sentences; empty when it conforms. */
export async function openApiProblems(method: string, url: string, res: Response): Promise<string[]> {
  const path = new URL(url).pathname;
  const match = templates.find((t) => t.regex.test(path));
  if (!match) return [`${path} is not described by the OpenAPI document`];
  const op = match.ops[method.toLowerCase() === "head" ? "get" : method.toLowerCase()];
  if (!op) return [`${method} ${match.template} is not described`];
  const declared = op.responses[String(res.status)];
  if (!declared) return [`${method} ${match.template} answered ${res.status}, which is not declared`];
  const problems: string[] = [];
  if (res.status === 200)
    for (const header of Object.keys(declared.headers ?? {}))
      if (!res.headers.has(header)) problems.push(`header ${header} is declared but missing`);
  const json = declared.content?.["application/json"]?.schema;
  if (json && method !== "HEAD") {
    const body = await res.clone().text();
    const validate = json.$ref ? ajv.getSchema(json.$ref as string) : ajv.compile(json);
    if (!validate) return [`schema ${String(json.$ref)} is unknown`];
    if (!validate(JSON.parse(body)))
      problems.push(...(validate.errors ?? []).map((e) => `body ${e.instancePath || "/"} ${e.message}`));
  }
  return problems;
}

/** `fetch`, with the response checked against the OpenAPI document (throws on a mismatch). */
export async function checkedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, init);
  const problems = await openApiProblems(init.method ?? "GET", url, res);
  if (problems.length) throw new Error(`${init.method ?? "GET"} ${url}: ${problems.join("; ")}`);
  return res;
}
