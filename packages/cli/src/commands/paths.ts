/** `tessera paths <catalog> <arrangement> --as-of YYYY-MM-DD`: every lifecycle move from an arrangement. */
import { type Diagnostic, isDate, type Move, type PathsResult, paths } from "@tessera/engine";
import { type Arrangement, validateArrangement } from "@tessera/schema";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import type { Io } from "../io.ts";
import { loadJson } from "../load.ts";
import { formatDiagnostic } from "../report.ts";
import { pickVersion } from "./versions.ts";

const USAGE_LINE =
  "Usage: tessera paths <catalog.json | -> [<catalog.json> …] <arrangement.json | -> --as-of YYYY-MM-DD [--json]";

/** Schema errors of an arrangement document as diagnostics (pointers into the arrangement). */
export function arrangementDiagnostics(value: unknown): Diagnostic[] {
  if (validateArrangement(value)) return [];
  return (validateArrangement.errors ?? []).map((e) => ({
    code: `schema.${e.keyword}`,
    severity: "error" as const,
    pointer: e.instancePath,
    message: `The arrangement ${e.instancePath === "" ? "" : `at ${e.instancePath} `}${e.message ?? "is invalid"}.`,
  }));
}

/** Loads and schema-checks the arrangement; prints why and returns an exit code when it is unusable. */
export async function loadArrangement(
  io: Io,
  path: string,
  command: string,
  json: boolean,
): Promise<{ ok: true; arrangement: Arrangement } | { ok: false; exitCode: number }> {
  const doc = await loadJson(io, path);
  if (!doc.ok) return doc;
  const problems = arrangementDiagnostics(doc.value);
  if (problems.length === 0) return { ok: true, arrangement: doc.value as Arrangement };
  if (json) io.stdout(`${JSON.stringify({ ok: false, violations: problems }, null, 2)}\n`);
  else {
    for (const d of problems) io.stderr(`${formatDiagnostic(d)}\n`);
    io.stderr(`tessera ${command}: the arrangement is not a valid arrangement document\n`);
  }
  return { ok: false, exitCode: ExitCode.invalid };
}

function moveLine(m: Move): string[] {
  const head = `  ${m.valid ? "✓" : "✗"} ${m.id.padEnd(34)} ${m.label}`;
  if (!m.valid) return [head, ...m.reasons.map((r) => `      blocked: ${r}`)];
  const lines = [head];
  const when = m.effectiveDate ? `${m.timing?.replaceAll("_", " ")} → ${m.effectiveDate}` : "";
  const money =
    m.newRecurring !== undefined
      ? `; ${m.newRecurring} per ${m.billingPeriod ?? "period"}, MRR ${signed(m.mrrDelta)}`
      : "";
  if (when || money) lines.push(`      ${when}${money}${m.termRestarts ? "; new term" : ""}`);
  if (m.ruleCase !== undefined)
    lines.push(
      `      path rule ${m.ruleCase}${m.prorationPolicy ? `: proration ${m.prorationPolicy.replace("_", " ")}` : ""}`,
    );
  if (m.replaces !== undefined) lines.push(`      replaces add-on ${m.replaces}`);
  if (m.priceBook !== undefined) lines.push(`      price book → ${m.priceBook}`);
  if (m.earliestDate !== undefined)
    lines.push(`      earliest end date ${m.earliestDate} (a chosen later date is allowed)`);
  if (m.quantity) {
    const q = m.quantity;
    const range = `${q.min}–${q.max ?? "∞"}${q.step !== 1 ? ` step ${q.step}` : ""}`;
    lines.push(
      `      quantity ${q.current}, allowed ${range}${q.suggested !== undefined ? `, suggested ${q.suggested}` : ""}`,
    );
  }
  for (const p of m.proration)
    lines.push(
      `      ${p.kind} ${p.amount}: ${p.description}${p.timing === "in_arrear" ? " [in arrear]" : ""}`,
    );
  if (m.prorationNet !== undefined)
    lines.push(`      net ${m.prorationNet.startsWith("-") ? "credit" : "due"} ${m.prorationNet}`);
  if (m.oneTime !== undefined) lines.push(`      one-time ${m.oneTime}`);
  if (m.fee !== undefined) lines.push(`      early termination fee ${m.fee}`);
  for (const a of m.addOns) lines.push(`      add-on ${a.package}: ${a.fate} — ${a.reason}`);
  for (const n of m.notes) lines.push(`      note: ${n}`);
  if (m.recommended !== undefined) lines.push(`      recommended #${m.recommended}`);
  return lines;
}

