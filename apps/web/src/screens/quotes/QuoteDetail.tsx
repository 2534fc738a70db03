import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { configure, spanWords } from "@tessera/engine";
import { ErrorState, LoadingState, PERIOD_LABEL, PriceSummary } from "@tessera/ui";
import { useMemo } from "react";
import { errorDiagnostics, errorMessage, useTRPC } from "../../api/trpc.ts";
import { priceSummaryProps } from "../../engine/priceView.ts";
import { usePublishedCatalog } from "../../engine/useCatalog.ts";
import { Link } from "../../navigation/Link.tsx";
import { navigate } from "../../navigation/store.ts";
import { ApprovalPanel, approvalBadge, RevisionList } from "./ApprovalPanel.tsx";
import { mailtoHref } from "./branding.ts";

const STATUS_BADGE: Record<string, string> = {
  draft: "ts-badge",
  sent: "ts-badge ts-badge--accent",
  accepted: "ts-badge ts-badge--ok",
  expired: "ts-badge ts-badge--danger",
};

/**
 * A saved quote: the server's price snapshot, its status moves (each button a no-op when clicked
 * twice), its approval and revisions, and the way to revise, clone and print it.
 */
export function QuoteDetail({ quoteId }: { quoteId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Always fresh on opening: an approver may have decided since this quote was last shown.
  const quote = useQuery({ ...trpc.quotes.get.queryOptions({ id: quoteId }), refetchOnMount: "always" });
  // One key per quote shown: a double click on "Clone" makes one copy.
  const cloneKey = useMemo(() => `clone-${quoteId}-${crypto.randomUUID()}`, [quoteId]);
  const record = quote.data;
  const { catalog } = usePublishedCatalog(record?.catalogId ?? null, record?.catalogVersion);
  // The quantities in effect, package defaults included: a printed quote says "25 seats", not
  // "package defaults".
  const quantities = useMemo(() => {
    if (!catalog || !record) return undefined;
    try {
      // Metered components are billed on usage, not on a quantity sold.
      return configure(catalog, record.doc).quantities.filter((q) => {
        const component = catalog.components.get(q.component)?.value;
        return catalog.services.get(component?.service ?? "")?.value.kind !== "usage";
      });
    } catch {
      return undefined;
    }
  }, [catalog, record]);
  const transition = useMutation(
    trpc.quotes.transition.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.quotes.get.queryKey({ id: quoteId }), next);
        void queryClient.invalidateQueries({ queryKey: trpc.quotes.list.queryKey() });
      },
    }),
  );

  const clone = useMutation(
    trpc.quotes.clone.mutationOptions({
      onSuccess: (copy) => {
        void queryClient.invalidateQueries({ queryKey: trpc.quotes.list.queryKey() });
        navigate(`/quotes/${copy.id}`);
      },
    }),
  );

  if (quote.isPending) return <LoadingState label="Loading the quote" />;
  if (quote.error || !record)
    return (
      <ErrorState
        title="Could not load the quote"
        message={errorMessage(quote.error)}
        onRetry={() => quote.refetch()}
      />
    );

  const doc = record.doc;
  const name = (id: string) =>
    catalog?.packages.get(id)?.value.name ?? catalog?.options.get(id)?.value.name ?? id;
  const componentName = (id: string) => {
    const c = catalog?.components.get(id)?.value;
    return c?.name ?? (c ? catalog?.services.get(c.service)?.value.name : undefined) ?? id;
  };
  const problems = transition.error ? errorDiagnostics(transition.error) : [];
  const badge = approvalBadge(record);
  const current = record.supersededBy === null;
  const needsApproval = record.approval.required > 0 && record.approval.state !== "approved";
  const revisable = current && record.status !== "accepted";

  return (
    <article className="stack quote-doc" aria-labelledby="quote-title">
      <div className="page-head">
        <div>
          <h1 id="quote-title">{record.title}</h1>
          <div className="ts-row">
            <span className={STATUS_BADGE[record.status] ?? "ts-badge"} data-testid="quote-status">
              {record.status}
            </span>
            <span className="ts-badge" data-testid="quote-revision">
              revision {record.revision}
            </span>
            {badge ? <span className={`${badge[0]} ts-no-print`}>{badge[1]}</span> : null}
            <span className="muted">
              {catalog?.doc.name ?? record.catalogId} v{record.catalogVersion} · created{" "}
              {record.createdAt.slice(0, 10)}
            </span>
          </div>
        </div>
        <div className="ts-row ts-no-print" role="toolbar" aria-label="Quote actions">
          {record.status === "draft" && current ? (
            <button
              type="button"
              className="ts-button ts-button--primary"
              disabled={transition.isPending || needsApproval}
              title={needsApproval ? "The discount must be approved before the quote is sent." : undefined}
              onClick={() => transition.mutate({ id: record.id, to: "sent" })}
            >
              Send to customer
            </button>
          ) : null}
          {record.status === "sent" && current ? (
            <>
              <button
                type="button"
                className="ts-button ts-button--primary"
                disabled={transition.isPending}
                onClick={() => transition.mutate({ id: record.id, to: "accepted" })}
              >
                Mark accepted
              </button>
              <button
                type="button"
                className="ts-button"
                disabled={transition.isPending}
                onClick={() => transition.mutate({ id: record.id, to: "expired" })}
              >
                Mark expired
              </button>
            </>
          ) : null}
          {record.arrangementId ? (
            <button
              type="button"
              className="ts-button"
              onClick={() => navigate(`/arrangements/${record.arrangementId}`)}
            >
              Open arrangement
            </button>
          ) : null}
          {revisable ? (
            <button
              type="button"
              className="ts-button"
              onClick={() => navigate(`/quotes/${record.id}/revise`)}
            >
              Revise
            </button>
          ) : null}
          <button
            type="button"
            className="ts-button"
            disabled={clone.isPending}
            onClick={() => clone.mutate({ id: record.id, idempotencyKey: cloneKey })}
          >
            Clone
          </button>
          <button type="button" className="ts-button" onClick={() => navigate(`/quotes/${record.id}/print`)}>
            Print
          </button>
        </div>
      </div>
      {!current ? (
        <div className="ts-alert ts-alert--warn ts-no-print" role="status">
          This is revision {record.revision}, kept for the record: a later revision replaced it.{" "}
          <Link href={`/quotes/${record.supersededBy}`}>Open the next revision</Link>
        </div>
      ) : record.status === "expired" ? (
        <div className="ts-alert ts-alert--warn ts-no-print" role="status">
          This quote expired{doc.validUntil ? ` on ${doc.validUntil}` : ""}: it can no longer be sent or
          accepted. Revise it to make the customer a new offer.
        </div>
      ) : null}
      {clone.error ? (
        <div className="ts-alert ts-alert--danger ts-no-print" role="alert">
          {errorMessage(clone.error)}
        </div>
      ) : null}
      {transition.error ? (
        <div className="ts-alert ts-alert--danger ts-no-print" role="alert">
          {errorMessage(transition.error)}
          {problems.length > 0 ? (
            <ul>
              {problems.map((p) => (
                <li key={`${p.code}${p.pointer}`}>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {record.requester ? (
        <section className="ts-card ts-no-print" aria-labelledby="requester-title">
          <h2 id="requester-title" style={{ marginTop: 0 }}>
            Self-service request
          </h2>
          <p className="ts-hint">
            Sent from the public pricing page on {record.createdAt.slice(0, 10)}; check it, then revise or
            send it.
          </p>
          <dl className="grid-2">
            <div>
              <dt className="ts-label">Contact</dt>
              <dd>
                {record.requester.name},{" "}
                <a href={mailtoHref(record.requester.email)}>{record.requester.email}</a>
              </dd>
            </div>
            <div>
              <dt className="ts-label">Company</dt>
              <dd>{record.requester.company}</dd>
            </div>
          </dl>
          {record.requester.note ? (
            <blockquote className="quote-request-note">{record.requester.note}</blockquote>
          ) : null}
        </section>
      ) : null}
      <section className="ts-card" aria-label="Offer">
        <div className="grid-2">
          <dl>
            <dt className="ts-label">Customer</dt>
            <dd>{doc.customer ?? "—"}</dd>
            <dt className="ts-label">Package</dt>
            <dd>{record.packageName}</dd>
            <dt className="ts-label">Term</dt>
            <dd>
              {doc.termWeeks !== undefined
                ? spanWords({ unit: "week", count: doc.termWeeks })
                : doc.termMonths !== undefined
                  ? spanWords({ unit: "month", count: doc.termMonths })
                  : "—"}
              , billed per {PERIOD_LABEL[doc.billingPeriod ?? "month"] ?? doc.billingPeriod}
            </dd>
          </dl>
          <dl>
            <dt className="ts-label">Options</dt>
            <dd>{(doc.picks ?? []).map(name).join(", ") || "—"}</dd>
            <dt className="ts-label">Quantities</dt>
            <dd>
              {(quantities
                ? quantities.map((q) => `${q.name}: ${q.value}`)
                : Object.entries(doc.quantities ?? {}).map(([k, v]) => `${componentName(k)}: ${v}`)
              ).join(", ") || "package defaults"}
            </dd>
            <dt className="ts-label">Add-ons</dt>
            <dd>
              {(doc.addOns ?? [])
                .map((a) => `${name(a.package)}${(a.quantity ?? 1) > 1 ? ` × ${a.quantity}` : ""}`)
                .join(", ") || "—"}
            </dd>
            {doc.validUntil ? (
              <>
                <dt className="ts-label">Valid until</dt>
                <dd>{doc.validUntil}</dd>
              </>
            ) : null}
          </dl>
        </div>
        {doc.notes ? <p>{doc.notes}</p> : null}
      </section>
      <ApprovalPanel quote={record} />
      <PriceSummary {...priceSummaryProps(record.price)} approvalState={record.approval.state} />
      {record.price.notes.length > 0 ? (
        <ul className="ts-card ts-hint" aria-label="Notes" style={{ paddingLeft: "2rem" }}>
          {record.price.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <RevisionList quote={record} />
    </article>
  );
}
