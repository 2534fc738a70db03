export interface LoadingStateProps {
  /** What is loading, e.g. "Loading catalogs". */
  label: string;
  /** Optional progress for long work, 0..100. */
  percent?: number;
}

/** A polite live region that says what is loading (and how far along, when known). */
export function LoadingState({ label, percent }: LoadingStateProps) {
  return (
    <div className="ts-loading" role="status" aria-live="polite">
      {percent === undefined ? (
        <span className="ts-spinner" aria-hidden="true" />
      ) : (
        <progress max={100} value={percent} aria-label={label} />
      )}
      <span>
        {label}
        {percent === undefined ? "…" : ` (${percent}%)`}
      </span>
    </div>
  );
}
