import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson } from "@tessera/engine";
import { describe, expect, it } from "vitest";
import { examples, run } from "./harness.ts";

const saas = JSON.parse(readFileSync(`${examples}saas.catalog.json`, "utf8"));

function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSorted);
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    return keys.every((k, i) => i === 0 || keys[i - 1]! < k) && Object.values(value).every(keysSorted);
  }
  return true;
}

describe("tessera export", () => {
  it("prints the validated catalog as canonical JSON with sorted keys", async () => {
    const r = await run(["export", "schemas/examples/saas.catalog.json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual(saas);
    expect(keysSorted(out)).toBe(true);
    expect(Object.keys(out)[0]).toBe("$schema");
  });

  it("gives the same bytes whatever the author's key order and whitespace", async () => {
    const reversed = JSON.stringify(Object.fromEntries(Object.entries(saas).reverse()));
    const a = await run(["export", "-", "--compact"], { stdin: reversed });
    const b = await run(["export", "schemas/examples/saas.catalog.json", "--compact"]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split("\n")).toHaveLength(2);
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe(
      '{\n  "a": null,\n  "b": [\n    {\n      "c": 2,\n      "d": 1\n    }\n  ]\n}\n',
    );
  });

  it("exports a catalog with warnings, showing them on stderr", async () => {
    const doc = structuredClone(saas);
    doc.packages[1].components[1].max = 1005; // never reached in steps of 10: a warning
    const r = await run(["export", "-"], { stdin: JSON.stringify(doc) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning \S+ \/packages\/1\/components\/1\/max /);
    expect(JSON.parse(r.stdout).packages[1].components[1].max).toBe(1005);
  });

  it("writes to --out and reports it on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-export-"));
    const r = await run(["export", `${examples}hybrid.catalog.json`, "--out", "hybrid.json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^tessera: wrote hybrid\.json \(\d+ bytes\)\n$/);
    expect(JSON.parse(readFileSync(join(dir, "hybrid.json"), "utf8")).id).toBe("brewline");
  });

  it("exits 1 and prints nothing on stdout when the catalog is invalid", async () => {
    const r = await run(["export", "-"], { stdin: JSON.stringify({ ...saas, currencies: [] }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error \S+ \/currencies /m);
    expect(r.stderr).toMatch(/<stdin>: invalid \(\d+ errors?, \d+ warnings?\)\n$/);
  });

  it("prints the validate JSON for an invalid catalog with --json", async () => {
    const r = await run(["export", "-", "--json"], { stdin: JSON.stringify({ ...saas, currencies: [] }) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).valid).toBe(false);
  });

  it("exits 2 on a missing file, a bad --out directory and usage errors", async () => {
    expect((await run(["export", "missing.json"])).code).toBe(2);
    const bad = await run([
      "export",
      "schemas/examples/saas.catalog.json",
      "--out",
      "/nonexistent-dir/x.json",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("tessera: cannot write /nonexistent-dir/x.json: ENOENT\n");
    expect((await run(["export"])).code).toBe(2);
    expect((await run(["export", "a.json", "--out"])).code).toBe(2);
  });
});
