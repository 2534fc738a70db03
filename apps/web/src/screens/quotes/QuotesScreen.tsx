import { useQuery } from "@tanstack/react-query";
import { ErrorState, formatInstant, formatMoney, LoadingState } from "@tessera/ui";
import { errorMessage, type RouterOutputs, useTRPC } from "../../api/trpc.ts";
import { Link } from "../../navigation/Link.tsx";
import { navigate } from "../../navigation/store.ts";
import { useSession } from "../../session/store.ts";
import { approvalBadge } from "./ApprovalPanel.tsx";
import { mailtoHref } from "./branding.ts";

type QuoteRecord = RouterOutputs["quotes"]["list"][number];

function QuoteLink({ quote }: { quote: QuoteRecord }) {
  return <Link href={`/quotes/${quote.id}`}>{quote.title}</Link>;
}

/**
 * What approvers decided on the caller's drafts: approved ones can be sent now, rejected ones need
 * a change (the approver's comment is on the quote).
 */
function ApprovalNotices({ quotes }: { quotes: readonly QuoteRecord[] }) {
  const me = useSession((s) => s.me);
  const mine = quotes.filter((q) => q.createdBy === me?.tokenId && q.status === "draft");
  const approved = mine.filter((q) => q.approval.required > 0 && q.approval.state === "approved");
  const rejected = mine.filter((q) => q.approval.state === "rejected");
  if (approved.length === 0 && rejected.length === 0) return null;
  return (
    <section className="stack" style={{ gap: "0.5rem" }} aria-label="Approval outcomes">
      {approved.length > 0 ? (
        <div className="ts-alert ts-alert--ok" role="status">
          <strong>Approved, ready to send:</strong>
          <ul className="quote-notices">
            {approved.map((q) => (
              <li key={q.id}>
                <QuoteLink quote={q} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {rejected.length > 0 ? (
        <div className="ts-alert ts-alert--danger" role="status">
          <strong>Discount rejected, open the quote for the approver's comment:</strong>
          <ul className="quote-notices">
            {rejected.map((q) => (
              <li key={q.id}>
                <QuoteLink quote={q} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** The seller's quotes (the latest revision of each), newest first, and the way to a new one. */
export function QuotesScreen() {
  const trpc = useTRPC();
  const quotes = useQuery(trpc.quotes.list.queryOptions());
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Quotes</h1>
        <button
          type="button"
          className="ts-button ts-button--primary"
          onClick={() => navigate("/quotes/new")}
        >
          New quote
        </button>
      </div>
      {quotes.isPending ? <LoadingState label="Loading quotes" /> : null}
      {quotes.error ? (
        <ErrorState
          title="Could not load quotes"
          message={errorMessage(quotes.error)}
          onRetry={() => quotes.refetch()}
        />
      ) : null}
      {quotes.data ? <ApprovalNotices quotes={quotes.data} /> : null}
      {quotes.data ? (
        <section className="ts-card">
          {quotes.data.length === 0 ? (
            <p className="muted">No quotes yet.</p>
          ) : (
            <table className="ts-table">
              <thead>
                <tr>
                  <th scope="col">Quote</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Package</th>
                  <th scope="col">Revision</th>
                  <th scope="col">Status</th>
                  <th scope="col">Updated</th>
                  <th scope="col" className="ts-num">
                    MRR
                  </th>
                </tr>
              </thead>
              <tbody>
                {quotes.data.map((q) => (
                  <tr key={q.id}>
                    <td>
                      <QuoteLink quote={q} />
                    </td>
                    <td>
                      {q.customer ?? "—"}
                      {q.requester ? (
                        <span className="ts-hint quote-requester">
                          {q.requester.name} · <a href={mailtoHref(q.requester.email)}>{q.requester.email}</a>
                        </span>
                      ) : null}
                    </td>
                    <td>{q.packageName}</td>
                    <td className="ts-num">{q.revision}</td>
                    <td>
                      <span className="ts-row" style={{ gap: "0.35rem" }}>
                        <span className="ts-badge">{q.status}</span>
                        {q.source === "self_service" ? (
                          <span
                            className="ts-badge ts-badge--accent"
                            title="Sent by a visitor from the public pricing page"
                          >
                            self-service request
                          </span>
                        ) : null}
                        {q.status === "draft" && approvalBadge(q) ? (
                          <span className={approvalBadge(q)![0]}>{approvalBadge(q)![1]}</span>
                        ) : null}
                      </span>
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>{formatInstant(q.updatedAt)}</td>
                    <td className="ts-num">{formatMoney(q.price.totals.mrr, q.price.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}
