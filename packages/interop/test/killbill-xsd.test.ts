/**
 * The exported XML against Kill Bill's catalog schema. Kill Bill generates its XSD from its JAXB
 * classes at build time and the repo does not ship it, so:
 * - always: the export is checked against the structural rules of `killbill/structure.ts` (element
 *   order of every sequence, required elements and attributes, enumerations, value types);
 * - when KILLBILL_CATALOG_XSD names the real XSD: xmllint validates the export against it too;
 * - when KILLBILL_CATALOGS_DIR names a folder of Kill Bill catalogs (e.g. Kill Bill's own test
 *   catalogs): each must pass the same structural rules and import without a crash.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { checkStructure, exportKillBill, importKillBill, parseXml } from "../src/index.ts";

const samples = ["saas", "hybrid", "connectivity"];
const sample = (name: string): Catalog =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, "../../../schemas/examples", `${name}.catalog.json`), "utf8"),
  );

describe("exported Kill Bill XML conforms to the catalog schema", () => {
  it.each(samples)("%s", (name) => {
    const xml = exportKillBill(sample(name)).xml;
    const tree = parseXml(xml);
    if (!tree.ok) throw new Error(tree.message);
    expect(checkStructure(tree.root)).toEqual([]);
    const xsd = process.env.KILLBILL_CATALOG_XSD;
    if (xsd) {
      const file = join(mkdtempSync(join(tmpdir(), "kb-")), `${name}.xml`);
      writeFileSync(file, xml);
      // xmllint exits non-zero (and execFileSync throws with its report) when the file is invalid.
      const out = execFileSync("xmllint", ["--noout", "--schema", xsd, file], {
        encoding: "utf8",
        stdio: "pipe",
      });
      expect(out).toBe("");
    }
  });

  it("the structural rules refuse what the XSD refuses", () => {
    const xml = exportKillBill(sample("saas")).xml.replace(
      "<category>BASE</category>",
      "<category>BASIC</category>",
    );
    const tree = parseXml(xml);
    if (!tree.ok) throw new Error(tree.message);
    expect(checkStructure(tree.root).map((p) => p.code)).toEqual(["killbill.xml.value"]);
  });

  const dir = process.env.KILLBILL_CATALOGS_DIR;
  it(`external Kill Bill catalogs (${dir ?? "KILLBILL_CATALOGS_DIR not set"}) conform and import`, () => {
    for (const f of dir ? readdirSync(dir).filter((n) => n.endsWith(".xml")) : []) {
      const r = importKillBill(readFileSync(join(dir!, f), "utf8"));
      const structural = r.ok ? [] : r.diagnostics.filter((d) => d.code.startsWith("killbill.xml."));
      expect({ file: f, structural }).toEqual({ file: f, structural: [] });
    }
  });
});
