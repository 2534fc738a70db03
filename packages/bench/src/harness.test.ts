import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type BenchContext, createContext } from "./context.ts";
import { measure } from "./measure.ts";
import { suites } from "./suites/index.ts";
import { validateSuite } from "./suites/validate.ts";

/** A context over scale 1 whose measurements take a single run, to keep the test fast. */
function quickContext(): BenchContext {
  const ctx = createContext({ scales: [1], seed: 3, log: () => {} });
  return { ...ctx, measure: (fn, o) => measure(fn, { ...o, warmup: 0, minRuns: 1, minMs: 0 }) };
}

describe("bench context", () => {
  it("generates each scale once and compiles it", () => {
    const ctx = createContext({ scales: [1], seed: 3, log: () => {} });
    const a = ctx.catalog(1);
    expect(ctx.catalog(1)).toBe(a);
    expect(a.bytes).toBe(Buffer.byteLength(a.text));
    expect(JSON.parse(a.text)).toEqual(a.doc);
    expect(ctx.compiled(1).packages.get("big-0")?.value.id).toBe("big-0");
  });
});

describe("suites", () => {
  it("have unique names", () => {
    const names = suites.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("validate");
  });

  it("validate reports parse and validate medians and their ratio per scale", async () => {
    const ctx = quickContext();
    const m = await validateSuite.run(ctx);
    for (const key of [
      "parse.s1.ms",
      "validate.s1.ms",
      "validate.s1.ratio",
      "validate.s1.msPerMb",
      "catalog.s1.mb",
    ])
      expect(m[key]).toBeGreaterThan(0);
    expect(m["validate.s1.ratio"]).toBeCloseTo(m["validate.s1.ms"]! / m["parse.s1.ms"]!, 1);
    const text = validateSuite.format!(m, ctx);
    expect(text).toMatch(/^scale\s+size\s+JSON\.parse\s+validate/);
    expect(text).toContain("validate's input is the parsed document");
  });
});

describe("pnpm bench", () => {
  const main = fileURLToPath(new URL("./main.ts", import.meta.url));
  const bench = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
      cwd: fileURLToPath(new URL("../", import.meta.url)),
      encoding: "utf8",
      timeout: 60_000,
    });

  it("refuses an unknown suite with exit code 2 and lists the suites", () => {
    const r = bench("--only", "nope");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown suite nope");
    expect(r.stderr).toContain("Suites: validate");
  });

  it("prints its usage with --help", () => {
    const r = bench("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: pnpm bench");
  });
});
