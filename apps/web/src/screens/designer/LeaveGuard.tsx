/**
 * Asks before unsaved edits are left behind: closing or reloading the tab triggers the browser's
 * own prompt (`beforeunload`); a link or Back inside the app waits for this dialog, which offers to
 * save first, leave anyway, or stay. The dialog is a native modal `<dialog>` (focus is trapped,
 * Escape means stay).
 */
import { useEffect, useRef, useState } from "react";
import { useNavigation } from "../../navigation/store.ts";

export function LeaveGuard({ dirty, onSave }: { dirty: boolean; onSave: () => Promise<boolean> }) {
  const setGuard = useNavigation((s) => s.setGuard);
  const pending = useNavigation((s) => s.pending);
  const confirmLeave = useNavigation((s) => s.confirmLeave);
  const stay = useNavigation((s) => s.stay);
  const dialog = useRef<HTMLDialogElement>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!dirty) return;
    setGuard(() => true);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      setGuard(null);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [dirty, setGuard]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (pending !== null && !d.open) d.showModal();
    if (pending === null && d.open) d.close();
  }, [pending]);

  return (
    <dialog
      ref={dialog}
      className="ts-dialog"
      aria-labelledby="leave-title"
      onCancel={(e) => {
        e.preventDefault();
        stay();
      }}
    >
      <h2 id="leave-title">Leave with unsaved changes?</h2>
      <p>Your edits to this draft are not saved yet. They are lost if you leave without saving.</p>
      <div className="ts-row">
        <button
          type="button"
          className="ts-button ts-button--primary"
          disabled={saving}
          onClick={async () => {
            setSaving(true);
            const ok = await onSave();
            setSaving(false);
            if (ok) confirmLeave();
            else stay();
          }}
        >
          {saving ? "Saving…" : "Save and leave"}
        </button>
        <button type="button" className="ts-button ts-button--danger" onClick={confirmLeave}>
          Leave without saving
        </button>
        <button type="button" className="ts-button" onClick={stay}>
          Stay on this page
        </button>
      </div>
    </dialog>
  );
}
