export interface ErrorStateProps {
  title: string;
  /** The sentence the user can act on. */
  message: string;
  onRetry?: () => void;
  /** The retry button's words (default "Try again"), e.g. "Go to the start page". */
  retryLabel?: string;
}

/** A failure the user can see and, where it makes sense, retry. */
export function ErrorState({ title, message, onRetry, retryLabel = "Try again" }: ErrorStateProps) {
  return (
    <div className="ts-alert ts-alert--danger" role="alert">
      <strong>{title}</strong>
      <p style={{ margin: "0.25rem 0 0.5rem" }}>{message}</p>
      {onRetry ? (
        <button type="button" className="ts-button ts-button--small" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}
