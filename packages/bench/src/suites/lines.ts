/**
 * The configurator at industrial scale (issue 16): feature-model-shaped packages and one very wide
 * group, each its own one-package catalog (generate/featureModel.ts). Runs within the `configure`
 * and `validate` suites, once whatever the scales:
 *
 * - `configure.fm2500.*`, `configure.fm6500.*`: seeded click sessions (each step a full configure
 *   with every state and reason), replayed once to warm up and record the steps, then timed step by
 *   step in order; `p95Ms`, `medianMs`, and `coldMs` (the first configure after compile).
 * - `configure.wide10k.*`: the same on one pick-one group of 10,000 options, where each session
 *   is one pick and then five switches to another option.
 * - `validate.fm6500.ms`, `validate.wide10k.ms`: full validation of those catalogs (median).
 * - `validate.wide.growth`: validate time of a 16,000-option group ÷ that of a 1,000-option one
 *   (linear is 16; a quadratic check would be 256). `validate.wideNk.ms` are the points.
 */
import { type CompiledCatalog, type Configuration, compile, configure, validate } from "@tessera/engine";
import type { Catalog, Quote } from "@tessera/schema";
import type { BenchContext } from "../context.ts";
import {
  type FeatureModelShape,
  FM2500,
  FM6500,
  generateFeatureModelCatalog,
  generateWideCatalog,
} from "../generate/featureModel.ts";
import type { Metrics } from "../suite.ts";

