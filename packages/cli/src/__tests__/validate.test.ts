import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { examples, run } from "./harness.ts";

const saasText = readFileSync(`${examples}saas.catalog.json`, "utf8");

describe("tessera validate", () => {
  it.each(["saas", "hybrid", "connectivity"])(
    "exits 0 on the %s example with a summary line",
    async (name) => {
      const r = await run(["validate", `schemas/examples/${name}.catalog.json`]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(`${name}.catalog.json: valid (0 errors, 0 warnings)\n`);
      expect(r.code).toBe(0);
    },
  );

  it("exits 1 on an invalid catalog with one line per diagnostic", async () => {
    const r = await run(["validate", "-"], { stdin: JSON.stringify({ id: "acme", name: "Acme" }) });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^<stdin>: invalid \(\d+ errors?, 0 warnings\)$/);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^error [a-z.-]+ \/\S* \S.*$/);
    expect(r.stdout).toContain("error schema.required / ");
  });

  it("prints exactly { valid, diagnostics } with --json", async () => {
    const doc = JSON.parse(saasText);
    doc.packages[1].charges[0].pricePoints = doc.packages[1].charges[0].pricePoints.filter(
      (p: { currency: string }) => p.currency !== "JPY",
    );
    const r = await run(["validate", "--json", "-"], { stdin: JSON.stringify(doc) });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["valid", "diagnostics"]);
    expect(out.valid).toBe(false);
    expect(out.diagnostics.length).toBeGreaterThan(0);
    for (const d of out.diagnostics) {
      expect(Object.keys(d)).toEqual(["code", "severity", "pointer", "message"]);
      expect(d.pointer.startsWith("/packages/1")).toBe(true);
    }
  });

  it("prints { valid: true, diagnostics: [] } for a clean catalog", async () => {
    const r = await run(["validate", "schemas/examples/saas.catalog.json", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, diagnostics: [] });
    expect(r.code).toBe(0);
  });

  it("exits 0 when the catalog has only warnings", async () => {
    const doc = JSON.parse(saasText);
    const storage = doc.packages[1].components[1];
    expect(storage.step).toBe(10);
    storage.max = 1005; // quantities step by 10 from 0, so 1005 is never reached: a warning, not an error
    const r = await run(["validate", "-"], { stdin: JSON.stringify(doc) });
    expect(r.stdout).toMatch(/^warning \S+ \/packages\/1\/components\/1\/max /m);
    expect(r.stdout).toMatch(/<stdin>: valid \(0 errors, [1-9]\d* warnings?\)\n$/);
    expect(r.code).toBe(0);
  });

  it("exits 2 with one line when the file is missing", async () => {
    const r = await run(["validate", "schemas/examples/nope.json"]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: "tessera: cannot read schemas/examples/nope.json: no such file\n",
    });
  });

  it("exits 2 when the path is a directory", async () => {
    const r = await run(["validate", "schemas"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("tessera: cannot read schemas: it is a directory, not a file\n");
  });

  it("exits 2 on text that is not JSON, saying where", async () => {
    const r = await run(["validate", "-", "--json"], { stdin: '{\n  "id": "x",\n  oops\n}' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "tessera: <stdin> is not valid JSON: line 3, column 3: expected a property name in double quotes, found `o`\n",
    );
  });

  it("exits 2 on empty input", async () => {
    const r = await run(["validate", "-"], { stdin: "  \n" });
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: "tessera: <stdin> is empty, expected a JSON document\n",
    });
  });

  it("resolves relative paths from the user's directory", async () => {
    const r = await run(["validate", "hybrid.catalog.json"], { cwd: examples });
    expect(r.code).toBe(0);
  });

  it("exits 2 on usage errors", async () => {
    expect((await run(["validate"])).code).toBe(2);
    expect((await run(["validate", "a.json", "b.json"])).code).toBe(2);
    const r = await run(["validate", "--strict", "a.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option --strict");
  });

  it("shows its help with --help and exits 0", async () => {
    const r = await run(["validate", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: tessera validate <catalog.json | -> [--json]");
  });
});
