/** `tessera export <catalog>`: the validated catalog as canonical JSON, for consuming services. */

import { canonicalJson } from "@tessera/engine";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import { resolvePath } from "../io.ts";
import { loadCatalog } from "../load.ts";
import { formatDiagnostic } from "../report.ts";

export const exportCommand: Command = {
  name: "export",
  summary: "validate a catalog and print it as canonical JSON",
  usage: `Usage: tessera export <catalog.json | -> [--out file] [--compact] [--json]

Validates the catalog and, when it has no errors, prints it as canonical JSON: object keys
sorted at every level (RFC 8785 order), arrays in their original order, so the same catalog
always gives the same bytes and the same content hash. Nothing is printed to stdout when the
catalog is invalid.

Options:
  --out file   write the JSON to this file instead of stdout
  --compact    one line, no indentation
  --json       on an invalid catalog, print the validate JSON ({ valid, diagnostics }) on stdout
               instead of readable diagnostics on stderr
  --help       show this help

Exit codes: 0 exported, 1 catalog invalid, 2 usage or input error.`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json", "compact"], options: ["out"] });
    if (!args.ok) {
      io.stderr(`tessera export: ${args.message}\nUsage: tessera export <catalog.json | -> [--out file]\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length !== 1) {
      io.stderr(
        `tessera export: expected one catalog file (or - for stdin), got ${args.positionals.length}\n`,
      );
      return ExitCode.usage;
    }
    const loaded = await loadCatalog(io, args.positionals[0]!, { json: args.flags.has("json") });
    if (!loaded.ok) return loaded.exitCode;
    // Warnings do not block the export, but the author should still see them.
    for (const d of loaded.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    const text = canonicalJson(loaded.doc, { compact: args.flags.has("compact") });
    const out = args.options.get("out");
    if (out === undefined) {
      io.stdout(text);
      return ExitCode.ok;
    }
    try {
      await io.writeFile(resolvePath(io, out), text);
    } catch (e) {
      const why = (e as { code?: string } | null)?.code ?? (e instanceof Error ? e.message : String(e));
      io.stderr(`tessera: cannot write ${out}: ${why}\n`);
      return ExitCode.usage;
    }
    io.stderr(`tessera: wrote ${out} (${Buffer.byteLength(text)} bytes)\n`);
    return ExitCode.ok;
  },
};
