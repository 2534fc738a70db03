/** Publishing: the diff against the last published version, then freezing the draft. */
import { useQuery } from "@tanstack/react-query";
import { DiagnosticsPanel, type DiffChange, DiffView, ErrorState, LoadingState } from "@tessera/ui";
import { errorDiagnostics, errorMessage, useTRPC } from "../../api/trpc.ts";
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
  const diff = useQuery({
    ...trpc.catalogs.diff.queryOptions({ catalogId, from: latestVersion ?? 1, to: "draft" }),
    enabled: latestVersion !== null && !dirty,
    staleTime: 0,
  });
  const next = (latestVersion ?? 0) + 1;
  return (
    <section className="ts-card" role="dialog" aria-modal="false" aria-labelledby="publish-title">
      <h2 id="publish-title">Publish {name}</h2>
      <p className="muted">
        Publishing freezes this draft as version {next}. Published versions never change.
      </p>
      {latestVersion === null ? (
        <p>This is the first version.</p>
      ) : diff.isPending ? (
        <LoadingState label="Comparing with the last published version" />
      ) : diff.error ? (
        <ErrorState title="Could not compare" message={errorMessage(diff.error)} />
      ) : (
        <DiffView
          title={`Draft vs version ${latestVersion}`}
          changes={(diff.data?.changes ?? []).map(
            (c): DiffChange => ({
              pointer: c.pointer,
              kind: c.kind,
              ...(short(c.before) !== undefined ? { before: short(c.before)! } : {}),
              ...(short(c.after) !== undefined ? { after: short(c.after)! } : {}),
            }),
          )}
        />
      )}
      {publish.error ? (
        <div className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(publish.error)}
          <DiagnosticsPanel diagnostics={errorDiagnostics(publish.error)} onSelect={onSelect} />
        </div>
      ) : null}
      <div className="ts-row" style={{ marginTop: "0.75rem" }}>
        <button
          type="button"
          className="ts-button ts-button--primary"
          disabled={publish.isPending || blocked !== null}
          onClick={() => publish.mutate({ catalogId, revision }, { onSuccess: onClose })}
        >
          {publish.isPending ? "Publishing…" : `Publish version ${next}`}
        </button>
        <button type="button" className="ts-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </section>
  );
}
