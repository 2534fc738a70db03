/** What to do when someone else saved the draft first: merge, download mine, or take theirs. */
import { useDraft } from "./draftStore.ts";

export function ConflictAlert({
  onMerge,
  onDownload,
  onDiscard,
}: {
  onMerge: () => void;
  onDownload: () => void;
  onDiscard: () => void;
}) {
  const conflict = useDraft((s) => s.conflict);
  if (!conflict) return null;
  return (
    <div className="ts-alert ts-alert--warn" role="alert" aria-label="Editing conflict">
      <strong>Someone else saved this draft (now revision {conflict.theirRevision}).</strong> Your edits are
      still here and were not overwritten. Choose how to go on:
      <div className="ts-row" style={{ marginTop: "0.5rem" }}>
        <button type="button" className="ts-button ts-button--primary" onClick={onMerge}>
          Merge my changes onto theirs
        </button>
        <button type="button" className="ts-button" onClick={onDownload}>
          Download my version
        </button>
        <button type="button" className="ts-button ts-button--danger" onClick={onDiscard}>
          Discard mine, load theirs
        </button>
      </div>
    </div>
  );
}
