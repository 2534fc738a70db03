/**
 * Wall-clock measurement for benchmarks (never for tests): warm up, then time repeated runs with
 * `performance.now()` until both a minimum number of runs and a minimum total time are reached,
 * and report the median and the 95th percentile. Timings are plain numbers of milliseconds —
 * durations, not money.
 */

export interface MeasureOptions<T> {
  /** Fewest timed runs (default 5). */
  minRuns?: number;
  /** Keep running until the timed runs add up to this many ms (default 1000). */
  minMs?: number;
  /** Never more timed runs than this (default 10,000). */
  maxRuns?: number;
  /**
   * Time budget: stop once the timed runs add up to this many ms, even before minRuns (there is
   * always at least one run). Keeps slow inputs from stretching the bench (default: none).
   */
  maxMs?: number;
  /** Untimed runs first, so the JIT has compiled the hot paths (default 2). */
  warmup?: number;
  /** Builds a fresh input for each run, outside the timer (e.g. a newly parsed document). */
  setup?: () => T;
  /** Run a full garbage collection before each run when node was started with --expose-gc. */
  gc?: boolean;
}

export interface Measurement {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  meanMs: number;
  runs: number;
}

/** The value at quantile q (0..1) of ascending `sorted`, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The median of ascending `sorted` (mean of the two middle values for an even count). */
export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const collect = (globalThis as { gc?: () => void }).gc;

/** Times `fn` and summarises the runs. */
export function measure<T = undefined>(
  fn: (input: T) => unknown,
  options: MeasureOptions<T> = {},
): Measurement {
  const {
    minRuns = 5,
    minMs = 1000,
    maxRuns = 10_000,
    maxMs = Infinity,
    warmup = 2,
    setup,
    gc = false,
  } = options;
  const input = () => (setup ? setup() : (undefined as T));
  for (let i = 0; i < warmup; i++) fn(input());
  const times: number[] = [];
  let total = 0;
  while (
    times.length < maxRuns &&
    (times.length < minRuns || total < minMs) &&
    !(times.length > 0 && total >= maxMs)
  ) {
    const x = input();
    if (gc) collect?.();
    const start = performance.now();
    fn(x);
    const ms = performance.now() - start;
    times.push(ms);
    total += ms;
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: median(times),
    p95Ms: quantile(times, 0.95),
    minMs: times[0]!,
    meanMs: total / times.length,
    runs: times.length,
  };
}
