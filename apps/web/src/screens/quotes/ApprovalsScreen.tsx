/**
 * The approval queue (approvers only): every quote waiting for a discount decision, oldest request
 * first, with what an approver weighs (Salesforce CPQ's approval request page): the discount and
 * why it needs approval, its margin impact, the rep's note, and how many approvers it still needs.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorState, formatMoney, LoadingState } from "@tessera/ui";
import { useState } from "react";
import { errorMessage, type RouterOutputs, useTRPC } from "../../api/trpc.ts";
import { Link } from "../../navigation/Link.tsx";

type Pending = RouterOutputs["approvals"]["queue"][number];

export function ApprovalsScreen() {
  const trpc = useTRPC();
  const queue = useQuery(trpc.approvals.queue.queryOptions());
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Approvals</h1>
          <p className="muted" style={{ margin: 0 }}>
            Discounts beyond the catalog's approval tiers, waiting for your decision.
          </p>
        </div>
      </div>
      {queue.isPending ? <LoadingState label="Loading the approval queue" /> : null}
      {queue.error ? (
        <ErrorState
          title="Could not load the approval queue"
          message={errorMessage(queue.error)}
          onRetry={() => queue.refetch()}
        />
      ) : null}
      {queue.data?.length === 0 ? (
        <section className="ts-card">
          <p className="muted">Nothing is waiting for approval.</p>
        </section>
      ) : null}
      {queue.data?.map((p) => (
        <ApprovalCard key={`${p.quote.id}:${p.quote.approval.round}`} pending={p} />
      ))}
    </div>
  );
}

function ApprovalCard({ pending }: { pending: Pending }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const { quote } = pending;
  const decide = useMutation(
    trpc.approvals.decide.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.approvals.queue.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.quotes.get.queryKey({ id: quote.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.quotes.list.queryKey() });
      },
    }),
  );
  const currency = quote.price.currency;
  const impact = quote.discountImpact;
  const headingId = `approval-${quote.id}`;
  const needs = quote.approval.required;
  return (
    <section className="ts-card approval-card" aria-labelledby={headingId}>
      <div className="approval-card__head">
        <div>
          <h2 id={headingId} style={{ margin: 0 }}>
            <Link href={`/quotes/${quote.id}`}>{quote.title}</Link>
          </h2>
          <p className="muted" style={{ margin: "0.25rem 0 0" }}>
            {quote.customer ?? "No customer named"} · {quote.packageName} · revision {quote.revision} ·
            requested by {pending.requestedByName || "a rep"} on {pending.requestedAt.slice(0, 10)}
          </p>
        </div>
        <span className="ts-badge ts-badge--warn">
          {pending.approvalsGiven} of {needs} approval{needs === 1 ? "" : "s"}
          {quote.approval.tier ? ` · ${quote.approval.tier}` : ""}
        </span>
      </div>
      <div className="approval-card__facts">
        <dl>
          <dt className="ts-label">Discount</dt>
          <dd>
            <ul className="approval-card__reasons">
              {(quote.doc.discounts ?? []).map((d) => (
                <li key={d.id}>
                  <strong>{d.description ?? "Discount"}</strong>:{" "}
                  {d.percent !== undefined
                    ? `${d.percent}% off ${d.appliesTo === "one_time" ? "one-time" : d.appliesTo === "all" ? "all" : "recurring"} charges`
                    : `${formatMoney(d.amount ?? "0", currency)} off`}
                  {d.periods !== undefined ? ` for ${d.periods} periods` : ""}
                </li>
              ))}
            </ul>
          </dd>
          <dt className="ts-label">Why it needs approval</dt>
          <dd>
            <ul className="approval-card__reasons">
              {quote.price.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </dd>
          <dt className="ts-label">Rep's note</dt>
          <dd>{pending.note ? <q>{pending.note}</q> : <span className="muted">No note.</span>}</dd>
        </dl>
        <dl aria-label="Margin impact">
          <dt className="ts-label">Margin impact over the term</dt>
          <dd className="approval-card__impact">
            <strong>−{formatMoney(impact.amount, currency)}</strong>
            <span>{impact.percentOfList}% of list</span>
          </dd>
          <dd className="muted" data-testid="impact-breakdown">
            List value {formatMoney(impact.listValue, currency)}
            {!/^0+(\.0+)?$/.test(impact.catalogDiscounts)
              ? `; catalog discounts (commitment, introductory) −${formatMoney(impact.catalogDiscounts, currency)}`
              : ""}
            ; this discount −{formatMoney(impact.amount, currency)}; quoted TCV{" "}
            {formatMoney(quote.price.totals.tcv, currency)}; MRR{" "}
            {formatMoney(quote.price.totals.mrr, currency)}
          </dd>
        </dl>
      </div>
      {pending.mine ? (
        <p className="ts-alert ts-alert--warn">You requested this approval; another approver decides it.</p>
      ) : pending.myDecision === "approve" ? (
        <p className="ts-alert ts-alert--ok" role="status">
          You approved this request; it waits for {needs - pending.approvalsGiven} more approver
          {needs - pending.approvalsGiven === 1 ? "" : "s"}.
        </p>
      ) : (
        <div className="approval-card__decide">
          <div className="ts-field" style={{ flex: 1 }}>
            <label htmlFor={`${headingId}-comment`}>Comment for the rep</label>
            <textarea
              id={`${headingId}-comment`}
              className="ts-textarea"
              rows={2}
              value={comment}
              placeholder="Required when rejecting: say what would be approved."
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="ts-row">
            <button
              type="button"
              className="ts-button ts-button--primary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: quote.id, decision: "approve", comment })}
            >
              Approve
            </button>
            <button
              type="button"
              className="ts-button ts-button--danger"
              disabled={decide.isPending || comment.trim() === ""}
              title={comment.trim() === "" ? "Write a comment for the rep first." : undefined}
              onClick={() => decide.mutate({ id: quote.id, decision: "reject", comment })}
            >
              Reject
            </button>
          </div>
        </div>
      )}
      {decide.error ? (
        <div className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(decide.error)}
        </div>
      ) : null}
    </section>
  );
}
