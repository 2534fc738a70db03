/**
 * The draft's actions: undo, redo, save, publish. Keyboard: Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z or
 * Ctrl+Y redoes, Ctrl/⌘+S saves — anywhere on the designer, fields included (the store groups a
 * field's keystrokes into one step, so undo in a field behaves as in a text editor).
 */
import { Tooltip } from "@tessera/ui";
import { useEffect } from "react";
import { useStore } from "zustand";
import { redo, undo, useDraft } from "./draftStore.ts";

export function DraftToolbar({
  dirty,
  saving,
  onSave,
  publishBlocked,
  onPublish,
}: {
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  publishBlocked: string | null;
  onPublish: () => void;
}) {
  const canUndo = useStore(useDraft.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDraft.temporal, (s) => s.futureStates.length > 0);
  const conflict = useDraft((s) => s.conflict !== null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) undo();
      else if ((key === "z" && e.shiftKey) || key === "y") redo();
      else if (key === "s") onSave();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onSave]);

  return (
    <div className="ts-row" role="toolbar" aria-label="Draft actions">
      <button
        type="button"
        className="ts-button"
        disabled={!canUndo}
        onClick={undo}
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        className="ts-button"
        disabled={!canRedo}
        onClick={redo}
        aria-keyshortcuts="Control+Shift+Z"
      >
        Redo
      </button>
      <button
        type="button"
        className="ts-button ts-button--primary"
        disabled={!dirty || saving || conflict}
        onClick={onSave}
        aria-keyshortcuts="Control+S"
      >
        {saving ? "Saving…" : "Save draft"}
      </button>
      {publishBlocked ? (
        <Tooltip id="publish-why" text={publishBlocked}>
          <button type="button" className="ts-button" aria-disabled="true" aria-describedby="publish-why">
            Publish…
          </button>
        </Tooltip>
      ) : (
        <button type="button" className="ts-button" onClick={onPublish}>
          Publish…
        </button>
      )}
    </div>
  );
}
