/**
 * What interop reports: the engine's Diagnostic (stable code, severity, JSON Pointer into the
 * Tessera document, one plain sentence) plus where in the foreign input the problem sits: a line
 * and column of an XML file, a row and column of a CSV sheet.
 */
import type { Diagnostic } from "@tessera/engine";

export interface Located {
  /** 1-based line of the input text. */
  readonly line: number;
  /** 1-based column of the input text (for CSV: the column number of the cell). */
  readonly column: number;
  /** Where in the input, in the input's own words: an XML element path, a CSV cell like `C4`. */
  readonly at?: string;
}

export interface InteropDiagnostic extends Diagnostic {
  /** Position in the foreign input; absent for problems about the Tessera side only. */
  location?: Located;
}

/** `catalog.xml:12:5 warning killbill.usage.capacity /catalog/plans/plan[2] …` for people. */
export function formatInteropDiagnostic(d: InteropDiagnostic, label = "input"): string {
  const where = d.location ? `${label}:${d.location.line}:${d.location.column} ` : "";
  const at = d.location?.at ? ` ${d.location.at}` : d.pointer ? ` ${d.pointer}` : "";
  return `${where}${d.severity} ${d.code}${at} ${d.message}`;
}
