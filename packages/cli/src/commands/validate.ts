/** `tessera validate <catalog|->`: the catalog's structural and semantic diagnostics. */
import { validate } from "@tessera/engine";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import { readJsonInput, shortLabel } from "../input.ts";
import { formatDiagnostic, formatSummary, validationJson } from "../report.ts";

export const validateCommand: Command = {
  name: "validate",
  summary: "check a catalog's structure and meaning, print its diagnostics",
  usage: `Usage: tessera validate <catalog.json | -> [--json]

Checks a catalog against the JSON Schema, then its meaning: references, ids, prices for every
currency and billing period, tiers, option groups, rules, lifecycle paths. Reads standard input
when the file is "-".

Prints one line per diagnostic ("error schema.required /packages/3 …") and a summary line.

Options:
  --json    print { "valid": boolean, "diagnostics": [{ code, severity, pointer, message }] }
  --help    show this help

Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage or input error
(missing or unreadable file, text that is not JSON).`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"] });
    if (!args.ok) {
      io.stderr(`tessera validate: ${args.message}\nUsage: tessera validate <catalog.json | -> [--json]\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length !== 1) {
      io.stderr(
        `tessera validate: expected one catalog file (or - for stdin), got ${args.positionals.length}\n`,
      );
      return ExitCode.usage;
    }
    const input = await readJsonInput(io, args.positionals[0]!);
    if (!input.ok) {
      io.stderr(`tessera: ${input.message}\n`);
      return ExitCode.usage;
    }
    const { valid, diagnostics } = validate(input.value);
    if (args.flags.has("json")) {
      io.stdout(validationJson(valid, diagnostics));
    } else {
      for (const d of diagnostics) io.stdout(`${formatDiagnostic(d)}\n`);
      io.stdout(`${formatSummary(shortLabel(input.label), valid, diagnostics)}\n`);
    }
    return valid ? ExitCode.ok : ExitCode.invalid;
  },
};
