import { type FormEvent, useId, useState } from "react";

export interface TokenSignInProps {
  onSubmit: (token: string) => void;
  /** Why the last attempt failed, e.g. "That token is not valid or was revoked." */
  error?: string;
  pending?: boolean;
}

/** Sign-in with an API token; the role comes from the server, never from the form. */
export function TokenSignIn({ onSubmit, error, pending = false }: TokenSignInProps) {
  const [token, setToken] = useState("");
  const inputId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed) onSubmit(trimmed);
  };
  return (
    <form className="ts-card ts-signin" onSubmit={submit} aria-labelledby={`${inputId}-title`}>
      <h1 id={`${inputId}-title`}>Sign in to Tessera</h1>
      <p className="ts-hint">Paste the API token you were given. Your role decides what you can do.</p>
      <div className="ts-field">
        <label htmlFor={inputId}>API token</label>
        <input
          id={inputId}
          className="ts-input"
          type="password"
          autoComplete="off"
          value={token}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setToken(e.target.value)}
        />
        {error ? (
          <span id={errorId} role="alert" className="ts-hint" style={{ color: "var(--ts-danger)" }}>
            {error}
          </span>
        ) : null}
      </div>
      <button type="submit" className="ts-button ts-button--primary" disabled={pending || !token.trim()}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
