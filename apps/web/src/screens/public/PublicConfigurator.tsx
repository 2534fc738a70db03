/**
 * The self-service configurator a public pricing page's "Configure" links open, without signing
 * in: `/configure/:catalogId?package=…&period=month|year&currency=…`. The visitor switches plan
 * and currency, sets term, billing period, quantities, options and add-ons (what cannot be chosen
 * says why), sees the list price live, and sends the configuration as a quote request. Configure
 * and price run in the browser's engine worker on the public catalog's latest version; the server
 * re-checks it all on submission. Seller tools (discounts, price books, titles) are not offered.
 */
import { useQuery } from "@tanstack/react-query";
import type { QuoteRequestReceipt } from "@tessera/api";
import { type CompiledCatalog, pricingTableTerm, validate } from "@tessera/engine";
import { ErrorState, LoadingState, PriceNotes, PriceSummary } from "@tessera/ui";
import { useEffect, useMemo, useState } from "react";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { priceSummaryProps } from "../../engine/priceView.ts";
import { queryParam, useNavigation } from "../../navigation/store.ts";
import { abilities, useSession } from "../../session/store.ts";
import { safeLogoUrl } from "../quotes/branding.ts";
import { OptionsSection } from "../quotes/OptionsSection.tsx";
import { startQuote, useQuoteDraft } from "../quotes/quoteStore.ts";
import { TermsSection } from "../quotes/TermsSection.tsx";
import { useQuoteEngine } from "../quotes/useQuoteEngine.ts";
import { RequestForm } from "./RequestForm.tsx";
import "./public.css";

/** The plans a visitor may configure: active base packages, in ladder order. */
function plansOf(catalog: CompiledCatalog) {
  return [...catalog.doc.portfolios]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .flatMap((p) => catalog.ladders.get(p.id) ?? [])
    .filter((p) => p.status === "active" && p.role === "base");
}

