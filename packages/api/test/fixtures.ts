import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const examples = fileURLToPath(new URL("../../../schemas/examples/", import.meta.url));

/** A sample catalog from schemas/examples (a fresh copy each call). */
export function sampleCatalog(name = "saas"): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(`${examples}${name}.catalog.json`, "utf8")) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
}

/** A sample document of another kind ("quote" or "arrangement") from schemas/examples. */
export function sampleDoc(name: string, kind: "quote" | "arrangement"): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(`${examples}${name}.${kind}.json`, "utf8")) as Record<string, unknown>;
  delete doc.$schema;
  return doc;
}
