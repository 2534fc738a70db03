/** `tessera apply <catalog> <arrangement> <move>`: the arrangement a lifecycle move produces. */
import { applyMove, isDate, type MoveRequest } from "@tessera/engine";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import { loadJson } from "../load.ts";
import { loadArrangement } from "./paths.ts";
import { pickVersion } from "./versions.ts";

const USAGE_LINE =
  "Usage: tessera apply <catalog.json | -> [<catalog.json> …] <arrangement.json | -> <move.json | -> [--as-of YYYY-MM-DD] [--json]";

/** The move request, or why the document is not one. */
function moveRequest(value: unknown): MoveRequest | string {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return 'the move must be a JSON object such as { "id": "upgrade:business" }';
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v))
    if (!["id", "quantity", "termMonths", "quantities", "date"].includes(key))
      return `the move has an unknown field "${key}"`;
  if (typeof v.id !== "string" || v.id === "") return 'the move needs an "id" (as listed by tessera paths)';
  const request: MoveRequest = { id: v.id };
  for (const key of ["quantity", "termMonths"] as const) {
    const n = v[key];
    if (n === undefined) continue;
    if (typeof n !== "number" || !Number.isSafeInteger(n))
      return `the move's "${key}" must be a whole number`;
    request[key] = n;
  }
  if (v.date !== undefined) {
    if (typeof v.date !== "string") return 'the move\'s "date" must be a date, YYYY-MM-DD';
    request.date = v.date;
  }
  if (v.quantities !== undefined) {
    const q = v.quantities;
    if (q === null || typeof q !== "object" || Array.isArray(q))
      return 'the move\'s "quantities" must be an object of component ids and whole numbers, e.g. { "seats": 30 }';
    const quantities: Record<string, number> = {};
    for (const [component, n] of Object.entries(q as Record<string, unknown>)) {
      if (typeof n !== "number" || !Number.isSafeInteger(n))
        return `the move's quantity of "${component}" must be a whole number`;
      quantities[component] = n;
    }
    request.quantities = quantities;
  }
  return request;
}

/** Today in UTC: the CLI is an edge, so it may read the clock (the engine never does). */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export const applyCommand: Command = {
  name: "apply",
  summary: "apply one lifecycle move to an arrangement and print the new arrangement",
  usage: `${USAGE_LINE}

Applies a move listed by "tessera paths" to the arrangement and prints the arrangement it produces
(in force from the move's effective date): new package, term, add-ons, quantities and recurring
price, or status pending_termination with its terminationDate. The move file is
{ "id": "<move id>" }, with "quantity" for change_quantity and add_on moves, optionally
"termMonths" for base changes that restart the term, and optionally "quantities" for a renewal
with new quantities by component id (e.g. { "id": "renew:12", "quantities": { "seats": 30 } }), and
optionally "date" for a termination or an add-on removal on a chosen future date (e.g. { "id":
"terminate", "date": "2026-06-15" } or { "id": "remove_add_on:sso", "date": "2026-06-15" };
"uncancel" withdraws a pending termination). A blocked move is refused with the reasons
paths gives. At most one file may be "-" (standard input). Several catalog files are versions of
one catalog, picked as "tessera paths" does (a change_version move moves onto the newest).

Options:
  --as-of   the date the move is made, YYYY-MM-DD (default: today, UTC)
  --json    print only the new arrangement as JSON (refusals as { ok: false, reasons })
  --help    show this help

Exit codes: 0 applied, 1 invalid catalog, arrangement or move, or the move is refused (reasons
printed), 2 usage or input error (missing or unreadable file, text that is not JSON, a bad --as-of).`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"], options: ["as-of"] });
    if (!args.ok) {
      io.stderr(`tessera apply: ${args.message}\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length < 3) {
      io.stderr(
        `tessera apply: expected a catalog, an arrangement and a move file, got ${args.positionals.length} argument(s)\n${USAGE_LINE}\n`,
      );
      return ExitCode.usage;
    }
    if (args.positionals.filter((p) => p === "-").length > 1) {
      io.stderr(`tessera apply: only one of the files can be standard input\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    const asOf = args.options.get("as-of") ?? today();
    if (!isDate(asOf)) {
      io.stderr(`tessera apply: --as-of "${asOf}" is not a calendar date (YYYY-MM-DD)\n${USAGE_LINE}\n`);
      return ExitCode.usage;
    }
    const catalogPaths = args.positionals.slice(0, -2);
    const [arrangementPath, movePath] = args.positionals.slice(-2) as [string, string];
    const json = args.flags.has("json");
    const moveDoc = await loadJson(io, movePath);
    if (!moveDoc.ok) return moveDoc.exitCode;
    const loadedArrangement = await loadArrangement(io, arrangementPath, "apply", json);
    if (!loadedArrangement.ok) return loadedArrangement.exitCode;
    const picked = await pickVersion(io, catalogPaths, loadedArrangement.arrangement, asOf, json);
    if (!picked.ok) return picked.exitCode;
    const request = moveRequest(moveDoc.value);
    if (typeof request === "string") {
      if (json) io.stdout(`${JSON.stringify({ ok: false, reasons: [`${request}.`] }, null, 2)}\n`);
      else io.stderr(`tessera apply: ${request}\n`);
      return ExitCode.invalid;
    }

    const result = applyMove(picked.catalog, loadedArrangement.arrangement, request, asOf, picked.options);
    if (!result.ok) {
      if (json) io.stdout(`${JSON.stringify({ ok: false, reasons: result.reasons }, null, 2)}\n`);
      else {
        io.stderr(`tessera apply: move "${request.id}" is refused\n`);
        for (const r of result.reasons) io.stderr(`  ${r}\n`);
      }
      return ExitCode.invalid;
    }
    if (json) io.stdout(`${JSON.stringify(result.arrangement, null, 2)}\n`);
    else {
      const m = result.move;
      io.stdout(
        `${m.label}: effective ${m.effectiveDate ?? asOf}${m.newRecurring !== undefined ? `, ${m.newRecurring} per ${m.billingPeriod ?? "period"}` : ""}\n`,
      );
      for (const p of m.proration) io.stdout(`  ${p.kind} ${p.amount}: ${p.description}\n`);
      if (m.oneTime !== undefined) io.stdout(`  one-time ${m.oneTime}\n`);
      if (m.fee !== undefined) io.stdout(`  early termination fee ${m.fee}\n`);
      io.stdout(`${JSON.stringify(result.arrangement, null, 2)}\n`);
    }
    return ExitCode.ok;
  },
};
