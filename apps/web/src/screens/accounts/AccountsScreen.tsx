import { useQuery } from "@tanstack/react-query";
import { ErrorState, formatMoney, LoadingState } from "@tessera/ui";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { Link } from "../../navigation/Link.tsx";

export const accountHref = (customer: string) => `/accounts/${encodeURIComponent(customer)}`;

/** Every customer holding arrangements, with what they hold and pay; each opens its account view. */
export function AccountsScreen() {
  const trpc = useTRPC();
  const list = useQuery(trpc.accounts.list.queryOptions());
  return (
    <div className="stack">
      <div className="page-head">
        <h1>Accounts</h1>
        <span className="muted">Customers, what they hold and what they pay each month.</span>
      </div>
      {list.isPending ? <LoadingState label="Loading accounts" /> : null}
      {list.error ? (
        <ErrorState
          title="Could not load accounts"
          message={errorMessage(list.error)}
          onRetry={() => list.refetch()}
        />
      ) : null}
      {list.data ? (
        <section className="ts-card">
          {list.data.length === 0 ? (
            <p className="muted">No customers yet: an accepted quote makes one.</p>
          ) : (
            <table className="ts-table">
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Packages</th>
                  <th scope="col" className="ts-num">
                    MRR
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((c) => (
                  <tr key={c.customer}>
                    <td>
                      <Link href={accountHref(c.customer)}>{c.customer}</Link>
                    </td>
                    <td>{c.packages.join(", ")}</td>
                    <td className="ts-num">
                      {c.mrr.map((m) => formatMoney(m.amount, m.currency)).join(" + ") || "—"}
                    </td>
                    <td>
                      {c.cancelling ? (
                        <span className="ts-badge ts-badge--danger">cancellation pending</span>
                      ) : (
                        <span className="ts-badge ts-badge--ok">active</span>
                      )}
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
