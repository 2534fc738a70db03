import { useQuery } from "@tanstack/react-query";
import { ErrorState, formatDelta, formatMoney, LoadingState, MrrChart, PERIOD_LABEL } from "@tessera/ui";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { abilities, type Role } from "../../session/store.ts";
import { PortalAccess } from "./PortalAccess.tsx";
import { UsageMeters } from "./UsageMeters.tsx";

const UPCOMING_WORDS = { renewal: "Renews", trial_ends: "Trial ends", termination: "Service ends" } as const;

function Link({ href, children }: { href: string; children: React.ReactNode }) {
  return <Link href={href}>{children}</Link>;
}

/**
 * One customer's account: arrangements by name, MRR over time, what comes up next, usage against
 * allowance and the history of moves. Read-only; each arrangement opens in the path explorer,
 * where sellers apply moves. Sellers also make the customer's portal token here.
 */
export function AccountScreen({ customer, role }: { customer: string; role: Role }) {
  const trpc = useTRPC();
  const account = useQuery(trpc.accounts.get.queryOptions({ customer }));
  if (account.isPending) return <LoadingState label="Loading the account" />;
  if (account.error || !account.data)
    return (
      <ErrorState
        title="Could not load the account"
        message={errorMessage(account.error)}
        onRetry={() => account.refetch()}
      />
    );
  const a = account.data;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>{a.customer}</h1>
          <span className="muted">
            MRR now: {a.mrr.map((m) => formatMoney(m.current, m.currency)).join(" + ") || "—"} ·{" "}
            {a.arrangements.length} arrangement{a.arrangements.length === 1 ? "" : "s"}
          </span>
        </div>
        <Link href="/accounts">All accounts</Link>
      </div>
      <div className="grid-2">
        <div className="stack">
          {a.mrr.map((series) => (
            <MrrChart
              key={series.currency}
              title={`MRR over time (${series.currency})`}
              currency={series.currency}
              points={series.points}
            />
          ))}
        </div>
        <section className="ts-card" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">Coming up (90 days)</h2>
          {a.upcoming.length === 0 ? (
            <p className="ts-hint">No renewal, trial end or cancellation in the next 90 days.</p>
          ) : (
            <ul className="account-list">
              {a.upcoming.map((u) => (
                <li key={`${u.arrangementId}${u.kind}`}>
                  <strong>
                    {UPCOMING_WORDS[u.kind]} {u.date}
                  </strong>{" "}
                  — {u.packageName} <span className="muted">(in {u.days} days)</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="ts-card" aria-labelledby="arrangements-title">
        <h2 id="arrangements-title">Arrangements</h2>
        <table className="ts-table">
          <thead>
            <tr>
              <th scope="col">Package</th>
              <th scope="col">State</th>
              <th scope="col">Term</th>
              <th scope="col">Add-ons</th>
              <th scope="col" className="ts-num">
                Price
              </th>
              <th scope="col" className="ts-num">
                MRR
              </th>
            </tr>
          </thead>
          <tbody>
            {a.arrangements.map((x) => (
              <tr key={x.id}>
                <td>
                  <Link href={`/arrangements/${x.id}`}>{x.packageName}</Link>
                  <div className="ts-hint">{x.catalogName}</div>
                </td>
                <td>
                  {x.status === "pending_termination" ? (
                    <span className="ts-badge ts-badge--danger">ends {x.terminationDate}</span>
                  ) : x.status === "terminated" ? (
                    <span className="ts-badge">terminated</span>
                  ) : (
                    <span className="ts-badge ts-badge--ok">active</span>
                  )}{" "}
                  {x.phase !== "evergreen" ? (
                    <span className="ts-badge ts-badge--warn">
                      {x.phase} until {x.phaseEnds}
                    </span>
                  ) : null}
                </td>
                <td>
                  {x.term.start} → {x.term.end}
                </td>
                <td>
                  {x.addOns.map((o) => (o.quantity > 1 ? `${o.name} × ${o.quantity}` : o.name)).join(", ") ||
                    "—"}
                </td>
                <td className="ts-num">
                  {formatMoney(x.recurring, x.currency)} / {PERIOD_LABEL[x.billingPeriod] ?? x.billingPeriod}
                </td>
                <td className="ts-num">{formatMoney(x.mrr, x.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <UsageMeters arrangements={a.arrangements} />
      <section className="ts-card" aria-labelledby="history-title">
        <h2 id="history-title">History of moves</h2>
        <table className="ts-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Package</th>
              <th scope="col">Move</th>
              <th scope="col" className="ts-num">
                MRR after
              </th>
              <th scope="col" className="ts-num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {a.events.map((e) => (
              <tr key={`${e.arrangementId}-${e.revision}`}>
                <td>{e.date}</td>
                <td>{e.packageName}</td>
                <td>{e.label}</td>
                <td className="ts-num">{formatMoney(e.mrr, e.currency)}</td>
                <td className="ts-num">{formatDelta(e.mrrDelta, e.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {abilities(role).sell ? <PortalAccess customer={a.customer} /> : null}
    </div>
  );
}
