/** Helpers for checking TMF620 resources against the TM Forum OpenAPI document (TESSERA_TMF620_OAS). */
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";

/**
 * OpenAPI's discriminator picks the `oneOf` branch by `@type` (a reference `…Ref` or a value);
 * ajv does not read `mapping`, so each such `oneOf` becomes "if @type is X then schema X".
 */
export function discriminated(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(discriminated);
  if (node === null || typeof node !== "object") return node;
  const o = node as Record<string, unknown>;
  const d = o.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (k !== "discriminator") out[k] = discriminated(v);
  if (d?.mapping && Array.isArray(o.oneOf)) {
    delete out.oneOf;
    out.allOf = Object.entries(d.mapping).map(([type, ref]) => ({
      if: { properties: { [d.propertyName]: { const: type } }, required: [d.propertyName] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a promise
      then: { $ref: ref },
    }));
  }
  return out;
}

/** A validator for the specification's component schemas, or undefined when TESSERA_TMF620_OAS is unset. */
export function oasValidator(): ((schema: string, resource: unknown) => unknown[]) | undefined {
  const oas = process.env.TESSERA_TMF620_OAS;
  if (!oas) return undefined;
  const spec = discriminated(JSON.parse(readFileSync(oas, "utf8"))) as { components: object };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "tmf620.json", components: spec.components });
  return (schema, resource) => {
    const validate = ajv.compile({ $ref: `tmf620.json#/components/schemas/${schema}` });
    return validate(resource) ? [] : (validate.errors ?? []);
  };
}
