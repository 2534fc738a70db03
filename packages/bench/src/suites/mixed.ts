/**
 * Mixed traffic on the service (issue 11): 50 connections over the feed, getVersion, configure and
 * price for `TESSERA_BENCH_MIXED_S` seconds (default 30) on PGlite and, when DATABASE_URL is set,
 * on PostgreSQL; then `/healthz` while four oversized validations saturate the engine's workers
 * (see apps/server/bench/mixed.ts). Targets: `mixed.errors` 0, `mixed.p99Ms` ≤ 100 on PostgreSQL,
 * `mixed.rssGrowthMb` ≤ 50, `healthz.underLoad.p99Ms` ≤ 100. `mixed.*` are PostgreSQL's figures
 * when it ran, PGlite's otherwise; `mixed.pglite.*` and `mixed.postgres.*` are each database's.
 */
import { runMixedBench } from "@tessera/server/bench/mixed";
import type { BenchContext } from "../context.ts";
import type { Metrics, Suite } from "../suite.ts";

export const mixedSuite: Suite = {
  name: "mixed",
  description:
    "feed + getVersion + configure + price at 50 connections, and /healthz under oversized validations",

  run(ctx: BenchContext): Promise<Metrics> {
    const seconds = Number(process.env.TESSERA_BENCH_MIXED_S || 30);
    return runMixedBench({ durationS: seconds > 0 ? seconds : 30, connections: 50, log: ctx.log });
  },

  format(metrics: Metrics): string {
    const rows = ["pglite", "postgres"]
      .filter((db) => metrics[`mixed.${db}.rps`] !== undefined)
      .map(
        (db) =>
          `${db.padEnd(9)} ${String(metrics[`mixed.${db}.rps`]).padStart(8)} ${String(metrics[`mixed.${db}.p99Ms`]).padStart(8)} ` +
          `${String(metrics[`mixed.${db}.errors`]).padStart(7)} ${String(metrics[`mixed.${db}.rssGrowthMb`]).padStart(10)}`,
      );
    const healthz = metrics["healthz.underLoad.p99Ms"]!;
    return [
      `${"database".padEnd(9)} ${"req/s".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)} ${"RSS +MB".padStart(10)}`,
      ...rows,
      `/healthz p99 under 4 oversized validations: ${healthz} ms (${healthz <= 100 ? "meets" : "misses"} the 100 ms target; ${metrics["healthz.idle.p99Ms"]} ms with no load)`,
      `mixed: ${metrics["mixed.errors"] === 0 ? "no errors" : `${metrics["mixed.errors"]} errors`}, p99 ${metrics["mixed.p99Ms"]} ms (target ≤ 100 on PostgreSQL), RSS +${metrics["mixed.rssGrowthMb"]} MB (target ≤ 50)`,
    ].join("\n");
  },
};
