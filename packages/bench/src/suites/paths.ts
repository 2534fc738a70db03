/**
 * paths() for one arrangement (DESIGN §5: ≤ 5 ms), at every catalog scale to show the cost depends
 * on the arrangement's neighbourhood (its ladder, add-ons and path rules), not on the catalog's size.
 *
 * The arrangement holds the generator's line-0 Business package `pkg-0-t3` (so the flagship
 * downgrade rule and the cross-line case apply), monthly on a 12-month term, with two add-ons,
 * quantities and observed usage (over-provisioned seats, metered usage above the allowance), so
 * every kind of move is built and priced and the usage insights run.
 *
 * - `paths.sN.medianMs` / `p95Ms`: paths() again and again on the compiled catalog — what an account
 *   page does; price() and configure() results are cached per compiled catalog, so this is the
 *   steady state of a service answering for customers on the same plans.
 * - `paths.sN.coldMedianMs`: the first paths() on a freshly compiled catalog (every candidate
 *   arrangement priced by price() and checked by configure() from scratch).
 */
import { type CompiledCatalog, compile, paths } from "@tessera/engine";
import type { Arrangement, Catalog } from "@tessera/schema";
import type { BenchContext } from "../context.ts";
import type { Metrics, Suite } from "../suite.ts";
import { table } from "./validate.ts";

const AS_OF = "2026-04-16";
const BASE = "pkg-0-t3";

function arrangementFor(doc: Catalog): Arrangement {
  const addOns = doc.packages
    .filter((p) => p.role === "add_on" && p.portfolio === "pf-0" && p.status === "active")
    .slice(0, 2)
    .map((p) => ({ package: p.id, since: "2026-01-01" }));
  return {
    catalogId: doc.id,
    catalogVersion: doc.version ?? 1,
    customer: "Bench customer",
    package: BASE,
    packageSince: "2025-11-01",
    currency: "USD",
    billingPeriod: "month",
    term: { months: 12, start: "2026-01-01", end: "2027-01-01" },
    billingAnchor: "2026-01-01",
    quantities: { [`${BASE}-seats`]: 40, [`${BASE}-storage`]: 200 },
    addOns,
    usage: { [`${BASE}-seats`]: 12, [`${BASE}-usage`]: 500_000 },
  };
}

function runsFor(scale: number) {
  return scale <= 1 ? { minRuns: 200, minMs: 2000, warmup: 20 } : { minRuns: 100, minMs: 1000, warmup: 10 };
}

export const pathsSuite: Suite = {
  name: "paths",
  description: "paths() for one arrangement: every move built, priced and explained, with usage insights",

  run(ctx: BenchContext): Metrics {
    const metrics: Metrics = {};
    for (const scale of ctx.scales) {
      const doc = ctx.catalog(scale).doc;
      const catalog = ctx.compiled(scale);
      const arrangement = arrangementFor(doc);
      const first = paths(catalog, arrangement, AS_OF);
      const valid = first.moves.filter((m) => m.valid).length;
      if (first.problems.length > 0 || valid < 10)
        throw new Error(`bench arrangement gives ${valid} valid moves: ${first.problems.join(" ")}`);
      const warm = ctx.measure(() => paths(catalog, arrangement, AS_OF), runsFor(scale));
      const cold = ctx.measure((fresh: CompiledCatalog) => paths(fresh, arrangement, AS_OF), {
        minRuns: scale <= 1 ? 10 : 5,
        minMs: 0,
        warmup: 1,
        // Collect the compile's garbage before each run: it is not paths' cost.
        gc: true,
        setup: () => compile(doc),
      });
      const key = `paths.s${scale}`;
      metrics[`${key}.moves`] = first.moves.length;
      metrics[`${key}.validMoves`] = valid;
      metrics[`${key}.medianMs`] = round(warm.medianMs, 3);
      metrics[`${key}.p95Ms`] = round(warm.p95Ms, 3);
      metrics[`${key}.coldMedianMs`] = round(cold.medianMs, 3);
      ctx.log(
        `paths scale ${scale}: ${first.moves.length} moves (${valid} valid), median ${warm.medianMs.toFixed(3)} ms, p95 ${warm.p95Ms.toFixed(3)} ms, cold median ${cold.medianMs.toFixed(3)} ms`,
      );
    }
    return metrics;
  },

  format(metrics, ctx) {
    const rows = ctx.scales.map((scale) => {
      const m = (name: string) => metrics[`paths.s${scale}.${name}`];
      return [
        `${scale}×`,
        `${m("validMoves")}/${m("moves")}`,
        `${m("medianMs")?.toFixed(3)} ms`,
        `${m("p95Ms")?.toFixed(3)} ms`,
        `${m("coldMedianMs")?.toFixed(3)} ms`,
      ];
    });
    const lines = table([["scale", "valid/moves", "median", "p95", "cold median"], ...rows]);
    lines.push(
      "median/p95: paths() again on a compiled catalog (target ≤ 5 ms); cold: first paths() after compile",
    );
    return lines.join("\n");
  },
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
