/**
 * Layer 1 of validation: the JSON Schema check (ajv, compiled standalone in @tessera/schema),
 * with every ajv error turned into a Diagnostic a product manager can act on.
 *
 * ajv's `schemaPath` is relative to the `$def` whose standalone function reported it, so instead
 * the schema node of an error is found by walking `catalogSchema` along the error's instance path
 * (the catalog schema uses no oneOf/anyOf, so the walk is unambiguous).
 */
import { catalogSchema, type SchemaError, validateCatalog } from "@tessera/schema";
import { type Diagnostic, pointerToken, resolvePointer } from "../diagnostic.ts";
import { describeAt } from "./describe.ts";

type SchemaNode = Record<string, unknown>;

const root = catalogSchema as unknown as SchemaNode;
const defs = (root.$defs ?? {}) as Record<string, SchemaNode>;

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let cur = node;
  for (let i = 0; cur && typeof cur.$ref === "string" && i < 10; i++) {
    const name = cur.$ref.replace(/^#\/\$defs\//, "");
    const target = defs[name];
    // A property with its own description next to the $ref keeps that description.
    cur = target && cur.description ? { ...target, description: cur.description } : target;
  }
  return cur;
}

/** The schema node describing the value at `tokens`, or undefined where the schema says nothing. */
function schemaAt(tokens: readonly string[]): SchemaNode | undefined {
  let node = deref(root);
  for (const token of tokens) {
    if (!node) return undefined;
    const props = node.properties as Record<string, SchemaNode> | undefined;
    if (props && Object.hasOwn(props, token)) node = deref(props[token]);
    else if (node.items && /^(0|[1-9][0-9]*)$/.test(token)) node = deref(node.items as SchemaNode);
    else return undefined;
  }
  return node;
}

function propertySchema(tokens: readonly string[], name: string): SchemaNode | undefined {
  const props = schemaAt(tokens)?.properties as Record<string, SchemaNode> | undefined;
  return props && Object.hasOwn(props, name) ? deref(props[name]) : undefined;
}

