import { useQuery } from "@tanstack/react-query";
import { formatMoney, PERIOD_LABEL } from "@tessera/ui";
import { useTRPC } from "../../api/trpc.ts";
import { Link } from "../../navigation/Link.tsx";
import { ListPage } from "../ListPage.tsx";

/** What customers hold now; each opens in the path explorer. */
export function ArrangementsScreen() {
  const trpc = useTRPC();
  const list = useQuery(trpc.arrangements.list.queryOptions());
  return (
    <ListPage
      title="Path explorer"
      intro="Pick a customer's arrangement to see every move from it."
      what="arrangements"
      query={list}
      empty="No arrangements yet: an accepted quote becomes one."
    >
      {(rows) => (
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
            {rows.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/arrangements/${a.id}`}>{a.customer ?? a.id}</Link>
                </td>
                <td>{a.packageName}</td>
                <td>
                  {a.doc.term.start} → {a.doc.term.end}
                </td>
                <td>
                  <span className="ts-badge">{(a.doc.status ?? "active").replaceAll("_", " ")}</span>
                </td>
                <td className="ts-num">
                  {a.doc.recurring
                    ? `${formatMoney(a.doc.recurring, a.doc.currency)} / ${PERIOD_LABEL[a.doc.billingPeriod] ?? a.doc.billingPeriod}`
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListPage>
  );
}
