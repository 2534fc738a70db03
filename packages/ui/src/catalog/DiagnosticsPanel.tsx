import type { Diagnostic } from "@tessera/engine";
import { useId } from "react";

export interface DiagnosticsPanelProps {
  diagnostics: readonly Diagnostic[];
  /** Called with the JSON Pointer of a diagnostic so the editor can focus that field. */
  onSelect?: (pointer: string) => void;
  /** Validation is running (e.g. in a worker). */
  pending?: boolean;
}

/**
 * A message as the panel shows it: the link under it already names the pointer, so the message's
 * own "(/packages/1/…)" after its subject is left out and the sentence reads as words.
 */
function inPanel(d: Pick<Diagnostic, "message" | "pointer">): string {
  return d.pointer ? d.message.replace(` (${d.pointer})`, "") : d.message;
}

/** Live validation results: errors first, each linking to the field it points at. */
export function DiagnosticsPanel({ diagnostics, onSelect, pending = false }: DiagnosticsPanelProps) {
  const uid = useId();
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const sorted = [...diagnostics].sort((a, b) =>
    a.severity === b.severity ? a.pointer.localeCompare(b.pointer) : a.severity === "error" ? -1 : 1,
  );
  return (
    <section className="ts-card" aria-labelledby="ts-diags-title" aria-busy={pending}>
      <div className="ts-row" style={{ justifyContent: "space-between", marginBottom: "0.5rem" }}>
        <h2 id="ts-diags-title" style={{ margin: 0 }}>
          Diagnostics
        </h2>
        <span className="ts-row" role="status" aria-live="polite">
          {pending ? <span className="ts-hint">checking…</span> : null}
          <span className={errors ? "ts-badge ts-badge--danger" : "ts-badge ts-badge--ok"}>
            {errors} {errors === 1 ? "error" : "errors"}
          </span>
          <span className={warnings ? "ts-badge ts-badge--warn" : "ts-badge"}>
            {warnings} {warnings === 1 ? "warning" : "warnings"}
          </span>
        </span>
      </div>
      {sorted.length === 0 ? (
        <p className="ts-hint" style={{ margin: 0 }}>
          The catalog is valid.
        </p>
      ) : (
        <ul className="ts-diags">
          {sorted.map((d, i) => (
            <li key={`${d.code}-${d.pointer}-${i}`} className="ts-diag" data-severity={d.severity}>
              <span
                className={d.severity === "error" ? "ts-badge ts-badge--danger" : "ts-badge ts-badge--warn"}
              >
                {d.severity}
              </span>
              <span id={`${uid}-${i}`}>{inPanel(d)}</span>
              {onSelect ? (
                // The name is the visible text (WCAG 2.5.3, label in name); the message describes it.
                <button
                  type="button"
                  className="ts-diag__link"
                  onClick={() => onSelect(d.pointer)}
                  title={`Go to ${d.pointer || "the catalog"}`}
                  aria-describedby={`${uid}-${i}`}
                >
                  {d.pointer || "/"} · {d.code}
                </button>
              ) : (
                <code className="ts-hint" style={{ gridColumn: 2 }}>
                  {d.pointer || "/"} · {d.code}
                </code>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