function tokensOf(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The first sentence of a description ("e.g." and "i.e." do not end one). */
function firstSentence(d: string): string {
  return d.split(/(?<!\be\.g\.|\bi\.e\.)(?<=\.)\s+(?=[A-Z])/)[0] ?? d;
}

/** A schema description as a clause: trailing period dropped, so it can sit inside a sentence. */
function hint(node: SchemaNode | undefined): string {
  const d = typeof node?.description === "string" ? node.description.trim() : "";
  if (!d) return "";
  const first = firstSentence(d);
  return ` (${first.replace(/\.$/, "")})`;
}

const KIND_WORDS: Record<string, string> = {
  integer: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object with named fields",
  null: "null",
};

function typeWords(type: unknown): string {
  const list = String(type)
    .split(",")
    .map((t) => KIND_WORDS[t] ?? t);
  return list.join(" or ");
}

const CODE_OF: Record<string, string> = {
  required: "schema.required",
  type: "schema.type",
  pattern: "schema.pattern",
  enum: "schema.enum",
  const: "schema.enum",
  additionalProperties: "schema.additional-property",
  minItems: "schema.min-items",
  maxItems: "schema.max-items",
  uniqueItems: "schema.unique-items",
  minLength: "schema.min-length",
  maxLength: "schema.max-length",
  minimum: "schema.minimum",
  maximum: "schema.maximum",
  exclusiveMinimum: "schema.minimum",
  exclusiveMaximum: "schema.maximum",
  minProperties: "schema.min-properties",
  maxProperties: "schema.max-properties",
  format: "schema.format",
};

/**
 * What the value should have been, from the first sentence of the description of its format
 * (`$defs` entry such as Id, Date, Amount), to follow "which is not": "an identifier: lower-case
 * letters, digits, …", "a calendar date, YYYY-MM-DD".
 */
function patternWords(tokens: readonly string[]): string {
  const parent = schemaAt(tokens.slice(0, -1));
  const last = tokens[tokens.length - 1] ?? "";
  const props = parent?.properties as Record<string, SchemaNode> | undefined;
  const raw = props && Object.hasOwn(props, last) ? props[last] : (parent?.items as SchemaNode | undefined);
  const ref = typeof raw?.$ref === "string" ? defs[raw.$ref.replace(/^#\/\$defs\//, "")] : raw;
  const d = typeof ref?.description === "string" ? ref.description.trim() : "";
  if (!d) return "in the expected form";
  const first = firstSentence(d).replace(/\.$/, "");
  return /^(A|An) /.test(first) ? first.charAt(0).toLowerCase() + first.slice(1) : `valid (${first})`;
}

function shown(doc: unknown, pointer: string): string {
  const v = resolvePointer(doc, pointer).value;
  const text = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Converts one ajv error into a diagnostic whose pointer resolves in `doc`: the object for
 * `required`/`additionalProperties` (the message names the field), the repeated entry for
 * `uniqueItems`, the offending value otherwise.
 */
function toDiagnostic(doc: unknown, e: SchemaError): Diagnostic {
  const pointer = e.instancePath;
  const tokens = tokensOf(pointer);
  const code = CODE_OF[e.keyword] ?? `schema.${e.keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const at = describeAt(doc, pointer);
  const p = e.params as Record<string, unknown>;
  let message: string;
  switch (e.keyword) {
    case "required": {
      const name = String(p.missingProperty);
      message = `${at} has no \`${name}\`${hint(propertySchema(tokens, name))}: add it.`;
      break;
    }
    case "additionalProperties": {
      const name = String(p.additionalProperty);
      const known = Object.keys((schemaAt(tokens)?.properties as object | undefined) ?? {});
      message = `${at} has a field \`${name}\` the catalog format does not know${
        known.length ? `; the allowed fields are ${known.map((k) => `\`${k}\``).join(", ")}` : ""
      }.`;
      break;
    }
    case "type":
      message = `${at} must be ${typeWords(p.type)}${hint(schemaAt(tokens))}.`;
      break;
    case "enum":
      message = `${at} must be one of ${((p.allowedValues as unknown[]) ?? [])
        .map((v) => `\`${String(v)}\``)
        .join(", ")}${hint(schemaAt(tokens))}.`;
      break;
    case "pattern":
      message = `${at} is \`${shown(doc, pointer)}\`, which is not ${patternWords(tokens)}.`;
      break;
    case "minItems":
      message = `${at} must list at least ${String(p.limit)} ${Number(p.limit) === 1 ? "entry" : "entries"}${hint(schemaAt(tokens))}.`;
      break;
    case "maxItems":
      message = `${at} may list at most ${String(p.limit)} entries${hint(schemaAt(tokens))}.`;
      break;
    case "uniqueItems":
      message = `${at} lists the same value twice (entries ${String(p.j)} and ${String(p.i)}); remove the repeat.`;
      return { code, severity: "error", pointer: `${pointer}/${pointerToken(String(p.i))}`, message };
    case "minLength":
      message = `${at} must not be empty${hint(schemaAt(tokens))}.`;
      break;
    case "maxLength":
      message = `${at} is longer than ${String(p.limit)} characters.`;
      break;
    case "minimum":
    case "exclusiveMinimum":
      message = `${at} must be at least ${String(p.limit)}${hint(schemaAt(tokens))}.`;
      break;
    case "maximum":
    case "exclusiveMaximum":
      message = `${at} must be at most ${String(p.limit)}${hint(schemaAt(tokens))}.`;
      break;
    case "minProperties":
    case "maxProperties":
      message = `${at} must name exactly one of its possible fields${hint(schemaAt(tokens))}.`;
      break;
    default:
      message = `${at} ${e.message ?? "does not match the catalog format"}.`;
  }
  return { code, severity: "error", pointer, message };
}

/**
 * Checks `doc` against the catalog JSON Schema. Returns one diagnostic per distinct problem:
 * ajv repeats itself (e.g. once per failing alternative), so identical findings are merged.
 */
export function structuralDiagnostics(doc: unknown): Diagnostic[] {
  if (validateCatalog(doc)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of validateCatalog.errors ?? []) {
    const d = toDiagnostic(doc, e);
    const key = `${d.code}\u0000${d.pointer}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
