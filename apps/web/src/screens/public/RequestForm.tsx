/**
 * "Request a quote": the visitor's name, work email, company and an optional note, sent with the
 * configuration (public.requestQuote). The server re-checks everything; what it refuses comes back
 * located, and each reason is shown at its field (a contact field) or above the button (the
 * configuration). A double click sends one request: the idempotency key changes only after one
 * is received.
 */
import { useMutation } from "@tanstack/react-query";
import type { QuoteRequestReceipt } from "@tessera/api";
import type { Quote } from "@tessera/schema";
import { useRef, useState } from "react";
import { errorCode, errorDiagnostics, errorMessage, useTRPC } from "../../api/trpc.ts";

const FIELDS = [
  { id: "name", label: "Your name", type: "text", autoComplete: "name" },
  { id: "email", label: "Work email", type: "email", autoComplete: "email" },
  { id: "company", label: "Company", type: "text", autoComplete: "organization" },
] as const;

type Field = (typeof FIELDS)[number]["id"];

export interface RequestFormProps {
  quote: Quote;
  /** False while the configuration is incomplete or being recomputed. */
  ready: boolean;
  /** Why it is not ready, in one sentence (shown instead of sending). */
  blocker?: string | undefined;
  onSent: (receipt: QuoteRequestReceipt) => void;
  /** The catalog moved on: reload it (the server refused a stale version). */
  onStale: () => void;
}

export function RequestForm({ quote, ready, blocker, onSent, onStale }: RequestFormProps) {
  const trpc = useTRPC();
  const key = useRef(crypto.randomUUID());
  const [contact, setContact] = useState<Record<Field, string>>({ name: "", email: "", company: "" });
  const [note, setNote] = useState("");
  const send = useMutation(
    trpc.public.requestQuote.mutationOptions({
      onSuccess: (receipt) => {
        key.current = crypto.randomUUID();
        onSent(receipt);
      },
    }),
  );
  const diagnostics = send.error ? errorDiagnostics(send.error) : [];
  const at = (field: string) => diagnostics.find((d) => d.pointer === `/contact/${field}`)?.message;
  const elsewhere = diagnostics.filter((d) => !d.pointer.startsWith("/contact/"));
  const stale = send.error !== null && errorCode(send.error) === "PRECONDITION_FAILED";

  return (
    <form
      className="ts-card public-request"
      aria-labelledby="request-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready || send.isPending) return;
        send.mutate({
          idempotencyKey: key.current,
          quote,
          contact: { ...contact, ...(note.trim() ? { note } : {}) },
        });
      }}
    >
      <h2 id="request-title">Request this quote</h2>
      <p className="ts-hint">
        Our sales team prepares a formal quote from this configuration and writes to you, usually within one
        working day.
      </p>
      {FIELDS.map((f) => {
        const problem = at(f.id);
        return (
          <div className="ts-field" key={f.id}>
            <label htmlFor={`request-${f.id}`}>{f.label}</label>
            <input
              id={`request-${f.id}`}
              className="ts-input"
              type={f.type}
              autoComplete={f.autoComplete}
              maxLength={f.id === "email" ? 254 : 200}
              value={contact[f.id]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `request-${f.id}-problem` : undefined}
              onChange={(e) => setContact((c) => ({ ...c, [f.id]: e.target.value }))}
            />
            {problem ? (
              <p className="public-request__problem" id={`request-${f.id}-problem`}>
                {problem}
              </p>
            ) : null}
          </div>
        );
      })}
      <div className="ts-field">
        <label htmlFor="request-note">Anything we should know (optional)</label>
        <textarea
          id="request-note"
          className="ts-textarea"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {send.error && diagnostics.length === 0 ? (
        <p className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(send.error)}
        </p>
      ) : null}
      {elsewhere.length > 0 ? (
        <div className="ts-alert ts-alert--danger" role="alert">
          <ul className="public-request__list">
            {elsewhere.map((d) => (
              <li key={d.code + d.pointer}>{d.message}</li>
            ))}
          </ul>
          {stale ? (
            <button type="button" className="ts-button ts-button--small" onClick={onStale}>
              Reload prices
            </button>
          ) : null}
        </div>
      ) : null}
      {!ready && blocker ? <p className="ts-hint">{blocker}</p> : null}
      <button type="submit" className="ts-button ts-button--primary" disabled={!ready || send.isPending}>
        {send.isPending ? "Sending…" : "Request quote"}
      </button>
    </form>
  );
}
