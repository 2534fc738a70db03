import { useQuery } from "@tanstack/react-query";
import { ErrorState, formatMoney, LoadingState, PERIOD_LABEL } from "@tessera/ui";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { UsageMeters } from "../accounts/UsageMeters.tsx";
import { PortalMoves } from "./PortalMoves.tsx";

/**
 * The customer portal: the signed-in customer's own subscriptions, and the changes they may make
 * themselves (what the catalog marks self-service), with price and proration in plain words.
 */
export function PortalScreen() {
  const trpc = useTRPC();
  const account = useQuery(trpc.portal.account.queryOptions());
  if (account.isPending) return <LoadingState label="Loading your subscriptions" />;
  if (account.error || !account.data)
    return (
      <ErrorState
        title="Could not load your subscriptions"
        message={errorMessage(account.error)}
        onRetry={() => account.refetch()}
      />
    );
  const { customer, arrangements, upcoming } = account.data;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Your subscriptions</h1>
          <span className="muted">{customer}</span>
        </div>
      </div>
      {arrangements.length === 0 ? <p className="muted">You have no subscriptions yet.</p> : null}
      {arrangements.map((a) => (
        <section key={a.id} className="ts-card stack" aria-label={a.packageName}>
          <div className="page-head" style={{ margin: 0 }}>
            <div>
              <h2 style={{ margin: 0 }}>{a.packageName}</h2>
              <span className="muted">
                {formatMoney(a.recurring, a.currency)} per {PERIOD_LABEL[a.billingPeriod] ?? a.billingPeriod}{" "}
                · term {a.term.start} to {a.term.end}
                {a.addOns.length > 0 ? ` · with ${a.addOns.map((o) => o.name).join(", ")}` : ""}
              </span>
            </div>
            {a.status === "pending_termination" ? (
              <span className="ts-badge ts-badge--danger">ends {a.terminationDate}</span>
            ) : a.phase === "trial" ? (
              <span className="ts-badge ts-badge--warn">free trial until {a.phaseEnds}</span>
            ) : (
              <span className="ts-badge ts-badge--ok">active</span>
            )}
          </div>
          {upcoming
            .filter((u) => u.arrangementId === a.id && u.kind === "renewal")
            .map((u) => (
              <p key={u.date} className="ts-hint" style={{ margin: 0 }}>
                Renews on {u.date} (in {u.days} days).
              </p>
            ))}
          <PortalMoves arrangementId={a.id} />
        </section>
      ))}
      <UsageMeters arrangements={arrangements} />
    </div>
  );
}
