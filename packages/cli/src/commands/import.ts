/** `tessera import <file> --from killbill`: a foreign catalog format as a Tessera catalog. */

import { canonicalJson } from "@tessera/engine";
import {
  applyPriceSheet,
  formatInteropDiagnostic,
  type InteropDiagnostic,
  importKillBill,
} from "@tessera/interop";
import type { Catalog } from "@tessera/schema";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import { readTextInput, shortLabel } from "../input.ts";
import type { Io } from "../io.ts";
import { loadCatalog } from "../load.ts";
import { writeOutput } from "../output.ts";

const SYNOPSIS = `Usage: tessera import <file | -> --from killbill [--out file] [--json]
       tessera import <prices.csv | -> --from csv --into <catalog.json> [--out file] [--json]`;

/** The machine shape of a diagnostic from a foreign file: the engine's four fields plus line and column. */
export function diagnosticJson(d: InteropDiagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    pointer: d.pointer,
    message: d.message,
    ...(d.location ? { line: d.location.line, column: d.location.column, at: d.location.at ?? null } : {}),
  };
}

export const importCommand: Command = {
  name: "import",
  summary: "convert Kill Bill catalog XML into a Tessera catalog, or apply a CSV price sheet",
  usage: `${SYNOPSIS}

Reads a Kill Bill catalog (XML) and prints the Tessera catalog it maps to as canonical JSON.
What Tessera cannot hold (alignment rules, CAPACITY usage, unsupported billing periods…) is
reported as warnings with the line and column of the XML element; the full list of losses is in
packages/interop/README.md. The imported catalog is then validated like any other.

With --from csv, reads a price sheet (as written by tessera export --format csv) and applies it
to the catalog named by --into: it prints the changes as diff lines (BREAKING when a consumer
can break, e.g. a deleted row removes a price point), and writes the updated catalog only to
--out, so the changes can be reviewed before they are applied. Bad cells are reported with their
row and column (e.g. prices.csv:4:8 H4).

Options:
  --from f         the input format, killbill or csv (required)
  --into catalog   csv: the catalog the prices apply to
  --out file       write the catalog to this file instead of stdout
  --json           print { ok, valid, catalog, diagnostics } on stdout; each diagnostic has
                   code, severity, pointer, message and, for the XML, line, column and at
  --help           show this help

Exit codes: 0 imported and valid, 1 imported but the catalog does not validate (diagnostics
printed), 2 usage error, unreadable file, malformed XML or XML that is not a Kill Bill catalog.`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"], options: ["from", "out", "into"] });
    if (!args.ok) {
      io.stderr(`tessera import: ${args.message}\n${SYNOPSIS}\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length !== 1) {
      io.stderr(`tessera import: expected one input file (or - for stdin), got ${args.positionals.length}\n`);
      return ExitCode.usage;
    }
    const from = args.options.get("from");
    if (from !== "killbill" && from !== "csv") {
      io.stderr(
        `tessera import: --from must be killbill or csv${from === undefined ? "" : `, not "${from}"`}\n${SYNOPSIS}\n`,
      );
      return ExitCode.usage;
    }
    const into = args.options.get("into");
    if ((from === "csv") !== (into !== undefined)) {
      io.stderr(
        `tessera import: --into <catalog.json> goes with --from csv, and only with it\n${SYNOPSIS}\n`,
      );
      return ExitCode.usage;
    }
    const input = await readTextInput(io, args.positionals[0]!);
    if (!input.ok) {
      io.stderr(`tessera: ${input.message}\n`);
      return ExitCode.usage;
    }
    const label = shortLabel(input.label);
    if (from === "csv")
      return importSheet(io, input.text, label, into!, args.options.get("out"), args.flags.has("json"));
    const result = importKillBill(input.text);
    const json = args.flags.has("json");
    if (json)
      io.stdout(
        `${JSON.stringify(
          {
            ok: result.ok,
            valid: result.ok && result.valid,
            ...(result.ok ? { catalog: result.catalog } : {}),
            diagnostics: result.diagnostics.map(diagnosticJson),
          },
          null,
          2,
        )}\n`,
      );
    else for (const d of result.diagnostics) io.stderr(`${formatInteropDiagnostic(d, label)}\n`);
    if (!result.ok) {
      if (!json) io.stderr(`${label}: not a Kill Bill catalog Tessera can read\n`);
      return ExitCode.usage;
    }
    if (!json) {
      const written = await writeOutput(io, args.options.get("out"), canonicalJson(result.catalog));
      if (!written) return ExitCode.usage;
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      io.stderr(
        `${label}: imported, ${result.valid ? "valid" : `invalid (${errors} error${errors === 1 ? "" : "s"})`}\n`,
      );
    }
    return result.valid ? ExitCode.ok : ExitCode.invalid;
  },
};

async function importSheet(
  io: Io,
  text: string,
  label: string,
  into: string,
  out: string | undefined,
  json: boolean,
): Promise<number> {
  const loaded = await loadCatalog(io, into, { json });
  if (!loaded.ok) return loaded.exitCode;
  const result = applyPriceSheet(loaded.doc as Catalog, text);
  if (json)
    io.stdout(
      `${JSON.stringify(
        {
          ok: result.ok,
          valid: result.ok && result.valid,
          ...(result.ok ? { diff: result.diff, catalog: result.catalog } : {}),
          diagnostics: result.diagnostics.map(diagnosticJson),
        },
        null,
        2,
      )}\n`,
    );
  else for (const d of result.diagnostics) io.stderr(`${formatInteropDiagnostic(d, label)}\n`);
  if (!result.ok)
    return result.diagnostics.some((d) => d.code === "csv.syntax" || d.code === "csv.header")
      ? ExitCode.usage
      : ExitCode.invalid;
  if (!json)
    for (const c of result.diff.changes)
      io.stdout(
        `${c.breaking ? "BREAKING" : "change  "} ${c.code} ${c.side}:${c.pointer || "/"} ${c.message}\n`,
      );
  if (out !== undefined && !(await writeOutput(io, out, canonicalJson(result.catalog))))
    return ExitCode.usage;
  if (!json)
    io.stderr(
      `${label}: ${result.diff.changes.length} change${result.diff.changes.length === 1 ? "" : "s"}${out === undefined ? " (not written; pass --out to save the updated catalog)" : ""}\n`,
    );
  return result.valid ? ExitCode.ok : ExitCode.invalid;
}
