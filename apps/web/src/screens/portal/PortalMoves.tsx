import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PortalMove } from "@tessera/api";
import { ErrorState, LoadingState } from "@tessera/ui";
import { useEffect, useRef, useState } from "react";
import { errorMessage, useTRPC } from "../../api/trpc.ts";

type Offered = Pick<PortalMove, "id" | "label" | "words">;

/** The changes a customer may make to one subscription, each in plain words, with a confirmation. */
export function PortalMoves({ arrangementId }: { arrangementId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const moves = useQuery(trpc.portal.moves.queryOptions({ id: arrangementId }));
  const [confirming, setConfirming] = useState<Offered | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const apply = useMutation(
    trpc.portal.applyMove.mutationOptions({
      onSuccess: (result) => {
        setDone(result.move.label);
        setConfirming(null);
        void queryClient.invalidateQueries({ queryKey: trpc.portal.pathKey() });
      },
    }),
  );
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (confirming && !d.open) d.showModal();
    if (!confirming && d.open) d.close();
  }, [confirming]);

  if (moves.isPending) return <LoadingState label="Looking up the changes you can make" />;
  if (moves.error || !moves.data)
    return <ErrorState title="Could not list the changes" message={errorMessage(moves.error)} />;
  const { moves: offered, others, revision } = moves.data;
  return (
    <div className="stack" style={{ gap: "0.6rem" }}>
      {done ? (
        <div className="ts-alert ts-alert--ok" role="status">
          Done: {done}. Your subscription is updated.
        </div>
      ) : null}
      {apply.error ? (
        <div className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(apply.error)}
        </div>
      ) : null}
      <h3 style={{ margin: 0 }}>Changes you can make</h3>
      {offered.length === 0 ? (
        <p className="ts-hint">There is nothing you can change yourself right now.</p>
      ) : null}
      <ul className="ts-moves" aria-label="Changes you can make">
        {offered.map((m) => (
          <li key={m.id} className="ts-move" data-valid="true">
            <div className="ts-move__head">
              <span className="ts-move__title">{m.label}</span>
              <button
                type="button"
                className="ts-button ts-button--primary"
                disabled={apply.isPending}
                onClick={() => setConfirming(m)}
              >
                Choose
              </button>
            </div>
            <p className="portal-words">
              {m.words.when} {m.words.price}
            </p>
            <p className="portal-words muted">{m.words.proration}</p>
            {m.words.addOns.map((w) => (
              <p key={w} className="portal-words muted">
                {w}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <p className="ts-hint" style={{ margin: 0 }}>
          Your account manager can help with: {others.map((o) => o.label).join(", ")}.
        </p>
      ) : null}
      <dialog
        ref={dialog}
        className="ts-dialog"
        aria-labelledby={`confirm-${arrangementId}`}
        onCancel={(e) => {
          e.preventDefault();
          setConfirming(null);
        }}
      >
        <h2 id={`confirm-${arrangementId}`}>{confirming?.label}?</h2>
        <p>
          {confirming?.words.when} {confirming?.words.price}
        </p>
        <p>{confirming?.words.proration}</p>
        <div className="ts-row">
          <button
            type="button"
            className="ts-button ts-button--primary"
            disabled={apply.isPending}
            onClick={() =>
              confirming && apply.mutate({ id: arrangementId, revision, move: { id: confirming.id } })
            }
          >
            {apply.isPending ? "Applying…" : "Confirm the change"}
          </button>
          <button type="button" className="ts-button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      </dialog>
    </div>
  );
}
