/**
 * The internal side of a saved quote (never printed): whether its discount needs approval, the
 * request with the rep's note, each approver's decision and comment, and the quote's revisions.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatMoney } from "@tessera/ui";
import { useState } from "react";
import { errorMessage, type RouterOutputs, useTRPC } from "../../api/trpc.ts";
import { Link } from "../../navigation/Link.tsx";

type QuoteRecord = RouterOutputs["quotes"]["get"];

export const APPROVAL_BADGE: Record<string, [string, string]> = {
  pending: ["ts-badge ts-badge--warn", "approval pending"],
  approved: ["ts-badge ts-badge--ok", "approved"],
  rejected: ["ts-badge ts-badge--danger", "approval rejected"],
};

/** The approval badge of a quote that needs approval ("needs approval" before any request). */
export function approvalBadge(q: QuoteRecord): [string, string] | undefined {
  if (q.approval.required === 0) return undefined;
  return APPROVAL_BADGE[q.approval.state] ?? ["ts-badge ts-badge--warn", "needs approval"];
}

export function ApprovalPanel({ quote }: { quote: QuoteRecord }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const history = useQuery({
    ...trpc.approvals.history.queryOptions({ id: quote.id }),
    enabled: quote.approval.required > 0 || quote.approval.round > 0,
    // Approvers decide elsewhere: show their latest word whenever the quote is opened.
    refetchOnMount: "always",
  });
  const request = useMutation(
    trpc.approvals.request.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.quotes.get.queryKey({ id: quote.id }), next);
        void queryClient.invalidateQueries({ queryKey: trpc.approvals.history.queryKey({ id: quote.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.quotes.list.queryKey() });
      },
    }),
  );
  if (quote.approval.required === 0) return null;
  const { state, required, tier } = quote.approval;
  const canRequest =
    quote.status === "draft" && quote.supersededBy === null && (state === "none" || state === "rejected");
  const impact = quote.discountImpact;
  return (
    <section className="ts-card ts-no-print" aria-labelledby="approval-title">
      <div className="section-title" style={{ marginTop: 0 }}>
        <h2 id="approval-title" style={{ margin: 0 }}>
          Discount approval
        </h2>
        <span className={approvalBadge(quote)?.[0]} data-testid="approval-state">
          {approvalBadge(quote)?.[1]}
        </span>
      </div>
      <p style={{ marginTop: 0 }}>
        Needs {required === 1 ? "one approver" : `${required} different approvers`}
        {tier ? ` (${tier})` : ""}. The discount takes {formatMoney(impact.amount, quote.price.currency)} over
        the term, {impact.percentOfList}% of the list value of{" "}
        {formatMoney(impact.listValue, quote.price.currency)}.
      </p>
      {history.data && history.data.length > 0 ? (
        <ol className="approval-history" aria-label="Approval history">
          {history.data.map((e) => (
            <li key={`${e.round}:${e.action}:${e.actor}`}>
              <strong>
                {e.action === "request" ? "Requested" : e.action === "approve" ? "Approved" : "Rejected"}
              </strong>{" "}
              by {e.actorName || "a former token"} on {e.at.slice(0, 10)}
              {e.note ? (
                <>
                  : <q>{e.note}</q>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {canRequest ? (
        <div className="stack" style={{ gap: "0.5rem" }}>
          <div className="ts-field">
            <label htmlFor="approval-note">Note to the approvers</label>
            <textarea
              id="approval-note"
              className="ts-textarea"
              rows={2}
              value={note}
              placeholder="Why this discount: competition, deal size, strategic logo…"
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div>
            <button
              type="button"
              className="ts-button ts-button--primary"
              disabled={request.isPending}
              onClick={() => request.mutate({ id: quote.id, note })}
            >
              {state === "rejected" ? "Request approval again" : "Request approval"}
            </button>
          </div>
        </div>
      ) : null}
      {request.error ? (
        <div className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(request.error)}
        </div>
      ) : null}
    </section>
  );
}

/** Every revision of the quote, with the one shown marked. */
export function RevisionList({ quote }: { quote: QuoteRecord }) {
  const trpc = useTRPC();
  const revisions = useQuery({
    ...trpc.quotes.revisions.queryOptions({ id: quote.id }),
    enabled: quote.revision > 1 || quote.supersededBy !== null,
  });
  if (!revisions.data || revisions.data.length < 2) return null;
  return (
    <nav className="ts-card ts-no-print" aria-label="Revisions">
      <h2 style={{ marginTop: 0 }}>Revisions</h2>
      <ol className="revision-list">
        {revisions.data.map((r) => (
          <li key={r.id}>
            {r.id === quote.id ? (
              <strong aria-current="page">Revision {r.revision}</strong>
            ) : (
              <Link href={`/quotes/${r.id}`}>Revision {r.revision}</Link>
            )}{" "}
            <span className="muted">
              · {r.status} · {r.createdAt.slice(0, 10)} · MRR{" "}
              {formatMoney(r.price.totals.mrr, r.price.currency)}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
