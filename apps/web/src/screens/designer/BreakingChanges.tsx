/**
 * What publishing changes for the services that consume the catalog: the same list as
 * `tessera diff <last published> <draft>` (the API's `interop.breakingDiff`), breaking changes
 * first and marked, with the CLI's summary line. A change on the draft's side links to its field.
 */
import type { RouterOutputs } from "@tessera/api";

type CatalogDiff = RouterOutputs["interop"]["breakingDiff"];

const short = (v: unknown) => {
  if (v === undefined) return "";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** The summary line `tessera diff` prints last. */
export function diffSummary(diff: CatalogDiff): string {
  const breaking = diff.changes.filter((c) => c.breaking).length;
  return `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}, ${breaking} breaking`;
}

export function BreakingChanges({
  diff,
  against,
  onSelect,
}: {
  diff: CatalogDiff;
  /** The version compared with, e.g. "version 3". */
  against: string;
  onSelect: (pointer: string) => void;
}) {
  const changes = [...diff.changes].sort((a, b) => Number(b.breaking) - Number(a.breaking));
  return (
    <section aria-labelledby="consumer-diff-title" className="stack" style={{ gap: "0.5rem" }}>
      <h3 id="consumer-diff-title" style={{ margin: 0 }}>
        For consuming services: draft vs {against}{" "}
        <span className={`ts-badge ${diff.breaking ? "ts-badge--danger" : "ts-badge--ok"}`}>
          {diffSummary(diff)}
        </span>
      </h3>
      {changes.length === 0 ? (
        <p className="ts-hint">Nothing a consuming service reads has changed.</p>
      ) : (
        <table className="ts-table ts-consumer-diff" aria-label="Changes for consuming services">
          <thead>
            <tr>
              <th scope="col">Effect</th>
              <th scope="col">What changed</th>
              <th scope="col">Where</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr
                key={`${c.code}-${c.side}-${c.pointer}-${c.message}`}
                data-breaking={c.breaking || undefined}
              >
                <td>
                  {c.breaking ? (
                    <span className="ts-badge ts-badge--danger">BREAKING</span>
                  ) : (
                    <span className="ts-badge">change</span>
                  )}
                </td>
                <td>
                  {c.message}
                  <div className="ts-hint">{c.code}</div>
                </td>
                <td>
                  {c.side === "new" ? (
                    <button type="button" className="ts-link" onClick={() => onSelect(c.pointer)}>
                      {c.pointer || "/"}
                    </button>
                  ) : (
                    <span className="ts-hint" title="In the published version (it is gone from the draft)">
                      {c.pointer || "/"} (old)
                    </span>
                  )}
                </td>
                <td>{short(c.before)}</td>
                <td>{short(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
