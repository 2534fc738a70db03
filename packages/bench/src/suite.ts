/** The contract of a benchmark suite (one file per suite under `suites/`, listed in `suites/index.ts`). */
import type { BenchContext } from "./context.ts";

export type Metrics = Record<string, number>;

export interface Suite {
  /** Name for `pnpm bench --only <name>`; also the prefix of its metric keys by convention. */
  readonly name: string;
  /** One line saying what is measured. */
  readonly description: string;
  /** Runs the measurements; returns flat metrics such as `{ "validate.s1.ms": 12.3 }`. */
  run(ctx: BenchContext): Metrics | Promise<Metrics>;
  /** Human rendering of the metrics (a table); the harness prints `key value` lines otherwise. */
  format?(metrics: Metrics, ctx: BenchContext): string;
}
