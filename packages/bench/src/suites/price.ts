/**
 * Pricing a 1,000-line quote (DESIGN §5: median ≤ 2 ms), at every catalog scale to show the cost
 * depends on the quote, not on the catalog's size.
 *
 * The quote is built from the generator's big package `big-0` (≥ 1,000 options): the suite gives
 * every option a charge of its own, rotating through flat, per_unit, tiered, volume, stairstep and
 * one_time price points made with the generator's price helpers, keeps the package's platform,
 * seat (tiered), storage (per unit, in blocks) and API (usage) charges, and picks options until the
 * quote has 1,000 lines. Rules are not involved: price() prices what is picked (configure judges
 * whether the picks may go together). The quote bills yearly on the 36-month term (commitment
 * discount), with a 5% seller discount on the total, a discount on one line, expected API usage and
 * a billing anchor that prorates a partial first period, so every stage of price() runs.
 *
 * - `price.sN.medianMs` / `p95Ms`: the same quote priced again and again on the compiled catalog —
 *   what a configurator does after each click (price points parsed once per catalog, priced
 *   charges memoised per catalog charge).
 * - `price.sN.coldMedianMs`: the first price() on a freshly compiled catalog holding the bench
 *   package (parsing every price point it uses and pricing every line from scratch).
 */
import { type CompiledCatalog, compile, price } from "@tessera/engine";
import type { Catalog, Charge, Package, Quote } from "@tessera/schema";
import type { BenchContext } from "../context.ts";
import { oneTimePoints, recurringPoints, stairstepPoints, tieredPoints } from "../generate/prices.ts";
import type { Metrics, Suite } from "../suite.ts";
import { table } from "./validate.ts";

const LINES = 1000;
const AS_OF = "2026-03-01";

/** A charge for option number `i`, rotating through the models a quote line can have. */
function optionCharge(optionId: string, i: number, periods: Package["billingPeriods"]): Charge {
  const cents = 500 + ((i * 7919) % 40_000);
  const id = `${optionId}-price`;
  const base = { id, name: `Option ${i}`, option: optionId };
  switch (i % 6) {
    case 0:
      return { ...base, model: "flat", pricePoints: recurringPoints(cents, "amount") };
    case 1:
      return { ...base, model: "per_unit", pricePoints: recurringPoints(cents, "unitAmount", periods) };
    case 2:
      return {
        ...base,
        model: "tiered",
        pricePoints: tieredPoints(
          [
            [1, cents],
            [10, cents - 100],
            [null, cents - 200],
          ],
          periods,
        ),
      };
    case 3:
      return {
        ...base,
        model: "volume",
        pricePoints: tieredPoints(
          [
            [5, cents],
            [null, cents - 100],
          ],
          periods,
        ),
      };
    case 4:
      return {
        ...base,
        model: "stairstep",
        pricePoints: stairstepPoints(
          [
            [1, cents],
            [null, cents * 3],
          ],
          periods,
        ),
      };
    default:
      return { ...base, model: "one_time", pricePoints: oneTimePoints(cents * 10) };
  }
}

interface Bench {
  doc: Catalog;
  pkg: Package;
  quote: Quote;
}

/** The catalog with big-0 re-priced (every option charged) and the 1,000-line quote for it. */
export function benchFor(source: Catalog): Bench {
  const big = source.packages.find((p) => p.id === "big-0");
  if (!big) throw new Error("the generated catalog has no big-0 package");
  const packageCharges = big.charges.filter((c) => c.option === undefined);
  const options = (big.optionGroups ?? []).flatMap((g) => g.options).slice(0, LINES - packageCharges.length);
  if (options.length + packageCharges.length < LINES)
    throw new Error(`big-0 has too few options for a ${LINES}-line quote`);
  const charges = [...packageCharges, ...options.map((o, i) => optionCharge(o.id, i, big.billingPeriods))];
  const pkg: Package = { ...big, charges };
  const doc: Catalog = { ...source, packages: source.packages.map((p) => (p === big ? pkg : p)) };
  const quantities: Record<string, number> = {};
  for (const c of big.components ?? []) quantities[c.id] = (c.default ?? c.min ?? 0) + 25;
  const quote: Quote = {
    package: big.id,
    currency: "USD",
    termMonths: 36,
    billingPeriod: "year",
    picks: options.map((o) => o.id),
    quantities,
    expectedUsage: { "big-0-api": 25_000_000 },
    startDate: "2026-03-10",
    billingAnchorDay: 1,
    discounts: [
      { id: "bench-total", percent: "5" },
      { id: "bench-line", charge: charges[10]!.id, amount: "50" },
    ],
  };
  return { doc, pkg, quote };
}

function runsFor(scale: number) {
  return scale <= 1 ? { minRuns: 200, minMs: 2000, warmup: 20 } : { minRuns: 100, minMs: 1000, warmup: 10 };
}

export const priceSuite: Suite = {
  name: "price",
  description: "price() of a 1,000-line quote (every model, commitment, seller discounts, proration)",

  run(ctx: BenchContext): Metrics {
    const metrics: Metrics = {};
    for (const scale of ctx.scales) {
      const bench = benchFor(ctx.catalog(scale).doc);
      const catalog: CompiledCatalog = compile(bench.doc);
      const first = price(catalog, bench.quote, AS_OF);
      if (first.violations.length > 0)
        throw new Error(
          `bench quote does not price: ${first.violations[0]!.code} ${first.violations[0]!.message}`,
        );
      // One full collection first (when node runs with --expose-gc), so the garbage left by generating
      // and compiling the catalog is not collected inside the timed runs.
      (globalThis as { gc?: () => void }).gc?.();
      const warm = ctx.measure(() => price(catalog, bench.quote, AS_OF), runsFor(scale));
      const key = `price.s${scale}`;
      metrics[`${key}.lines`] = first.lines.length;
      metrics[`${key}.medianMs`] = round(warm.medianMs, 3);
      metrics[`${key}.p95Ms`] = round(warm.p95Ms, 3);
      // Cold: a fresh compiled catalog per run holding only what the quote needs (the bench package),
      // so compiling stays outside the timer and cheap at every scale.
      const small: Catalog = { ...bench.doc, packages: [bench.pkg] };
      const cold = ctx.measure((fresh: CompiledCatalog) => price(fresh, bench.quote, AS_OF), {
        minRuns: 30,
        minMs: 0,
        warmup: 3,
        gc: true,
        setup: () => compile(structuredClone(small)),
      });
      metrics[`${key}.coldMedianMs`] = round(cold.medianMs, 3);
      ctx.log(
        `price scale ${scale}: ${first.lines.length} lines, median ${warm.medianMs.toFixed(3)} ms, p95 ${warm.p95Ms.toFixed(3)} ms, cold median ${cold.medianMs.toFixed(3)} ms`,
      );
    }
    return metrics;
  },

  format(metrics, ctx) {
    const rows = ctx.scales.map((scale) => {
      const m = (name: string) => metrics[`price.s${scale}.${name}`];
      return [
        `${scale}×`,
        String(m("lines")),
        `${m("medianMs")?.toFixed(3)} ms`,
        `${m("p95Ms")?.toFixed(3)} ms`,
        `${m("coldMedianMs")?.toFixed(3)} ms`,
      ];
    });
    const lines = table([["scale", "lines", "median", "p95", "cold median"], ...rows]);
    lines.push(
      "median/p95: the same quote re-priced on a compiled catalog (target median ≤ 2 ms); cold: first price after compile",
    );
    return lines.join("\n");
  },
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