/** A small seeded generator (LCG) so the click sessions are the same on every run. */
function chooser(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function assertStep(result: Configuration, picks: readonly string[]): void {
  if (!result.valid)
    throw new Error(`bench step ${picks.join(",")} is invalid: ${result.violations[0]?.message}`);
  for (const o of result.options) {
    if ((o.state === "required" || o.state === "disabled") && !o.reason)
      throw new Error(`bench step left ${o.id} ${o.state} without a reason`);
  }
}

/** Plays seeded click sessions (the warm-up) and returns every step's selection in order. */
function sessions(
  catalog: CompiledCatalog,
  pkg: string,
  seed: number,
  count: number,
  clicks: number,
  switches = 0,
): Quote[] {
  const pick = chooser(seed);
  const steps: Quote[] = [];
  const step = (picks: string[]) => {
    const selection: Quote = { package: pkg, picks };
    const result = configure(catalog, selection);
    assertStep(result, picks);
    steps.push(selection);
    return result;
  };
  for (let s = 0; s < count; s++) {
    let picks: string[] = [];
    let result = configure(catalog, { package: pkg, picks });
    for (let c = 0; c < clicks && !result.complete; c++) {
      const available = result.options.filter((o) => o.state === "available");
      if (available.length === 0) break;
      picks = [...picks, available[pick(available.length)]!.id];
      result = step(picks);
    }
    // Then the seller changes their mind: a click on a `switch` option replaces what it says.
    for (let c = 0; c < switches; c++) {
      const open = result.options.filter((o) => o.state === "switch");
      if (open.length === 0) break;
      const to = open[pick(open.length)]!;
      picks = [...picks.filter((p) => !to.replaces?.includes(p)), to.id];
      result = step(picks);
    }
  }
  return steps;
}

const cache = new Map<string, Catalog>();
function catalogFor(key: string, make: () => Catalog): Catalog {
  let doc = cache.get(key);
  if (!doc) {
    doc = make();
    cache.set(key, doc);
  }
  return doc;
}

const shapes: { key: string; doc: (seed: number) => Catalog; sessions: number; switches?: number }[] = [
  { key: "fm2500", doc: (seed) => catalogFor("fm2500", () => fm(seed, FM2500)), sessions: 8 },
  { key: "fm6500", doc: (seed) => catalogFor("fm6500", () => fm(seed, FM6500)), sessions: 4 },
  // One pick completes the group, so each session is that pick and five switches (24 steps: a p95
  // over four one-step sessions would be the slowest single click).
  {
    key: "wide10k",
    doc: () => catalogFor("wide10k", () => generateWideCatalog(10_000)),
    sessions: 4,
    switches: 5,
  },
];

function fm(seed: number, shape: FeatureModelShape): Catalog {
  return generateFeatureModelCatalog(seed, shape);
}

/** Click sessions and cold configure on every shape. */
export function configureLines(ctx: BenchContext): Metrics {
  const metrics: Metrics = {};
  for (const shape of shapes) {
    const doc = shape.doc(ctx.seed);
    const pkg = doc.packages[0]!.id;
    const cold = ctx.measure((fresh: CompiledCatalog) => configure(fresh, { package: pkg }), {
      minRuns: 2,
      minMs: 0,
      warmup: 0,
      setup: () => compile(doc),
    });
    const catalog = compile(doc);
    const steps = sessions(catalog, pkg, ctx.seed, shape.sessions, 15, shape.switches);
    let next = 0;
    const warm = ctx.measure((selection: Quote) => configure(catalog, selection), {
      minRuns: steps.length,
      minMs: 0,
      warmup: 0,
      setup: () => steps[next++ % steps.length]!,
    });
    const key = `configure.${shape.key}`;
    const options = (doc.packages[0]!.optionGroups ?? []).reduce((n, g) => n + g.options.length, 0);
    metrics[`${key}.options`] = options;
    metrics[`${key}.rules`] = doc.packages[0]!.rules?.length ?? 0;
    metrics[`${key}.steps`] = steps.length;
    metrics[`${key}.medianMs`] = round(warm.medianMs, 2);
    metrics[`${key}.p95Ms`] = round(warm.p95Ms, 2);
    metrics[`${key}.coldMs`] = round(cold.medianMs, 1);
    ctx.log(
      `configure ${shape.key}: ${options} options, ${steps.length} steps, median ${warm.medianMs.toFixed(1)} ms, p95 ${warm.p95Ms.toFixed(1)} ms, cold ${cold.medianMs.toFixed(1)} ms`,
    );
  }
  return metrics;
}

/** Validation of the big shapes, and its growth with the size of one group. */
export function validateLines(ctx: BenchContext): Metrics {
  const metrics: Metrics = {};
  const time = (key: string, doc: Catalog, runs: number) => {
    const text = JSON.stringify(doc);
    let failure: string | undefined;
    const m = ctx.measure(
      (input: unknown) => {
        const result = validate(input);
        if (!result.valid) failure ??= result.diagnostics.find((d) => d.severity === "error")?.message;
      },
      { minRuns: runs, minMs: 0, warmup: 1, gc: true, setup: () => JSON.parse(text) as unknown },
    );
    if (failure !== undefined) throw new Error(`generated catalog ${key} is invalid: ${failure}`);
    metrics[`validate.${key}.ms`] = round(m.medianMs, 1);
    ctx.log(`validate ${key}: ${m.medianMs.toFixed(1)} ms`);
    return m.medianMs;
  };
  time("fm6500", shapes[1]!.doc(ctx.seed), 3);
  time("wide10k", shapes[2]!.doc(ctx.seed), 5);
  const w1 = time("wide1k", generateWideCatalog(1_000), 9);
  time("wide4k", generateWideCatalog(4_000), 7);
  const w16 = time("wide16k", generateWideCatalog(16_000), 5);
  metrics["validate.wide.growth"] = round(w16 / w1, 2);
  return metrics;
}

/** Table lines for the suites' `format`. */
export function formatLines(metrics: Metrics, prefix: "configure" | "validate"): string[] {
  const lines: string[] = [];
  if (prefix === "configure") {
    for (const s of shapes) {
      const m = (name: string) => metrics[`configure.${s.key}.${name}`];
      if (m("p95Ms") === undefined) continue;
      lines.push(
        `${s.key.padEnd(8)} ${m("options")} options/${m("rules")} rules, ${m("steps")} steps: median ${m("medianMs")} ms, p95 ${m("p95Ms")} ms, cold ${m("coldMs")} ms`,
      );
    }
    lines.push("targets: fm2500 p95 ≤ 50 ms, fm6500 p95 ≤ 100 ms and cold ≤ 300 ms, wide10k p95 ≤ 20 ms");
  } else {
    const k = (key: string) => metrics[`validate.${key}.ms`];
    if (k("fm6500") === undefined) return lines;
    lines.push(`fm6500 ${k("fm6500")} ms (target ≤ 500), wide10k ${k("wide10k")} ms (target ≤ 1,000)`);
    lines.push(
      `one group of 1k / 4k / 16k options: ${k("wide1k")} / ${k("wide4k")} / ${k("wide16k")} ms, growth 16k÷1k ${metrics["validate.wide.growth"]} (linear 16)`,
    );
  }
  return lines;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
