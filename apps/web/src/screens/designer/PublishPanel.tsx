/**
 * Publishing: what the new version changes for consuming services (the breaking-change diff of
 * `tessera diff`), a confirmation when a change breaks them, then freezing the draft. The edits
 * field by field stay one click away.
 */
import { useQuery } from "@tanstack/react-query";
import { DiagnosticsPanel, type DiffChange, DiffView, ErrorState, LoadingState } from "@tessera/ui";
import { useState } from "react";
import { errorDiagnostics, errorMessage, useTRPC } from "../../api/trpc.ts";
import { BreakingChanges } from "./BreakingChanges.tsx";
import { useDraft } from "./draftStore.ts";
import type { DraftSession } from "./useDraftSession.ts";

const short = (v: unknown) => {
  if (v === undefined) return undefined;
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 90 ? `${s.slice(0, 87)}…` : s;
};

export function PublishPanel({
  catalogId,
  name,
  session,
  dirty,
  blocked,
  onClose,
  onSelect,
}: {
  catalogId: string;
  name: string;
  session: DraftSession;
  dirty: boolean;
  blocked: string | null;
  onClose: () => void;
  onSelect: (pointer: string) => void;
}) {
  const trpc = useTRPC();
  const { latestVersion, publish } = session;
  const revision = useDraft((s) => s.revision);
  const [confirmed, setConfirmed] = useState(false);
  const compare = latestVersion !== null && !dirty;
  const consumer = useQuery({
    ...trpc.interop.breakingDiff.queryOptions({ catalogId, from: latestVersion ?? 1, to: "draft" }),
    enabled: compare,
    staleTime: 0,
  });
  const edits = useQuery({
    ...trpc.catalogs.diff.queryOptions({ catalogId, from: latestVersion ?? 1, to: "draft" }),
    enabled: compare,
    staleTime: 0,
  });
  const next = (latestVersion ?? 0) + 1;
  const breaking = consumer.data?.changes.filter((c) => c.breaking).length ?? 0;
  // Publishing waits for the check; a breaking change (or a check that failed) needs a yes.
  const checking = compare && consumer.isPending;
  const needsYes = compare && (breaking > 0 || consumer.error !== null);
  return (
    <section className="ts-card" role="dialog" aria-modal="false" aria-labelledby="publish-title">
      <h2 id="publish-title">Publish {name}</h2>
      <p className="muted">
        Publishing freezes this draft as version {next}. Published versions never change.
      </p>
      {latestVersion === null ? (
        <p>This is the first version: no consuming service reads this catalog yet.</p>
      ) : dirty ? (
        <p className="ts-hint">Save the draft to see what it changes for consuming services.</p>
      ) : consumer.isPending ? (
        <LoadingState label="Checking what changes for consuming services" />
      ) : consumer.error ? (
        <ErrorState title="Could not check for breaking changes" message={errorMessage(consumer.error)} />
      ) : (
        <BreakingChanges diff={consumer.data} against={`version ${latestVersion}`} onSelect={onSelect} />
      )}
      {compare && edits.data ? (
        <details style={{ marginTop: "0.5rem" }}>
          <summary className="ts-hint">Every edit, field by field ({edits.data.changes.length})</summary>
          <DiffView
            title={`Draft vs version ${latestVersion}`}
            changes={edits.data.changes.map(
              (c): DiffChange => ({
                pointer: c.pointer,
                kind: c.kind,
                ...(short(c.before) !== undefined ? { before: short(c.before)! } : {}),
                ...(short(c.after) !== undefined ? { after: short(c.after)! } : {}),
              }),
            )}
          />
        </details>
      ) : null}
      {needsYes ? (
        <div className="ts-alert ts-alert--danger" role="alert" style={{ marginTop: "0.75rem" }}>
          <strong>
            {breaking > 0
              ? `${breaking} change${breaking === 1 ? "" : "s"} will break services that read version ${latestVersion}.`
              : "Breaking changes could not be checked."}
          </strong>{" "}
          Billing systems, storefronts and CRMs holding the old ids, prices or moves may fail until they are
          updated.
          <label className="ts-row" style={{ gap: "0.35rem", marginTop: "0.5rem" }}>
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {breaking > 0
              ? `I understand: publish version ${next} with ${breaking} breaking change${breaking === 1 ? "" : "s"}`
              : `I understand: publish version ${next} unchecked`}
          </label>
        </div>
      ) : null}
      {publish.error ? (
        <div className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(publish.error)}
          <DiagnosticsPanel diagnostics={errorDiagnostics(publish.error)} onSelect={onSelect} />
        </div>
      ) : null}
      {blocked ? <p className="ts-hint">{blocked}</p> : null}
      <div className="ts-row" style={{ marginTop: "0.75rem" }}>
        <button
          type="button"
          className={`ts-button ${needsYes ? "ts-button--danger" : "ts-button--primary"}`}
          disabled={publish.isPending || blocked !== null || checking || (needsYes && !confirmed)}
          onClick={() => publish.mutate({ catalogId, revision }, { onSuccess: onClose })}
        >
          {publish.isPending
            ? "Publishing…"
            : needsYes && breaking > 0
              ? `Publish version ${next} with breaking changes`
              : `Publish version ${next}`}
        </button>
        <button type="button" className="ts-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </section>
  );
}
