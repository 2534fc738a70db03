/**
 * The service over HTTP (issue 5): requests/s and p99 of the catalog feed (200 and 304) and of quote
 * pricing, each beside a bare `node:http` server answering the same bytes, measured in the same
 * run with autocannon on loopback (see apps/server/bench/service.ts). Target: feed ≥ 0.5 × baseline.
 * Keys: `feed.ratio`, `feed304.ratio`, `quotePrice.rps`, `quotePrice.p99Ms`, and the raw
 * `*.rps`, `*.p99Ms`, `*.baselineRps`, `*.baselineP99Ms`.
 */
import { runServiceBench } from "@tessera/server/bench";
import type { BenchContext } from "../context.ts";
import type { Metrics, Suite } from "../suite.ts";

export const serviceSuite: Suite = {
  name: "service",
  description: "HTTP feed (200/304) and quote pricing vs a bare node:http baseline, autocannon on loopback",

  run(ctx: BenchContext): Promise<Metrics> {
    return runServiceBench({ durationS: 6, connections: 10, log: ctx.log });
  },

  format(metrics: Metrics): string {
    const row = (key: string) =>
      `${key.padEnd(11)} ${String(metrics[`${key}.rps`]).padStart(8)} ${String(metrics[`${key}.p99Ms`]).padStart(8)} ` +
      `${String(metrics[`${key}.baselineRps`]).padStart(13)} ${String(metrics[`${key}.baselineP99Ms`]).padStart(13)} ` +
      `${String(metrics[`${key}.ratio`]).padStart(7)}`;
    return [
      `${"endpoint".padEnd(11)} ${"req/s".padStart(8)} ${"p99 ms".padStart(8)} ${"baseline r/s".padStart(13)} ${"baseline p99".padStart(13)} ${"ratio".padStart(7)}`,
      row("feed"),
      row("feed304"),
      row("quotePrice"),
      `feed ratio ${metrics["feed.ratio"]! >= 0.5 ? "meets" : "misses"} the 0.5 × baseline target`,
    ].join("\n");
  },
};
