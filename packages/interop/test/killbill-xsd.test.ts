/**
 * The exported XML against Kill Bill's catalog schema. Kill Bill generates its XSD from its JAXB
 * classes at build time and the repo does not ship it, so:
 * - always: the export is checked against the structural rules of `killbill/structure.ts` (element
 *   order of every sequence, required elements and attributes, enumerations, value types);
 * - when KILLBILL_CATALOG_XSD names the real XSD (`scripts/killbill-xsd.sh` regenerates it from a
 *   Kill Bill checkout): xmllint validates the export against it too;
 * - when KILLBILL_CATALOGS_DIR names a folder of Kill Bill catalogs (e.g. Kill Bill's own test
 *   catalogs): each must pass the same structural rules and import without a crash, and with the
 *   XSD, the catalog itself and the export of what was imported must both validate.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Catalog } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { checkStructure, exportKillBill, importKillBill, parseXml } from "../src/index.ts";

const samples = ["saas", "hybrid", "connectivity"];
const xsd = process.env.KILLBILL_CATALOG_XSD;

/** xmllint's report on `xml` against the real XSD ("" when it validates or no XSD is configured). */
function xsdProblems(name: string, xml: string): string {
  if (!xsd) return "";
  const file = join(mkdtempSync(join(tmpdir(), "kb-")), `${name}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (e) {
    // xmllint exits non-zero when the file is invalid; its report is on stderr.
    return String((e as { stderr?: unknown }).stderr ?? e);
  }
}
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
    expect(xsdProblems(name, xml)).toEqual("");
  });

  it("the StreamFlix fixture, with a price-list rule, re-exports to conforming XML", () => {
    const text = readFileSync(join(import.meta.dirname, "fixtures/killbill/streaming.xml"), "utf8").replace(
      "<toPriceList>DEFAULT</toPriceList>",
      "<fromPriceList>Students</fromPriceList><toPriceList>DEFAULT</toPriceList>",
    );
    const r = importKillBill(text);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const xml = exportKillBill(r.catalog).xml;
    expect(xml).toContain("<fromPriceList>students</fromPriceList>");
    const tree = parseXml(xml);
    if (!tree.ok) throw new Error(tree.message);
    expect(checkStructure(tree.root)).toEqual([]);
    expect(xsdProblems("streaming", xml)).toEqual("");
  });

  it("the structural rules refuse what the XSD refuses", () => {
    const xml = exportKillBill(sample("saas")).xml.replace(
      "<category>BASE</category>",
      "<category>BASIC</category>",
    );
    const tree = parseXml(xml);
    if (!tree.ok) throw new Error(tree.message);
    expect(checkStructure(tree.root).map((p) => p.code)).toEqual(["killbill.xml.value"]);
    if (xsd) expect(xsdProblems("bad", xml)).toMatch(/'BASIC' is not an element of the set/);
  });

  const dir = process.env.KILLBILL_CATALOGS_DIR;
  it(`external Kill Bill catalogs (${dir ?? "KILLBILL_CATALOGS_DIR not set"}) conform and import`, () => {
    for (const f of dir ? readdirSync(dir).filter((n) => n.endsWith(".xml")) : []) {
      const text = readFileSync(join(dir!, f), "utf8");
      const r = importKillBill(text);
      const structural = r.ok ? [] : r.diagnostics.filter((d) => d.code.startsWith("killbill.xml."));
      const source = xsdProblems(f, text);
      const reexport = r.ok ? xsdProblems(`re-${f}`, exportKillBill(r.catalog).xml) : "not imported";
      expect({ file: f, structural, source, reexport }).toEqual({
        file: f,
        structural: [],
        source: "",
        reexport: "",
      });
    }
  });
});
