/** `tessera import <file> --from killbill`: a foreign catalog format as a Tessera catalog. */
import { formatInteropDiagnostic, type InteropDiagnostic, importKillBill } from "@tessera/interop";
import { parseArgs } from "../args.ts";
import { canonicalJson } from "../canonical.ts";
import { type Command, ExitCode } from "../command.ts";
import { readTextInput, shortLabel } from "../input.ts";
import { writeOutput } from "../output.ts";

const SYNOPSIS = "Usage: tessera import <file | -> --from killbill [--out file] [--json]";

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
  summary: "convert a Kill Bill catalog XML file into a Tessera catalog",
  usage: `${SYNOPSIS}

Reads a Kill Bill catalog (XML) and prints the Tessera catalog it maps to as canonical JSON.
What Tessera cannot hold (alignment rules, CAPACITY usage, unsupported billing periods…) is
reported as warnings with the line and column of the XML element; the full list of losses is in
packages/interop/README.md. The imported catalog is then validated like any other.

Options:
  --from killbill  the input format (required)
  --out file       write the catalog to this file instead of stdout
  --json           print { ok, valid, catalog, diagnostics } on stdout; each diagnostic has
                   code, severity, pointer, message and, for the XML, line, column and at
  --help           show this help

Exit codes: 0 imported and valid, 1 imported but the catalog does not validate (diagnostics
printed), 2 usage error, unreadable file, malformed XML or XML that is not a Kill Bill catalog.`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"], options: ["from", "out"] });
    if (!args.ok) {
      io.stderr(`tessera import: ${args.message}\n${SYNOPSIS}\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length !== 1) {
      io.stderr(`tessera import: expected one input file (or - for stdin), got ${args.positionals.length}\n`);
      return ExitCode.usage;
    }
    const from = args.options.get("from");
    if (from !== "killbill") {
      io.stderr(
        `tessera import: --from must be killbill${from === undefined ? "" : `, not "${from}"`}\n${SYNOPSIS}\n`,
      );
      return ExitCode.usage;
    }
    const input = await readTextInput(io, args.positionals[0]!);
    if (!input.ok) {
      io.stderr(`tessera: ${input.message}\n`);
      return ExitCode.usage;
    }
    const label = shortLabel(input.label);
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
