/** `tessera price <catalog> <quote>`: the priced quote — lines, discounts, totals, approval. */
import {
  type Diagnostic,
  isDate,
  PERIOD_NOUN,
  PERIOD_PER,
  type PriceResult,
  price,
  spanWords,
  termLengthOf,
} from "@tessera/engine";
import { type Quote, validateQuote } from "@tessera/schema";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import { loadCatalog, loadJson } from "../load.ts";
import { formatDiagnostic } from "../report.ts";

const USAGE_LINE = "Usage: tessera price <catalog.json | -> <quote.json | -> [--json] [--as-of YYYY-MM-DD]";

/** Schema errors of the quote as diagnostics (pointers into the quote). */
function quoteDiagnostics(value: unknown): Diagnostic[] {
  if (validateQuote(value)) return [];
  return (validateQuote.errors ?? []).map((e) => ({
    code: `schema.${e.keyword}`,
    severity: "error" as const,
    pointer: e.instancePath,
    message: `The quote ${e.instancePath === "" ? "" : `at ${e.instancePath} `}${e.message ?? "is invalid"}.`,
  }));
}

/** "12 months", "6 weeks". */
function termWords(r: PriceResult): string {
  return spanWords(termLengthOf({ months: r.termMonths, weeks: r.termWeeks }));
}

/** An invoice-like table: one row per line with its explanation under it, then the totals. */
function readable(packageId: string, r: PriceResult): string {
  const out: string[] = [];
  out.push(
    `${packageId} · ${termWords(r)} · billed ${PERIOD_PER[r.billingPeriod]} · ${r.currency} · price book ${r.priceBook}`,
  );
  if (r.lines.length > 0) {
    const width = Math.min(48, Math.max(12, ...r.lines.map((l) => l.description.length)));
    const amountWidth = Math.max(10, ...r.lines.map((l) => l.amount.length));
    const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s);
    out.push("");
    out.push(
      `  ${"Line".padEnd(width)}  ${"Qty".padStart(10)}  ${"Amount".padStart(amountWidth)}  First invoice`,
    );
    for (const l of r.lines) {
      const when =
        l.kind === "one_time" || l.kind === "proration"
          ? "once"
          : l.periods === 0
            ? "rates"
            : `×${l.periods}`;
      out.push(
        `  ${cut(l.description).padEnd(width)}  ${String(l.quantity).padStart(10)}  ${l.amount.padStart(amountWidth)}  ${l.firstInvoice.padStart(13)}  ${when}`,
      );
      out.push(`      ${l.explanation}`);
    }
  }
  const t = r.totals;
  const label = 28;
  const figure = Math.max(...Object.values(t).map((v) => v.length));
  const schedule = r.schedule;
  out.push("");
  out.push(
    `  ${`First invoice${schedule ? ` (${schedule.firstInvoiceDate})` : ""}`.padEnd(label)} ${t.firstInvoice.padStart(figure)}`,
  );
  out.push(`  ${`Per ${PERIOD_NOUN[r.billingPeriod]}`.padEnd(label)} ${t.perPeriod.padStart(figure)}`);
  out.push(`  ${"MRR".padEnd(label)} ${t.mrr.padStart(figure)}`);
  out.push(`  ${"ARR (MRR × 12)".padEnd(label)} ${t.arr.padStart(figure)}`);
  out.push(`  ${`TCV (${termWords(r)})`.padEnd(label)} ${t.tcv.padStart(figure)}`);
  if (schedule?.phases && schedule.phases.length > 0)
    out.push(
      "",
      "Phases:",
      ...schedule.phases.map(
        (p) =>
          `  - ${p.words}: ${p.end ? `${p.start} to ${p.end}` : `from ${p.start}`}${p.invoices > 0 ? ` (${p.invoices} invoice${p.invoices === 1 ? "" : "s"} in the term)` : ""}`,
      ),
    );
  if (r.notes.length > 0) out.push("", "Notes:", ...r.notes.map((n) => `  - ${n}`));
  if (r.requiresApproval) out.push("", "Approval required:", ...r.reasons.map((n) => `  - ${n}`));
  if (r.violations.length > 0)
    out.push("", "Violations:", ...r.violations.map((d) => `  ${formatDiagnostic(d)}`));
  return `${out.join("\n")}\n`;
}

export const priceCommand: Command = {
  name: "price",
  summary: "price a quote: line items with explanations, discounts, totals and approval",
  usage: `${USAGE_LINE}

Prices a quote (package, term, billing period, currency, price book, picks, quantities, add-ons,
start date, billing anchor, expected usage, discounts) against a catalog. Prints one line per
charge with how it was computed ("tier 1: 10 × 8.00 = 80.00; …"), the commitment, intro and seller
discounts, a prorated partial first period when the billing anchor differs from the start date,
and the totals: first invoice, per billing period, MRR, ARR (MRR × 12) and total contract value.
Amounts are exact decimals rounded per line to the currency's minor unit. Discounts above the
catalog's approval threshold are listed with the reason approval is needed. Either file may be
"-" (standard input), not both.

Options:
  --json           print the priced quote as JSON: { currency, billingPeriod, termMonths, priceBook,
                   lines, totals: { firstInvoice, perPeriod, mrr, arr, tcv }, requiresApproval,
                   reasons, notes, schedule, violations }, amounts as decimal strings
  --as-of DATE     pricing date (YYYY-MM-DD) and default start date; defaults to today (UTC)
  --help           show this help

Exit codes: 0 priced, 1 invalid catalog or a quote with violations (printed), 2 usage or input
error (missing or unreadable file, text that is not JSON, a bad --as-of).`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"], options: ["as-of"] });
    if (!args.ok) {
      io.stderr(`tessera price: ${args.message}\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length !== 2) {
      io.stderr(
        `tessera price: expected a catalog and a quote file, got ${args.positionals.length} argument(s)\n${USAGE_LINE}\n`,
      );
      return ExitCode.usage;
    }
    const [catalogPath, quotePath] = args.positionals as [string, string];
    if (catalogPath === "-" && quotePath === "-") {
      io.stderr(`tessera price: only one of the two files can be standard input\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    const asOf = args.options.get("as-of") ?? new Date().toISOString().slice(0, 10);
    if (!isDate(asOf)) {
      io.stderr(`tessera price: --as-of must be a calendar date YYYY-MM-DD, got "${asOf}"\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    const json = args.flags.has("json");
    const quote = await loadJson(io, quotePath);
    if (!quote.ok) return quote.exitCode;
    const loaded = await loadCatalog(io, catalogPath, { json });
    if (!loaded.ok) return loaded.exitCode;

    const schemaProblems = quoteDiagnostics(quote.value);
    if (schemaProblems.length > 0) {
      if (json) io.stdout(`${JSON.stringify({ violations: schemaProblems }, null, 2)}\n`);
      else {
        for (const d of schemaProblems) io.stderr(`${formatDiagnostic(d)}\n`);
        io.stderr("tessera price: the quote is not a valid quote document\n");
      }
      return ExitCode.invalid;
    }
    const q = quote.value as Quote;
    const result = price(loaded.catalog, q, asOf);
    io.stdout(json ? `${JSON.stringify(result, null, 2)}\n` : readable(q.package, result));
    return result.violations.length > 0 ? ExitCode.invalid : ExitCode.ok;
  },
};