function signed(amount: string | undefined): string {
  if (amount === undefined) return "?";
  return amount.startsWith("-") ? amount : `+${amount}`;
}

function readable(r: PathsResult): string {
  const lines = [
    `${r.current.package}: ${r.current.recurring} ${r.current.currency} per period, MRR ${r.current.mrr}`,
  ];
  lines.push("Moves:", ...r.moves.flatMap(moveLine));
  if (r.insights.length > 0) {
    lines.push("Insights:");
    for (const i of r.insights)
      lines.push(
        `  ${i.kind.replace("_", "-")}: ${i.message}${i.moves.length ? ` Right-size: ${i.moves.join(", ")}.` : ""}`,
      );
  }
  return `${lines.join("\n")}\n`;
}

export const pathsCommand: Command = {
  name: "paths",
  summary:
    "list every lifecycle move from an arrangement: renew, up/down/crossgrade, add-ons, quantities, terminate",
  usage: `${USAGE_LINE}

Evaluates a customer's arrangement against a catalog as of a date and lists every move from it —
renewals (one per allowed term), upgrades, downgrades, crossgrades, add-ons to add or remove,
quantity changes, retention offers and terminate — each valid or blocked with its reasons. Valid
moves state their effective date, proration lines, new recurring price, MRR delta, whether the term
restarts and what happens to each add-on. With observed usage in the arrangement, over-provisioning
and over-consumption are flagged and right-sizing moves ranked. Either file may be "-" (standard
input), not both.

Given several versions of the catalog (one file each), the arrangement stays on the version it was
sold on unless a later one reaches existing customers by --as-of (its existingSubscriptionsFrom),
and the newest version in force on --as-of is offered as a change_version move.

Options:
  --as-of   the evaluation date, YYYY-MM-DD (required)
  --json    print { moves, insights, current, problems } as JSON
  --help    show this help

Exit codes: 0 moves listed (some may be blocked), 1 invalid catalog or arrangement (printed),
2 usage or input error (missing or unreadable file, text that is not JSON, a bad --as-of).`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"], options: ["as-of"] });
    if (!args.ok) {
      io.stderr(`tessera paths: ${args.message}\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length < 2) {
      io.stderr(
        `tessera paths: expected a catalog and an arrangement file, got ${args.positionals.length} argument(s)\n${USAGE_LINE}\n`,
      );
      return ExitCode.usage;
    }
    const asOf = args.options.get("as-of");
    if (asOf === undefined || !isDate(asOf)) {
      io.stderr(
        `tessera paths: ${asOf === undefined ? "--as-of YYYY-MM-DD is required" : `--as-of "${asOf}" is not a calendar date (YYYY-MM-DD)`}\n${USAGE_LINE}\n`,
      );
      return ExitCode.usage;
    }
    const catalogPaths = args.positionals.slice(0, -1);
    const arrangementPath = args.positionals.at(-1) as string;
    if (args.positionals.filter((p) => p === "-").length > 1) {
      io.stderr(`tessera paths: only one of the files can be standard input\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    const json = args.flags.has("json");
    const loadedArrangement = await loadArrangement(io, arrangementPath, "paths", json);
    if (!loadedArrangement.ok) return loadedArrangement.exitCode;
    const picked = await pickVersion(io, catalogPaths, loadedArrangement.arrangement, asOf, json);
    if (!picked.ok) return picked.exitCode;

    const result = paths(picked.catalog, loadedArrangement.arrangement, asOf, picked.options);
    if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (result.problems.length === 0) {
      if (picked.note) io.stdout(`${picked.note}\n`);
      io.stdout(readable(result));
    }
    for (const p of json ? [] : result.problems) io.stderr(`tessera paths: ${p}\n`);
    return result.problems.length === 0 ? ExitCode.ok : ExitCode.invalid;
  },
};
