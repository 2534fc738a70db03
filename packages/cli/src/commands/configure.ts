/** `tessera configure <catalog> <selection>`: the state of every choice after the selection's picks. */
import { type Configuration, configure, type Diagnostic } from "@tessera/engine";
import { type Quote, validateQuote } from "@tessera/schema";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import { loadCatalog, loadJson } from "../load.ts";
import { formatDiagnostic } from "../report.ts";

const USAGE_LINE = "Usage: tessera configure <catalog.json | -> <selection.json | -> [--json]";

/** Schema errors of the selection as diagnostics (pointers into the selection). */
function selectionDiagnostics(value: unknown): Diagnostic[] {
  if (validateQuote(value)) return [];
  return (validateQuote.errors ?? []).map((e) => ({
    code: `schema.${e.keyword}`,
    severity: "error" as const,
    pointer: e.instancePath,
    message: `The selection ${e.instancePath === "" ? "" : `at ${e.instancePath} `}${e.message ?? "is invalid"}.`,
  }));
}

const mark: Record<string, string> = {
  selected: "[x]",
  required: "[+]",
  available: "[ ]",
  switch: "[~]",
  disabled: "[-]",
};

/** The readable report: a header, the choices by state, quantities, violations, defaults. */
function readable(c: Configuration): string {
  const lines: string[] = [];
  const status = c.valid ? (c.complete ? "valid, complete" : "valid, incomplete") : "invalid";
  lines.push(
    `${c.package} (${c.termMonths ?? "?"} months, per ${c.billingPeriod ?? "?"}, ${c.currency ?? "?"}): ${status}`,
  );
  const choice = (x: {
    id: string;
    name: string;
    state: string;
    replaces?: string[];
    reason?: { message: string };
  }) =>
    `  ${mark[x.state] ?? "[?]"} ${x.id} (${x.name}) ${x.state}${x.replaces?.length ? ` — replaces ${x.replaces.join(", ")}` : ""}${x.reason ? ` — ${x.reason.message}` : ""}`;
  const commercial = (label: string, state: string, reason?: { message: string }) =>
    `  ${mark[state] ?? "[?]"} ${label} ${state}${reason ? ` — ${reason.message}` : ""}`;
  if (c.terms.length)
    lines.push(
      "Terms:",
      ...c.terms.map((t) => commercial(`${t.months} month${t.months === 1 ? "" : "s"}`, t.state, t.reason)),
    );
  if (c.billingPeriods.length)
    lines.push(
      "Billing periods:",
      ...c.billingPeriods.map((b) =>
        commercial(b.period === "upfront" ? "up front" : `per ${b.period}`, b.state, b.reason),
      ),
    );
  if (c.options.length) lines.push("Options:", ...c.options.map(choice));
  if (c.addOns.length) lines.push("Add-ons:", ...c.addOns.map(choice));
  if (c.quantities.length) {
    lines.push("Quantities:");
    for (const q of c.quantities) {
      const range = `${q.min}–${q.max ?? "∞"}${q.step !== 1 ? ` step ${q.step}` : ""}`;
      lines.push(
        `  ${q.component} (${q.name}) = ${q.value}, allowed ${range}${q.reason ? ` — ${q.reason.message}` : ""}`,
      );
    }
  }
  if (c.violations.length) lines.push("Violations:", ...c.violations.map((d) => `  ${formatDiagnostic(d)}`));
  const d = c.defaultsApplied;
  const filled = [
    ...d.picks.map((p) => `pick ${p}`),
    ...d.quantities.map((q) => `${q.component} = ${q.value}`),
    ...(d.termMonths !== undefined ? [`term ${d.termMonths} months`] : []),
    ...(d.billingPeriod !== undefined ? [`billing per ${d.billingPeriod}`] : []),
    ...(d.currency !== undefined ? [`currency ${d.currency}`] : []),
  ];
  if (filled.length) lines.push(`Defaults applied: ${filled.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export const configureCommand: Command = {
  name: "configure",
  summary: "show which options and add-ons a selection leaves available, required or disabled, and why",
  usage: `${USAGE_LINE}

Configures a selection (a quote: package, term, billing period, currency, picks, quantities,
add-ons) against a catalog. For every option and add-on prints its state — selected, available,
required, switch or disabled — with the reason for required and disabled ones (the rules and the
smallest set of your picks behind it, or the missing price); a switch is another option of a
pick-one group that has a pick, and says which picks choosing it replaces. For every quantity its
allowed range; then the selection's
violations and the defaults filled in. Available choices are backtrack-free: each still leads to
a complete, valid configuration. Either file may be "-" (standard input), not both.

Options:
  --json    print the configuration as JSON: { package, termMonths, billingPeriod, currency, valid,
            complete, options, addOns, quantities, violations, defaultsApplied }
  --help    show this help

Exit codes: 0 valid selection, 1 invalid catalog or selection with violations (printed),
2 usage or input error (missing or unreadable file, text that is not JSON).`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"] });
    if (!args.ok) {
      io.stderr(`tessera configure: ${args.message}\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length !== 2) {
      io.stderr(
        `tessera configure: expected a catalog and a selection file, got ${args.positionals.length} argument(s)\n${USAGE_LINE}\n`,
      );
      return ExitCode.usage;
    }
    const [catalogPath, selectionPath] = args.positionals as [string, string];
    if (catalogPath === "-" && selectionPath === "-") {
      io.stderr(`tessera configure: only one of the two files can be standard input\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    const json = args.flags.has("json");
    const selection = await loadJson(io, selectionPath);
    if (!selection.ok) return selection.exitCode;
    const loaded = await loadCatalog(io, catalogPath, { json });
    if (!loaded.ok) return loaded.exitCode;

    const schemaProblems = selectionDiagnostics(selection.value);
    if (schemaProblems.length > 0) {
      if (json) io.stdout(`${JSON.stringify({ valid: false, violations: schemaProblems }, null, 2)}\n`);
      else {
        for (const d of schemaProblems) io.stderr(`${formatDiagnostic(d)}\n`);
        io.stderr("tessera configure: the selection is not a valid quote document\n");
      }
      return ExitCode.invalid;
    }
    const result = configure(loaded.catalog, selection.value as Quote);
    io.stdout(json ? `${JSON.stringify(result, null, 2)}\n` : readable(result));
    return result.valid ? ExitCode.ok : ExitCode.invalid;
  },
};
