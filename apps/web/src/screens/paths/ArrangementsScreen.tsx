import { useQuery } from "@tanstack/react-query";
import { ErrorState, formatMoney, LoadingState } from "@tessera/ui";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { Link } from "../../navigation/Link.tsx";

/** What customers hold now; each opens in the path explorer. */
export function ArrangementsScreen() {
  const trpc = useTRPC();
  const list = useQuery(trpc.arrangements.list.queryOptions());
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Path explorer</h1>
        <span className="muted">Pick a customer's arrangement to see every move from it.</span>
      </div>
      {list.isPending ? <LoadingState label="Loading arrangements" /> : null}
      {list.error ? (
        <ErrorState
          title="Could not load arrangements"
          message={errorMessage(list.error)}
          onRetry={() => list.refetch()}
        />
      ) : null}
      {list.data ? (
        <section className="ts-card">
          {list.data.length === 0 ? (
            <p className="muted">No arrangements yet: an accepted quote becomes one.</p>
          ) : (
            <table className="ts-table">
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Package</th>
                  <th scope="col">Term</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="ts-num">
                    Recurring
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={`/arrangements/${a.id}`}>{a.customer ?? a.id}</Link>
                    </td>
                    <td>{a.packageName}</td>
                    <td>
                      {a.doc.term.start} → {a.doc.term.end}
                    </td>
                    <td>
                      <span className="ts-badge">{a.doc.status ?? "active"}</span>
                    </td>
                    <td className="ts-num">
                      {a.doc.recurring ? formatMoney(a.doc.recurring, a.doc.currency) : "—"}
                    </td>
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
