/**
 * The one shape every problem the engine reports takes: validator findings, configuration
 * violations and blocked moves all speak it, so every consumer renders them the same way.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable, dotted code, e.g. `schema.type`, `ref.unknown-service`, `tiers.gap`. Never renamed. */
  code: string;
  severity: Severity;
  /** RFC 6901 JSON Pointer into the document the diagnostic is about ("" is the whole document). */
  pointer: string;
  /** One sentence a product manager understands. */
  message: string;
}

/** Escapes one reference token for a JSON Pointer (RFC 6901 §3). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Builds a JSON Pointer from reference tokens. */
export function pointerOf(...tokens: (string | number)[]): string {
  return tokens.map((t) => `/${pointerToken(t)}`).join("");
}

/** Resolves a JSON Pointer in a document; `undefined` when it does not resolve. */
export function resolvePointer(doc: unknown, pointer: string): { found: boolean; value: unknown } {
  if (pointer === "") return { found: true, value: doc };
  if (!pointer.startsWith("/")) return { found: false, value: undefined };
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= cur.length)
        return { found: false, value: undefined };
      cur = cur[Number(token)];
    } else if (cur !== null && typeof cur === "object" && Object.hasOwn(cur, token)) {
      cur = (cur as Record<string, unknown>)[token];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: cur };
}
