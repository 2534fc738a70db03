/**
 * `validate`: catalog JSON in, compiled catalog or diagnostics out. Never throws.
 *
 * Layer 1 is the JSON Schema (structural); layer 2, run only on structurally valid documents,
 * compiles the catalog and runs the semantic check table (`checks/index.ts`). A catalog is valid
 * when no diagnostic is an error; warnings are reported but do not block publishing.
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html (Kill Bill validates its
 * catalog the same way: structure first, then references and pricing completeness)
 */
import type { Catalog } from "@tessera/schema";
import { type CompiledCatalog, compile } from "../compile.ts";
import type { Diagnostic } from "../diagnostic.ts";
import { jsonSyntaxMessage } from "../json-syntax.ts";
import type { CheckContext } from "./check.ts";
import { checks } from "./checks/index.ts";
import { structuralDiagnostics } from "./structural.ts";

export type { Check, CheckContext } from "./check.ts";
export { checks } from "./checks/index.ts";

export interface ValidationResult {
  /** True when no diagnostic has severity `error`. */
  valid: boolean;
  diagnostics: Diagnostic[];
  /** The compiled catalog; present only when `valid`. */
  catalog?: CompiledCatalog;
}

function internalError(where: string, e: unknown): Diagnostic {
  const why = e instanceof Error ? e.message : String(e);
  return {
    code: "internal.error",
    severity: "error",
    pointer: "",
    message: `The validator failed unexpectedly while ${where} (${why}); please report this catalog to the Tessera team.`,
  };
}

function semanticDiagnostics(doc: Catalog): { diagnostics: Diagnostic[]; catalog?: CompiledCatalog } {
  let catalog: CompiledCatalog;
  try {
    catalog = compile(doc);
  } catch (e) {
    return { diagnostics: [internalError("indexing the catalog", e)] };
  }
  const diagnostics: Diagnostic[] = [];
  const ctx: CheckContext = {
    doc,
    catalog,
    report(d) {
      diagnostics.push(d);
    },
  };
  for (const check of checks) {
    try {
      check.run(ctx);
    } catch (e) {
      diagnostics.push(internalError(`running the \`${check.id}\` check`, e));
    }
  }
  return { diagnostics, catalog };
}

/**
 * Validates a parsed catalog document. Never throws, whatever `json` is: an unexpected internal
 * failure becomes an `internal.error` diagnostic.
 */
export function validate(json: unknown): ValidationResult {
  try {
    const structural = structuralDiagnostics(json);
    if (structural.length > 0) return { valid: false, diagnostics: structural };
    const { diagnostics, catalog } = semanticDiagnostics(json as Catalog);
    const valid = !diagnostics.some((d) => d.severity === "error");
    return valid && catalog ? { valid, diagnostics, catalog } : { valid: false, diagnostics };
  } catch (e) {
    return { valid: false, diagnostics: [internalError("checking the catalog", e)] };
  }
}

/** Validates catalog text; text that is not JSON is reported as a `json.syntax` diagnostic. */
export function validateText(text: string): ValidationResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // Callers from plain JavaScript may pass anything; JSON.parse read it as a string.
    const source = typeof text === "string" ? text : String(text);
    const message =
      source.trim() === ""
        ? "The catalog is empty: paste or load a catalog JSON document."
        : `The catalog is not valid JSON: ${jsonSyntaxMessage(source, e)}.`;
    return {
      valid: false,
      diagnostics: [
        {
          code: "json.syntax",
          severity: "error",
          pointer: "",
          message,
        },
      ],
    };
  }
  return validate(json);
}
