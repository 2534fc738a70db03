/**
 * The CLI speaks weeks, two-week periods, phases and the arrangement's phase in words, and agrees
 * with the engine (the same numbers and dates the path explorer shows). The hybrid sample's weekly
 * bean box is the example: 19.00 a bag every two weeks, the first two weeks at 50% off.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./harness.ts";

const CATALOG = "schemas/examples/hybrid.catalog.json";

async function file(name: string, value: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tessera-weeks-"));
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(value));
  return path;
}

describe("weeks and phases in the CLI", () => {
  it("price: a 26-week term billed every two weeks, with its phases and run rates", async () => {
    // 2 bags × 19.00 = 38.00 per two-week period; 13 periods in 26 weeks. The first two weeks at
    // 50% off: −19.00 once. TCV = 13 × 38.00 − 19.00 = 475.00. MRR = 38.00 × 26 ÷ 12 = 82.333… →
    // 82.33; ARR = 38.00 × 26 = 988.00.
    const quote = await file("quote.json", {
      package: "brew-beans-weekly",
      billingPeriod: "two_weeks",
      termWeeks: 26,
      currency: "USD",
      quantities: { "weekly-beans": 2 },
      startDate: "2026-12-07",
    });
    const r = await run(["price", CATALOG, quote, "--as-of", "2026-12-07"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(
      "brew-beans-weekly · 26 weeks · billed every two weeks · USD · price book list",
    );
    expect(r.stdout).toMatch(/Per two-week period +38\.00/);
    expect(r.stdout).toMatch(/MRR +82\.33/);
    expect(r.stdout).toMatch(/TCV \(26 weeks\) +475\.00/);
    expect(r.stdout).toContain(
      "Phases:\n  - First two weeks: 2 weeks 50% off: 2026-12-07 to 2026-12-21 (1 invoice in the term)\n  - regular price, until cancelled: from 2026-12-21 (12 invoices in the term)",
    );
  });

  it("paths: the arrangement in words, a weekly upgrade's proration and a renewal in weeks", async () => {
    // A weekly box in its discount phase until 2026-12-21, on a 6-week term from Monday 2026-12-07.
    const arrangement = await file("arrangement.json", {
      catalogId: "brewline",
      catalogVersion: 1,
      package: "brew-beans-weekly",
      currency: "USD",
      billingPeriod: "week",
      quantities: { "weekly-beans": 1 },
      term: { weeks: 6, start: "2026-12-07", end: "2027-01-18" },
      billingAnchor: "2026-12-07",
      start: "2026-12-07",
      phase: "discount",
      phaseIndex: 0,
      phaseEnds: "2026-12-21",
    });
    const r = await run(["paths", CATALOG, arrangement, "--as-of", "2026-12-10"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    // 9.50 a week: MRR 9.50 × 52 ÷ 12 = 41.166… → 41.17.
    expect(lines[0]).toBe("brew-beans-weekly: 9.50 USD per period, MRR 41.17");
    expect(lines[1]).toBe(
      "Weekly bean box, billed weekly; 6-week term 2026-12-07 to 2027-01-18; in its discount phase (First two weeks: 2 weeks 50% off) until 2026-12-21.",
    );
    expect(r.stdout).toContain("✓ renew:6w");
    expect(r.stdout).toContain("new 6-week term 2027-01-18 to 2027-03-01");
  });
});
