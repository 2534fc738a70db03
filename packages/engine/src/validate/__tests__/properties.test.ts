/**
 * Invariants of `validate` over arbitrary input: it never throws, reports a boolean verdict that
 * agrees with the severities, returns a catalog exactly when valid, and every pointer it reports
 * resolves in the document it was given.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolvePointer } from "../../diagnostic.ts";
import { validate, validateText } from "../index.ts";
import { validCatalog } from "./fixture.ts";

const seenCodes = new Set<string>();

function assertSound(doc: unknown): void {
  const r = validate(doc);
  for (const d of r.diagnostics) seenCodes.add(d.code);
  expect(typeof r.valid).toBe("boolean");
  expect(r.valid).toBe(!r.diagnostics.some((d) => d.severity === "error"));
  expect(r.catalog !== undefined).toBe(r.valid);
  for (const d of r.diagnostics) {
    expect(resolvePointer(doc, d.pointer).found, `${d.code} at ${d.pointer}`).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.code).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
  }
}

type Json = unknown;

/** Every path to a container (object or array) inside the document. */
function containers(
  doc: Json,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (doc !== null && typeof doc === "object") {
    out.push(path);
    for (const [k, v] of Object.entries(doc))
      containers(v, [...path, Array.isArray(doc) ? Number(k) : k], out);
  }
  return out;
}

function at(doc: Json, path: (string | number)[]): Json {
  let cur = doc;
  for (const k of path) cur = (cur as Record<string | number, Json>)[k];
  return cur;
}

const ID_POOL = [
  "basic",
  "pro",
  "enterprise",
  "sso",
  "team",
  "seat",
  "support-premium",
  "list",
  "basic-seats",
];

/** One random edit: delete a key, change a value's type, duplicate an array item, or swap ids. */
const mutation = fc.record({
  target: fc.nat(),
  op: fc.constantFrom("delete", "retype", "duplicate", "swap-id", "set-id"),
  value: fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: 200 }),
    fc.string(),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
  ),
  pick: fc.nat(),
  id: fc.constantFrom(...ID_POOL),
});

interface Mutation {
  target: number;
  op: string;
  value: unknown;
  pick: number;
  id: string;
}

function mutate(doc: Json, m: Mutation): void {
  const all = containers(doc);
  const path = all[m.target % all.length] as (string | number)[];
  const node = at(doc, path) as Record<string, Json> | Json[];
  const keys = Object.keys(node);
  if (keys.length === 0) return;
  const key = keys[m.pick % keys.length] as string;
  if (Array.isArray(node)) {
    const i = Number(key);
    if (m.op === "delete") node.splice(i, 1);
    else if (m.op === "duplicate") node.splice(i, 0, structuredClone(node[i]));
    else if (m.op === "swap-id" && node.length > 1) {
      const j = (i + 1) % node.length;
      [node[i], node[j]] = [node[j], node[i]];
    } else node[i] = m.value;
    return;
  }
  if (m.op === "delete") delete node[key];
  else if (m.op === "set-id" || m.op === "swap-id") {
    if ("id" in node) node.id = m.id;
    else node[key] = m.id;
  } else if (m.op !== "duplicate") node[key] = m.value;
}

describe("validate properties", () => {
  it("never throws on random JSON values and reports resolvable pointers", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        assertSound(v);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on random objects shaped like catalogs", () => {
    const loose = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer()),
        name: fc.string(),
        currencies: fc.array(fc.constantFrom("USD", "EUR", "usd", "", "JPY")),
        services: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
        portfolios: fc.array(fc.record({ id: fc.constantFrom(...ID_POOL), name: fc.string() }), {
          maxLength: 3,
        }),
        packages: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(loose, (v) => {
        assertSound(v);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on mutated copies of a valid catalog, and pointers resolve", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const doc: Json = validCatalog();
        for (const m of ms) mutate(doc, m);
        assertSound(doc);
      }),
      { numRuns: 400 },
    );
    // The mutations must reach the semantic layer too, not only break the schema.
    expect([...seenCodes].filter((c) => !c.startsWith("schema.")).length).toBeGreaterThan(3);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = validateText(s);
        expect(typeof r.valid).toBe("boolean");
      }),
      { numRuns: 200 },
    );
    expect(validateText(undefined as unknown as string).valid).toBe(false);
  });

  it("turns hostile documents (cycles, getters that throw) into diagnostics, not throws", () => {
    const cyclic: Record<string, unknown> = validCatalog() as unknown as Record<string, unknown>;
    (cyclic.packages as unknown[]).push(cyclic);
    expect(() => validate(cyclic)).not.toThrow();
    const trap = validCatalog() as unknown as Record<string, unknown>;
    Object.defineProperty(trap, "packages", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    const r = validate(trap);
    expect(r.valid).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toContain("internal.error");
  });
});
