/**
 * One configure step — a click, answered with full backtrack-free availability and a reason for
 * every required or disabled choice — on the generator's big package `big-0` (≥ 1,000 options,
 * ≥ 3,000 interacting rules; DESIGN §5: p95 ≤ 10 ms), at every catalog scale to show the cost
 * depends on the package, not on the catalog's size.
 *
 * Sessions of clicks are replayed: each starts from nothing picked and adds one option at a time,
 * chosen (seeded) among those the previous step showed available, until the configuration is
 * complete or 15 clicks were made; 8 sessions. Each timed run configures the next step of the
 * replay, so every step follows the one a seller made just before it, as in a configurator.
 *
 * - `configure.sN.medianMs` / `p95Ms`: the steps, replayed in order on the compiled catalog (the
 *   package's clauses, the solver's learnt clauses, kept assumption levels, recent models and
 *   earlier explanations are reused across calls).
 * - `configure.sN.coldMs`: the first configure of the package on a freshly compiled catalog
 *   (clauses built, the no-picks backbone and its reasons computed).
 * - `configure.sN.steps`, `.options`, `.rules`: the replay length and the package's size.
 * - `configure.fm2500.*`, `configure.fm6500.*`, `configure.wide10k.*`: feature-model-shaped
 *   packages and one wide group, once whatever the scales (see lines.ts).
 */
import { type CompiledCatalog, type Configuration, compile, configure } from "@tessera/engine";
import type { Quote } from "@tessera/schema";
import type { BenchContext } from "../context.ts";
import type { Metrics, Suite } from "../suite.ts";
import { configureLines, formatLines } from "./lines.ts";
import { table } from "./validate.ts";

const PACKAGE = "big-0";
const SESSIONS = 8;
const CLICKS = 15;

/** A small seeded generator (LCG) so the click sessions are the same on every run. */
function chooser(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** Checks one step's answer is a usable configurator state; throws on a broken bench. */
function assertStep(result: Configuration, picks: readonly string[]): void {
  if (!result.valid)
    throw new Error(`bench step ${picks.join(",")} is invalid: ${result.violations[0]?.message}`);
  for (const o of result.options) {
    if ((o.state === "required" || o.state === "disabled") && !o.reason)
      throw new Error(`bench step left ${o.id} ${o.state} without a reason`);
  }
}

/** Plays the click sessions once (also the warm-up) and returns every step's selection in order. */
function sessions(catalog: CompiledCatalog, seed: number): Quote[] {
  const pick = chooser(seed);
  const steps: Quote[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    let picks: string[] = [];
    let result = configure(catalog, { package: PACKAGE, picks });
    for (let c = 0; c < CLICKS && !result.complete; c++) {
      const available = result.options.filter((o) => o.state === "available" && o.package === PACKAGE);
      if (available.length === 0) break;
      picks = [...picks, available[pick(available.length)]!.id];
      const selection: Quote = { package: PACKAGE, picks };
      result = configure(catalog, selection);
      assertStep(result, picks);
      steps.push(selection);
    }
  }
  return steps;
}

export const configureSuite: Suite = {
  name: "configure",
  description:
    "one click on the 1,000-option package, feature-model-shaped packages and a 10,000-option group: backtrack-free availability with reasons",

  run(ctx: BenchContext): Metrics {
    const metrics: Metrics = {};
    for (const scale of ctx.scales) {
      const doc = ctx.catalog(scale).doc;
      const big = doc.packages.find((p) => p.id === PACKAGE);
      if (!big) throw new Error(`the generated catalog has no ${PACKAGE}`);
      const cold = ctx.measure((fresh: CompiledCatalog) => configure(fresh, { package: PACKAGE }), {
        minRuns: scale <= 1 ? 3 : 2,
        minMs: 0,
        warmup: 0,
        setup: () => compile(doc),
      });
      const catalog = ctx.compiled(scale);
      const steps = sessions(catalog, ctx.seed + scale);
      let next = 0;
      const warm = ctx.measure((selection: Quote) => configure(catalog, selection), {
        minRuns: steps.length * 3,
        minMs: 2000,
        warmup: 0,
        setup: () => steps[next++ % steps.length]!,
      });
      const key = `configure.s${scale}`;
      const options = (big.optionGroups ?? []).reduce((n, g) => n + g.options.length, 0);
      metrics[`${key}.options`] = options;
      metrics[`${key}.rules`] = big.rules?.length ?? 0;
      metrics[`${key}.steps`] = steps.length;
      metrics[`${key}.medianMs`] = round(warm.medianMs, 3);
      metrics[`${key}.p95Ms`] = round(warm.p95Ms, 3);
      metrics[`${key}.coldMs`] = round(cold.medianMs, 1);
      ctx.log(
        `configure scale ${scale}: ${options} options, ${big.rules?.length ?? 0} rules, ${steps.length} steps, median ${warm.medianMs.toFixed(3)} ms, p95 ${warm.p95Ms.toFixed(3)} ms, cold ${cold.medianMs.toFixed(1)} ms`,
      );
    }
    Object.assign(metrics, configureLines(ctx));
    return metrics;
  },

  format(metrics, ctx) {
    const rows = ctx.scales.map((scale) => {
      const m = (name: string) => metrics[`configure.s${scale}.${name}`];
      return [
        `${scale}×`,
        `${m("options")}/${m("rules")}`,
        `${m("steps")}`,
        `${m("medianMs")?.toFixed(3)} ms`,
        `${m("p95Ms")?.toFixed(3)} ms`,
        `${m("coldMs")?.toFixed(1)} ms`,
      ];
    });
    const lines = table([["scale", "options/rules", "steps", "median", "p95", "cold"], ...rows]);
    lines.push(
      "median/p95: one click with full availability and reasons (target p95 ≤ 10 ms); cold: first call",
    );
    lines.push(...formatLines(metrics, "configure"));
    return lines.join("\n");
  },
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
