/**
 * Golden catalogs: each `golden/<name>.catalog.json` is a defective catalog and
 * `golden/<name>.expected.json` the exact diagnostics `validate` must report for it.
 * Run with UPDATE_GOLDEN=1 to rewrite the expected files after an intended change, then review
 * the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resolvePointer } from "../src/diagnostic.ts";
import { validateText } from "../src/validate/index.ts";

const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, "golden");
const examplesDir = join(here, "..", "..", "..", "schemas", "examples");
const update = process.env.UPDATE_GOLDEN === "1";

const names = readdirSync(goldenDir)
  .filter((f) => f.endsWith(".catalog.json"))
  .map((f) => f.slice(0, -".catalog.json".length))
  .sort();

describe("golden catalogs", () => {
  it("has at least 8 defective catalogs", () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
  });

  it.each(names)("%s", (name) => {
    const text = readFileSync(join(goldenDir, `${name}.catalog.json`), "utf8");
    const result = validateText(text);
    const expectedPath = join(goldenDir, `${name}.expected.json`);
    if (update || !existsSync(expectedPath))
      writeFileSync(expectedPath, `${JSON.stringify(result.diagnostics, null, 2)}\n`);
    const expected: unknown = JSON.parse(readFileSync(expectedPath, "utf8"));
    expect(result.diagnostics).toEqual(expected);
    expect(result.valid).toBe(false);
    const doc: unknown = JSON.parse(text);
    for (const d of result.diagnostics) expect(resolvePointer(doc, d.pointer).found).toBe(true);
  });
});

const samples = existsSync(examplesDir)
  ? readdirSync(examplesDir)
      .filter((f) => f.endsWith(".catalog.json"))
      .sort()
  : [];

describe("sample catalogs", () => {
  it("exist", () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(samples)("%s validates with no errors and no warnings", (file) => {
    const result = validateText(readFileSync(join(examplesDir, file), "utf8"));
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.catalog).toBeDefined();
  });
});
