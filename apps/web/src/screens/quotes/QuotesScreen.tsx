import { useQuery } from "@tanstack/react-query";
import { ErrorState, formatMoney, LoadingState } from "@tessera/ui";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { navigate } from "../../navigation/store.ts";

/** The seller's quotes, newest first, and the way to a new one. */
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
                  <th scope="col">Status</th>
                  <th scope="col" className="ts-num">
                    MRR
                  </th>
                </tr>
              </thead>
              <tbody>
                {quotes.data.map((q) => (
                  <tr key={q.id}>
                    <td>
                      <a
                        href={`/quotes/${q.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(`/quotes/${q.id}`);
                        }}
                      >
                        {q.title}
                      </a>
                    </td>
                    <td>{q.customer ?? "—"}</td>
                    <td>{q.packageName}</td>
                    <td>
                      <span className="ts-badge">{q.status}</span>
                    </td>
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
