/**
 * `tessera export <catalog> [--format json|killbill|stripe|csv|tmf620]`: the validated catalog for
 * consuming services, as canonical JSON or in another system's format.
 */

import { canonicalJson } from "@tessera/engine";
import {
  exportKillBill,
  exportPriceSheet,
  exportStripe,
  type InteropDiagnostic,
  stringifyTmf,
  toTmf620,
} from "@tessera/interop";
import type { Catalog } from "@tessera/schema";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import { loadCatalog } from "../load.ts";
import { writeOutput } from "../output.ts";
import { formatDiagnostic } from "../report.ts";

const FORMATS = ["json", "killbill", "stripe", "csv", "tmf620"] as const;
type Format = (typeof FORMATS)[number];

const SYNOPSIS =
  "Usage: tessera export <catalog.json | -> [--format json|killbill|stripe|csv|tmf620] [--out file] [--compact] [--json]";

function render(
  format: Format,
  doc: Catalog,
  compact: boolean,
): { text: string; losses: InteropDiagnostic[] } {
  switch (format) {
    case "killbill": {
      const { xml, losses } = exportKillBill(doc);
      return { text: xml.endsWith("\n") ? xml : `${xml}\n`, losses };
    }
    case "stripe": {
      const { products, prices, losses } = exportStripe(doc);
      return { text: `${JSON.stringify({ products, prices }, null, compact ? undefined : 2)}\n`, losses };
    }
    case "csv":
      return { text: exportPriceSheet(doc), losses: [] };
    case "tmf620":
      // Money values are exact number tokens (see stringifyTmf); the version is the document's own.
      return {
        text: `${stringifyTmf(toTmf620(doc, doc.version ?? 1), compact ? undefined : 2)}\n`,
        losses: [],
      };
    default:
      return { text: canonicalJson(doc, { compact }), losses: [] };
  }
}

export const exportCommand: Command = {
  name: "export",
  summary: "validate a catalog and print it as JSON, Kill Bill XML, Stripe payloads or CSV prices",
  usage: `${SYNOPSIS}

Validates the catalog and, when it has no errors, prints it in the chosen format. Nothing is
printed to stdout when the catalog is invalid.

Formats:
  json       (default) canonical JSON: object keys sorted at every level (RFC 8785 order),
             arrays in their original order, so the same catalog always gives the same bytes
  killbill   a Kill Bill catalog XML document (products, plans, price lists, rules); what Kill
             Bill cannot carry is listed on stderr as "loss" warnings (see packages/interop/README.md)
  stripe     { products, prices }: the Stripe Product and Price payloads a sync job would send,
             each price with a lookup_key; what Stripe cannot hold is listed as "loss" warnings
  tmf620     { catalog, category, productSpecification, productOffering, productOfferingPrice }:
             the TM Forum TMF620 v5 resources the server serves at /tmf-api/productCatalogManagement/v5
  csv        the price points, one row each, for a spreadsheet round trip
             (bring it back with: tessera import prices.csv --from csv --into catalog.json)

Options:
  --format f   one of ${FORMATS.join(", ")}
  --out file   write the output to this file instead of stdout
  --compact    json, stripe and tmf620: one line, no indentation
  --json       on an invalid catalog, print the validate JSON ({ valid, diagnostics }) on stdout
               instead of readable diagnostics on stderr
  --help       show this help

Exit codes: 0 exported, 1 catalog invalid, 2 usage or input error.`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json", "compact"], options: ["out", "format"] });
    if (!args.ok) {
      io.stderr(`tessera export: ${args.message}\n${SYNOPSIS}\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length !== 1) {
      io.stderr(
        `tessera export: expected one catalog file (or - for stdin), got ${args.positionals.length}\n`,
      );
      return ExitCode.usage;
    }
    const format = (args.options.get("format") ?? "json") as Format;
    if (!FORMATS.includes(format)) {
      io.stderr(`tessera export: --format must be one of ${FORMATS.join(", ")}, not "${format}"\n`);
      return ExitCode.usage;
    }
    const loaded = await loadCatalog(io, args.positionals[0]!, { json: args.flags.has("json") });
    if (!loaded.ok) return loaded.exitCode;
    // Warnings do not block the export, but the author should still see them.
    for (const d of loaded.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    const { text, losses } = render(format, loaded.doc as Catalog, args.flags.has("compact"));
    for (const l of losses) io.stderr(`loss ${l.code} ${l.pointer || "/"} ${l.message}\n`);
    return (await writeOutput(io, args.options.get("out"), text)) ? ExitCode.ok : ExitCode.usage;
  },
};
