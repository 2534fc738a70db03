import { describe, expect, it } from "vitest";
import { measure, median, quantile } from "./measure.ts";

describe("median and quantile", () => {
  it("use the middle value(s) and the nearest rank", () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile(xs, 0.95)).toBe(19);
    expect(quantile(xs, 1)).toBe(20);
    expect(quantile([7], 0.95)).toBe(7);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe("measure", () => {
  it("warms up, then runs at least minRuns times with a fresh input from setup each run", () => {
    const seen: number[] = [];
    let made = 0;
    const m = measure((x: number) => seen.push(x), { warmup: 2, minRuns: 5, minMs: 0, setup: () => made++ });
    expect(m.runs).toBe(5);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(m.minMs).toBeLessThanOrEqual(m.medianMs);
    expect(m.medianMs).toBeLessThanOrEqual(m.p95Ms);
  });

  it("stops when the time budget is spent, after at least one run", () => {
    const slow = () => {
      const end = performance.now() + 5;
      while (performance.now() < end);
    };
    const m = measure(slow, { warmup: 0, minRuns: 1000, minMs: 0, maxMs: 20 });
    expect(m.runs).toBeGreaterThanOrEqual(1);
    expect(m.runs).toBeLessThan(1000);
    expect(measure(slow, { warmup: 0, minRuns: 3, minMs: 0, maxMs: 0 }).runs).toBe(1);
  });

  it("stops at maxRuns even when minMs is not reached", () => {
    const m = measure(() => 0, { warmup: 0, minRuns: 1, minMs: 60_000, maxRuns: 25 });
    expect(m.runs).toBe(25);
  });
});