export function PublicConfigurator({ catalogId }: { catalogId: string }) {
  const trpc = useTRPC();
  const path = useNavigation((s) => s.path);
  const query = useQuery({ ...trpc.public.catalog.queryOptions({ catalogId }), staleTime: 60_000 });
  const catalog = useMemo(() => (query.data ? validate(query.data.doc).catalog : undefined), [query.data]);
  const version = query.data?.version;
  const draft = useQuoteDraft();
  const [receipt, setReceipt] = useState<QuoteRequestReceipt | null>(null);
  const plans = useMemo(() => (catalog ? plansOf(catalog) : []), [catalog]);
  useEffect(() => () => useQuoteDraft.getState().clear(), []);

  const choose = (packageId: string, currency: string, period: string | null) => {
    const pkg = plans.find((p) => p.id === packageId) ?? plans[0];
    if (!catalog || !pkg || version === undefined) return;
    const started = startQuote(catalog, pkg, { catalogId, catalogVersion: version, currency });
    const term = period === "month" || period === "year" ? pricingTableTerm(pkg, period) : undefined;
    draft.start(
      catalogId,
      version,
      term === undefined
        ? started
        : { ...started, termMonths: term, billingPeriod: period as "month" | "year" },
    );
  };
  // The link's plan, period and currency once the catalog is here (again after a reload of prices).
  useEffect(() => {
    if (!catalog || version === undefined || draft.catalogVersion === version) return;
    const current = useQuoteDraft.getState().quote;
    const currency = current?.currency ?? queryParam(path, "currency");
    choose(
      current?.package ?? queryParam(path, "package") ?? "",
      currency && catalog.doc.currencies.includes(currency) ? currency : catalog.doc.currencies[0]!,
      current ? (current.billingPeriod ?? null) : queryParam(path, "period"),
    );
  });

  const quote = draft.quote;
  const pkg = quote ? plans.find((p) => p.id === quote.package) : undefined;
  const engine = useQuoteEngine(
    version === undefined ? undefined : `public:${catalogId}@${version}`,
    query.data?.doc,
    quote,
  );
  const { configuration, priced } = engine;
  const branding = catalog?.doc.branding ?? {};
  const company = branding.companyName ?? query.data?.name ?? "";
  const logoUrl = safeLogoUrl(branding);

  if (query.isPending) return <LoadingState label="Loading plans" />;
  if (query.error || !catalog)
    return (
      <ErrorState
        title="This plan cannot be configured here"
        message={query.error ? errorMessage(query.error) : "The catalog could not be read."}
        {...(query.error ? { onRetry: () => query.refetch() } : {})}
      />
    );

  const problems = (configuration?.violations ?? []).filter((v) => v.severity === "error");
  const ready = quote && pkg && configuration?.package === pkg.id && priced;
  const pricingHref = `/pricing/${encodeURIComponent(catalogId)}`;

  return (
    <div className="public-page">
      <header className="public-head">
        {logoUrl ? <img src={logoUrl} alt="" className="public-head__logo" /> : null}
        <strong className="public-head__company">{company}</strong>
        <a className="public-head__back" href={pricingHref}>
          ← All plans
        </a>
      </header>
      {receipt ? (
        <Received receipt={receipt} pricingHref={pricingHref} onAnother={() => setReceipt(null)} />
      ) : (
        <main className="stack public-main">
          <div className="page-head">
            <h1>{pkg ? `Configure ${pkg.name}` : "Configure a plan"}</h1>
            <SellerShortcut catalogId={catalogId} quote={quote} />
          </div>
          <section className="ts-card public-choice" aria-label="Plan and currency">
            <div className="ts-field">
              <label htmlFor="public-plan">Plan</label>
              <select
                id="public-plan"
                className="ts-select"
                value={quote?.package ?? ""}
                onChange={(e) => choose(e.target.value, quote?.currency ?? catalog.doc.currencies[0]!, null)}
              >
                {plans.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="ts-field">
              <label htmlFor="public-currency">Currency</label>
              <select
                id="public-currency"
                className="ts-select"
                value={quote?.currency ?? ""}
                onChange={(e) => draft.edit((q) => ({ ...q, currency: e.target.value }))}
              >
                {catalog.doc.currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </div>
          </section>
          {ready ? (
            <div className="split split--wide-side">
              <div className="stack" aria-busy={engine.pending}>
                <section className="ts-card" aria-labelledby="public-terms-title">
                  <h2 id="public-terms-title" style={{ marginTop: 0 }}>
                    Term and quantities
                  </h2>
                  <TermsSection
                    key={pkg.id}
                    catalog={catalog}
                    pkg={pkg}
                    quote={quote}
                    configuration={configuration}
                    problems={problems}
                    edit={draft.edit}
                  />
                </section>
                <OptionsSection key={pkg.id} pkg={pkg} configuration={configuration} edit={draft.edit} />
              </div>
              <div className="stack sticky">
                {engine.error ? <ErrorState title="Could not price this" message={engine.error} /> : null}
                <PriceSummary {...priceSummaryProps(priced)} audience="customer" />
                <PriceNotes notes={priced.notes} />
                <RequestForm
                  quote={quote}
                  ready={!engine.pending && configuration.complete && problems.length === 0}
                  blocker={
                    problems[0]?.message ??
                    (configuration.complete
                      ? undefined
                      : "Finish the choices on the left to request a quote.")
                  }
                  onSent={setReceipt}
                  onStale={() => void query.refetch()}
                />
              </div>
            </div>
          ) : (
            <LoadingState label="Configuring" />
          )}
        </main>
      )}
    </div>
  );
}

function Received(props: { receipt: QuoteRequestReceipt; pricingHref: string; onAnother: () => void }) {
  const { receipt } = props;
  return (
    <main className="public-main">
      <section className="ts-card public-received" role="status" aria-labelledby="received-title">
        <h1 id="received-title">Thank you, your request is in</h1>
        <p>
          We received your request for <strong>{receipt.packageName}</strong> for {receipt.company}. Our sales
          team will write to <strong>{receipt.email}</strong> with a formal quote.
        </p>
        <p className="ts-hint">
          Your reference: <code>{receipt.reference}</code>
        </p>
        <div className="ts-row">
          <button type="button" className="ts-button" onClick={props.onAnother}>
            Change the configuration
          </button>
          <a className="ts-button" href={props.pricingHref}>
            Back to all plans
          </a>
        </div>
      </section>
    </main>
  );
}

/** A signed-in seller may take the configuration into the quote builder instead. */
function SellerShortcut({
  catalogId,
  quote,
}: {
  catalogId: string;
  quote: { package: string; currency?: string; billingPeriod?: string } | null;
}) {
  const me = useSession((s) => s.me);
  if (!quote || !abilities(me?.role).sell) return null;
  const q = new URLSearchParams({ catalog: catalogId, package: quote.package });
  if (quote.currency) q.set("currency", quote.currency);
  if (quote.billingPeriod === "month" || quote.billingPeriod === "year") q.set("period", quote.billingPeriod);
  return (
    <a className="ts-button" href={`/quotes/new?${q.toString()}`}>
      Open in the quote builder
    </a>
  );
}
