export interface DiffChange {
  /** JSON Pointer of what changed. */
  pointer: string;
  kind: "added" | "removed" | "changed";
  /** Short rendering of the old and new value. */
  before?: string;
  after?: string;
}

export interface DiffViewProps {
  /** What the diff compares, e.g. "Draft vs version 3". */
  title: string;
  changes: readonly DiffChange[];
}

/** A catalog diff shown before publishing: each changed path with its old and new value. */
export function DiffView({ title, changes }: DiffViewProps) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {changes.length === 0 ? (
        <p className="ts-hint">No changes.</p>
      ) : (
        <table className="ts-table ts-diff">
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Where</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.kind}-${c.pointer}`} className="ts-diff__row" data-kind={c.kind}>
                <td>{c.kind}</td>
                <td>{c.pointer}</td>
                <td>{c.before ?? ""}</td>
                <td>{c.after ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
