/**
 * Loading a catalog for a command: read, parse, validate. Commands that work on a catalog (export,
 * price, paths, …) share this so an unusable catalog is reported the same way everywhere:
 * exit 2 for input errors, exit 1 with the diagnostics for an invalid catalog.
 */
import { type CompiledCatalog, type Diagnostic, validate } from "@tessera/engine";
import { ExitCode } from "./command.ts";
import { readJsonInput, shortLabel } from "./input.ts";
import type { Io } from "./io.ts";
import { formatDiagnostic, formatSummary, validationJson } from "./report.ts";

export type LoadedCatalog =
  | { ok: true; catalog: CompiledCatalog; doc: unknown; diagnostics: Diagnostic[]; label: string }
  | { ok: false; exitCode: number };

/**
 * Reads and validates the catalog at `path` (or `-`). On failure it has already printed why:
 * a one-line message on stderr for input errors; for an invalid catalog, the diagnostics as text on
 * stderr, or as the validate JSON on stdout when `json` is set.
 */
export async function loadCatalog(io: Io, path: string, { json = false } = {}): Promise<LoadedCatalog> {
  const input = await readJsonInput(io, path);
  if (!input.ok) {
    io.stderr(`tessera: ${input.message}\n`);
    return { ok: false, exitCode: ExitCode.usage };
  }
  const result = validate(input.value);
  if (!result.valid || !result.catalog) {
    if (json) io.stdout(validationJson(false, result.diagnostics));
    else {
      for (const d of result.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      io.stderr(`${formatSummary(shortLabel(input.label), false, result.diagnostics)}\n`);
    }
    return { ok: false, exitCode: ExitCode.invalid };
  }
  return {
    ok: true,
    catalog: result.catalog,
    doc: input.value,
    diagnostics: result.diagnostics,
    label: input.label,
  };
}

/** Reads a JSON document other than the catalog (a quote, an arrangement, a move). */
export async function loadJson(
  io: Io,
  path: string,
): Promise<{ ok: true; value: unknown } | { ok: false; exitCode: number }> {
  const input = await readJsonInput(io, path);
  if (!input.ok) {
    io.stderr(`tessera: ${input.message}\n`);
    return { ok: false, exitCode: ExitCode.usage };
  }
  return { ok: true, value: input.value };
}
