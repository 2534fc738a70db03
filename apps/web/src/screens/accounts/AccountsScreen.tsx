import { useQuery } from "@tanstack/react-query";
import { formatMoney } from "@tessera/ui";
import { useTRPC } from "../../api/trpc.ts";
import { Link } from "../../navigation/Link.tsx";
import { ListPage } from "../ListPage.tsx";

export const accountHref = (customer: string) => `/accounts/${encodeURIComponent(customer)}`;

/** Every customer holding arrangements, with what they hold and pay; each opens its account view. */
export function AccountsScreen() {
  const trpc = useTRPC();
  const list = useQuery(trpc.accounts.list.queryOptions());
  return (
    <ListPage
      title="Accounts"
      intro="Customers, what they hold and what they pay each month."
      what="accounts"
      query={list}
      empty="No customers yet: an accepted quote makes one."
    >
      {(rows) => (
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
            {rows.map((c) => (
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
    </ListPage>
  );
}
