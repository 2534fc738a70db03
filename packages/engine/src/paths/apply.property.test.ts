import { readFileSync } from "node:fs";
import type { Arrangement, BillingPeriod, Catalog } from "@tessera/schema";
import { validateArrangement } from "@tessera/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../calendar.ts";
import { type CompiledCatalog, compile } from "../compile.ts";
import { fixtureCatalog } from "./fixture.ts";
import { applyMove, paths } from "./index.ts";

const example = (name: string) =>
  compile(
    JSON.parse(
      readFileSync(new URL(`../../../../schemas/examples/${name}.catalog.json`, import.meta.url), "utf8"),
    ) as Catalog,
  );
const fixture = fixtureCatalog({
  pathRules: [
    { id: "trial-now", phases: ["trial"], outcome: { timing: "immediate", proration: "none" } },
    { id: "no-lab-exit", kinds: ["crossgrade"], from: { packages: ["lab"] }, outcome: { timing: "illegal" } },
    {
      id: "yearly-wait",
      billingPeriods: ["year"],
      kinds: ["downgrade"],
      outcome: { timing: "end_of_term", minimumDaysOnCurrent: 200 },
    },
  ],
});

function arrangements(catalog: CompiledCatalog): fc.Arbitrary<Arrangement> {
  const bases = [...catalog.packages.values()].filter((p) => p.value.role === "base").map((p) => p.value.id);
  const addOns = [...catalog.packages.values()]
    .filter((p) => p.value.role === "add_on")
    .map((p) => p.value.id);
  const components = [...catalog.components.keys()];
  return fc
    .record({
      package: fc.constantFrom(...bases, "no-such-package"),
      currency: fc.constantFrom(...catalog.doc.currencies),
      billingPeriod: fc.constantFrom<BillingPeriod>("month", "quarter", "year"),
      months: fc.constantFrom(1, 12, 36),
      startOffset: fc.integer({ min: 0, max: 40 }),
      anchorShift: fc.integer({ min: 0, max: 2 }),
      asOfOffset: fc.integer({ min: 0, max: 45 }),
      addOns: fc.uniqueArray(
        fc.record({
          package: fc.constantFrom(...addOns),
          quantity: fc.integer({ min: 1, max: 3 }),
          included: fc.boolean(),
        }),
        {
          selector: (a) => a.package,
          maxLength: 3,
        },
      ),
      quantities: fc.dictionary(fc.constantFrom(...components), fc.integer({ min: 0, max: 600 }), {
        maxKeys: 3,
      }),
      usage: fc.option(
        fc.dictionary(fc.constantFrom(...components), fc.integer({ min: 0, max: 2000 }), { maxKeys: 3 }),
        { nil: undefined },
      ),
      phase: fc.constantFrom<"trial" | "intro" | "evergreen" | undefined>("trial", "evergreen", undefined),
      status: fc.constantFrom<Arrangement["status"]>(
        "active",
        "pending_termination",
        "terminated",
        undefined,
      ),
      recurring: fc.option(fc.constantFrom("0", "19.99", "250.00", "1234.5"), { nil: undefined }),
    })
    .map((r) => {
      const start = addMonths("2025-01-31", r.startOffset);
      const a: Arrangement = {
        catalogId: catalog.doc.id,
        catalogVersion: 1,
        package: r.package,
        currency: r.currency,
        billingPeriod: r.billingPeriod,
        term: { months: r.months, start, end: addMonths(start, r.months) },
        billingAnchor: addMonths(start, r.anchorShift),
        addOns: r.addOns.map((h) =>
          h.included ? { package: h.package, included: true } : { package: h.package, quantity: h.quantity },
        ),
        quantities: r.quantities,
      };
      if (r.usage) a.usage = r.usage;
      if (r.phase) a.phase = r.phase;
      if (r.status) a.status = r.status;
      if (r.recurring) a.recurring = r.recurring;
      if (r.status === "pending_termination") a.terminationDate = a.term.end;
      (a as Arrangement & { asOf?: string }).asOf = addMonths(start, r.asOfOffset);
      return a;
    });
}

function takeAsOf(a: Arrangement): [Arrangement, string] {
  const { asOf, ...rest } = a as Arrangement & { asOf: string };
  return [rest, asOf];
}

describe.each([
  ["saas example catalog", example("saas")],
  ["hybrid example catalog", example("hybrid")],
  ["connectivity example catalog", example("connectivity")],
  ["paths fixture catalog", fixture],
])("applyMove on the %s", (_, catalog) => {
  it("never throws for any move paths lists, and what it returns is a valid arrangement", () => {
    fc.assert(
      fc.property(arrangements(catalog), (generated) => {
        const [arrangement, asOf] = takeAsOf(generated);
        const result = paths(catalog, arrangement, asOf);
        const ids = result.moves.map((m) => m.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const m of result.moves) {
          const quantity =
            m.quantity?.suggested ??
            m.quantity?.max ??
            (m.quantity ? m.quantity.min + m.quantity.step : undefined);
          const r = applyMove(
            catalog,
            arrangement,
            { id: m.id, ...(quantity !== undefined ? { quantity } : {}) },
            asOf,
          );
          if (!m.valid) expect(r).toEqual({ ok: false, reasons: m.reasons });
          if (r.ok) {
            const valid = validateArrangement(r.arrangement);
            expect(validateArrangement.errors ?? [], JSON.stringify(r.arrangement)).toEqual([]);
            expect(valid).toBe(true);
          } else {
            expect(r.reasons.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 20, seed: 20261123 },
    );
  }, 60_000);
});
