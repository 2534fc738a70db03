/** How diagnostics are printed: one line each for people, one JSON object for machines. */
import type { Diagnostic } from "@tessera/engine";

/** `error schema.required /packages/3 The package has no name.` (the document itself is `/`). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.pointer === "" ? "/" : d.pointer} ${d.message}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The closing line: `saas.catalog.json: valid (0 errors, 2 warnings)`. */
export function formatSummary(label: string, valid: boolean, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${label}: ${valid ? "valid" : "invalid"} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
}

/** The machine shape: exactly `{ valid, diagnostics: [{ code, severity, pointer, message }] }`. */
export function validationJson(valid: boolean, diagnostics: readonly Diagnostic[]): string {
  const body = {
    valid,
    diagnostics: diagnostics.map(({ code, severity, pointer, message }) => ({
      code,
      severity,
      pointer,
      message,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
