/**
 * The catalog as JSON, for pasting a whole document. Applying is refused unless the text is JSON
 * *and* has the shape of a catalog (the engine's schema layer): a document the forms cannot show
 * (`{}`, an array, a quote) would otherwise blank the editor. What is wrong is listed with its
 * pointer; the working copy is untouched until the text is a catalog. Applying is one undo step.
 */
import { validateText } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { useState } from "react";

/** Codes of findings that mean "this is not a catalog document" (JSON syntax or schema shape). */
const notACatalog = (code: string) =>
  code === "json.syntax" || code === "internal.error" || code.startsWith("schema.");

export function JsonSection({
  doc,
  readOnly,
  onApply,
}: {
  doc: Catalog;
  readOnly: boolean;
  onApply: (doc: Catalog) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(doc, null, 2));
  const [problems, setProblems] = useState<string[]>([]);
  const [syntax, setSyntax] = useState(false);
  const apply = () => {
    const result = validateText(text);
    const blocking = result.diagnostics.filter((d) => d.severity === "error" && notACatalog(d.code));
    if (blocking.length > 0) {
      setProblems(blocking.slice(0, 8).map((d) => (d.pointer ? `${d.pointer}: ${d.message}` : d.message)));
      setSyntax(blocking.some((d) => d.code === "json.syntax"));
      return;
    }
    setProblems([]);
    onApply(JSON.parse(text) as Catalog);
  };
  return (
    <section className="ts-card" aria-labelledby="json-title">
      <h2 id="json-title">Catalog JSON</h2>
      <label className="ts-visually-hidden" htmlFor="catalog-json">
        Catalog JSON
      </label>
      <textarea
        id="catalog-json"
        className="ts-textarea"
        rows={28}
        style={{ width: "100%" }}
        value={text}
        readOnly={readOnly}
        aria-describedby={problems.length > 0 ? "catalog-json-problems" : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {problems.length > 0 ? (
        <div id="catalog-json-problems" role="alert" className="ts-alert ts-alert--danger">
          <strong>
            {syntax
              ? "Not applied: the text is not valid JSON; fix it where the line and column below say."
              : "Not applied: this is not a catalog document."}
          </strong>{" "}
          The editor keeps your current catalog.
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!readOnly ? (
        <button type="button" className="ts-button" onClick={apply}>
          Apply JSON
        </button>
      ) : null}
    </section>
  );
}
