/**
 * Confirmation before a move is applied: what it is, the day it takes effect and the net amount
 * due (or credited) because of it, and the new recurring price — for a move with choices (a
 * quantity, a chosen end date), as the API works them out for those choices (previewMove). A native modal <dialog>: focus is
 * trapped and Escape cancels.
 */
import { formatMoney, PERIOD_LABEL } from "@tessera/ui";
import { useEffect, useRef } from "react";

export interface PendingMove {
  title: string;
  effectiveDate?: string | undefined;
  /** Signed decimal string; undefined while the API works it out for the choices made. */
  prorationNet?: string | undefined;
  newRecurring?: string | undefined;
  /** The billing period the new price is per ("year"), shown after it. */
  newPeriod?: string | undefined;
  /** Extra line (the chosen quantity, a chosen end date). */
  detail?: string | undefined;
}

export function ConfirmMove({
  pending,
  currency,
  onConfirm,
  onCancel,
  working = false,
  refused,
}: {
  pending: PendingMove | null;
  currency: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The amounts for the choices made are being worked out (by the API). */
  working?: boolean;
  /** Why the move, with the choices made, would be refused: it cannot be confirmed. */
  refused?: readonly string[] | undefined;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (pending && !d.open) d.showModal();
    if (!pending && d.open) d.close();
  }, [pending]);
  const net = pending?.prorationNet;
  const due =
    net === undefined
      ? working
        ? "Working it out…"
        : "—"
      : net.startsWith("-")
        ? `${formatMoney(net.slice(1), currency)} credited`
        : /^0*(\.0*)?$/.test(net)
          ? "Nothing due because of this move"
          : `${formatMoney(net, currency)} due`;
  return (
    <dialog
      ref={dialog}
      className="ts-dialog"
      aria-labelledby="confirm-move-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-move-title">Apply “{pending?.title}”?</h2>
      <dl className="confirm-facts">
        <dt>Takes effect</dt>
        <dd>{pending?.effectiveDate ?? "on applying"}</dd>
        <dt>Net amount</dt>
        <dd>
          <strong>{due}</strong>
        </dd>
        {pending?.newRecurring !== undefined ? (
          <>
            <dt>New recurring price</dt>
            <dd>
              {formatMoney(pending.newRecurring, currency)}
              {pending.newPeriod ? ` / ${PERIOD_LABEL[pending.newPeriod] ?? pending.newPeriod}` : ""}
            </dd>
          </>
        ) : null}
        {pending?.detail ? (
          <>
            <dt>Details</dt>
            <dd>{pending.detail}</dd>
          </>
        ) : null}
      </dl>
      {refused && refused.length > 0 ? (
        <div className="ts-alert ts-alert--danger" role="alert">
          {refused.join(" ")}
        </div>
      ) : null}
      <div className="ts-row">
        <button
          type="button"
          className="ts-button ts-button--primary"
          disabled={working || (refused !== undefined && refused.length > 0)}
          onClick={onConfirm}
        >
          Confirm and apply
        </button>
        <button type="button" className="ts-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
