/**
 * Full validation versus JSON.parse (DESIGN §5: validation ≤ 2 × JSON.parse, linear in size).
 *
 * Each scale's catalog is stringified once. `parse` times `JSON.parse(text)`; `validate` times
 * the engine's `validate(doc)` — schema, semantic checks and compile — on a freshly parsed
 * document each run (validate takes the parsed value, so parsing is not part of its time).
 * `ratio` = validate median / parse median. `linearity` = (validate ms per MB at the largest
 * scale) / (validate ms per MB at scale 1): 1.0 is perfectly linear. `linearityVsParse` = (ratio at
 * the largest scale) / (ratio at scale 1): JSON.parse also costs more per MB on a big heap, and
 * this says whether validate grows faster than it.
 *
 * Then, once whatever the scales: the feature-model-shaped 6,500-option package, one group of
 * 10,000 options, and the growth with the size of one group (see lines.ts).
 */
import { validate } from "@tessera/engine";
import type { BenchContext } from "../context.ts";
import type { Metrics, Suite } from "../suite.ts";
import { formatLines, validateLines } from "./lines.ts";

/**
 * Fewer runs at big scales, and a time budget per measurement, keep the whole bench within
 * minutes on 2 shared cores. Every scale gets warm-up runs of its own, even when a smaller one has
 * already warmed up the JIT: the first validations of a bigger catalog also grow V8's heap to its
 * size (fresh pages, bigger hash tables), which later validations of that size no longer pay, so
 * unwarmed runs would measure the heap growing rather than validation.
 */
function runsFor(scale: number) {
  if (scale <= 1) return { minRuns: 10, minMs: 2000, maxMs: 10_000, warmup: 3 };
  if (scale <= 4) return { minRuns: 7, minMs: 0, maxMs: 20_000, warmup: 2 };
  return { minRuns: 5, minMs: 0, maxMs: 30_000, warmup: 1 };
}

const MB = 1e6;

export const validateSuite: Suite = {
  name: "validate",
  description: "full validate (schema + semantic + compile) of the parsed catalog vs JSON.parse of its text",

  run(ctx: BenchContext): Metrics {
    const metrics: Metrics = {};
    for (const scale of ctx.scales) {
      const { text, bytes } = ctx.catalog(scale);
      const runs = runsFor(scale);
      const parse = ctx.measure(() => JSON.parse(text), { ...runs, gc: true });
      let failure: string | undefined;
      const check = ctx.measure(
        (doc: unknown) => {
          const result = validate(doc);
          if (!result.valid) failure ??= result.diagnostics[0]?.message;
        },
        { ...runs, gc: true, setup: () => JSON.parse(text) as unknown },
      );
      if (failure !== undefined)
        throw new Error(`generated catalog at scale ${scale} is invalid: ${failure}`);
      const key = `s${scale}`;
      metrics[`catalog.${key}.mb`] = round(bytes / MB, 2);
      metrics[`parse.${key}.ms`] = round(parse.medianMs, 2);
      metrics[`validate.${key}.ms`] = round(check.medianMs, 2);
      metrics[`validate.${key}.p95Ms`] = round(check.p95Ms, 2);
      metrics[`validate.${key}.msPerMb`] = round(check.medianMs / (bytes / MB), 2);
      metrics[`validate.${key}.ratio`] = round(check.medianMs / parse.medianMs, 2);
      metrics[`validate.${key}.runs`] = check.runs;
      ctx.log(
        `validate scale ${scale}: parse ${parse.medianMs.toFixed(1)} ms, validate ${check.medianMs.toFixed(1)} ms (${check.runs} runs)`,
      );
    }
    const first = ctx.scales[0];
    const last = ctx.scales.at(-1);
    if (first === 1 && last !== undefined && last > 1) {
      metrics[`validate.linearity`] = round(
        metrics[`validate.s${last}.msPerMb`]! / metrics[`validate.s${first}.msPerMb`]!,
        3,
      );
      // JSON.parse itself costs more per MB on a bigger heap (memory and garbage collection): the
      // same quotient for the ratio says whether validate grows faster than parsing does.
      metrics[`validate.linearityVsParse`] = round(
        metrics[`validate.s${last}.ratio`]! / metrics[`validate.s${first}.ratio`]!,
        3,
      );
    }
    Object.assign(metrics, validateLines(ctx));
    return metrics;
  },

  format(metrics, ctx) {
    const rows = ctx.scales.map((scale) => {
      const k = (name: string) => metrics[`${name}.s${scale}.${name === "catalog" ? "mb" : "ms"}`];
      return [
        `${scale}×`,
        `${k("catalog")?.toFixed(1)} MB`,
        `${k("parse")?.toFixed(1)} ms`,
        `${k("validate")?.toFixed(1)} ms`,
        `${metrics[`validate.s${scale}.p95Ms`]?.toFixed(1)} ms`,
        metrics[`validate.s${scale}.ratio`]?.toFixed(2) ?? "",
        metrics[`validate.s${scale}.msPerMb`]?.toFixed(1) ?? "",
      ];
    });
    const header = ["scale", "size", "JSON.parse", "validate", "validate p95", "ratio", "validate ms/MB"];
    const lines = table([header, ...rows]);
    const linearity = metrics["validate.linearity"];
    if (linearity !== undefined)
      lines.push(
        `linearity (validate ms/MB at ${ctx.scales.at(-1)}× ÷ at 1×): ${linearity.toFixed(2)}  (1.00 = linear)`,
      );
    const vsParse = metrics["validate.linearityVsParse"];
    if (vsParse !== undefined)
      lines.push(
        `linearity against JSON.parse (ratio at ${ctx.scales.at(-1)}× ÷ at 1×): ${vsParse.toFixed(2)}  (≤ 1.00 = grows no faster than parsing)`,
      );
    lines.push(
      "medians; validate's input is the parsed document (JSON.parse is timed separately); target ratio ≤ 2",
    );
    lines.push(...formatLines(metrics, "validate"));
    return lines.join("\n");
  },
};

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Left-aligned first column, right-aligned numbers. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
  );
}
