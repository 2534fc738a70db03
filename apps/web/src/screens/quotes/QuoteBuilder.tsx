/**
 * The quote builder: choose a catalog, portfolio and currency, compare the portfolio's packages
 * (priced with the rep's configuration carried over), then configure the chosen one — terms and
 * quantities, options, add-ons, discounts — with the price beside it. Configure and price run in a
 * Web Worker (useQuoteEngine); each section is its own component. With `revising`, the builder
 * opens a saved quote on its own catalog version and saves the edit as its next revision.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { unfinishedGroups } from "@tessera/engine";
import type { Package } from "@tessera/schema";
import { ErrorState, LoadingState, PackageCompare, PriceNotes, PriceSummary } from "@tessera/ui";
import { useEffect, useMemo, useRef, useState } from "react";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { priceSummaryProps } from "../../engine/priceView.ts";
import { today, usePublishedCatalog } from "../../engine/useCatalog.ts";
import { navigate, useNavigation } from "../../navigation/store.ts";
import { DiscountEditor } from "./DiscountEditor.tsx";
import { OptionsSection } from "./OptionsSection.tsx";
import { startQuote, useQuoteDraft } from "./quoteStore.ts";
import { TermsSection } from "./TermsSection.tsx";
import { useComparedPackages } from "./useComparedPackages.ts";
import { linkedQuote, useLinkedQuote } from "./useLinkedQuote.ts";
import { useQuoteEngine } from "./useQuoteEngine.ts";
import { useRevision } from "./useRevision.ts";

/** The published catalogs, and the one, portfolio and currency the rep chose (or a revision's). */
function useQuoteContext(pin: { catalogId: string; version: number } | undefined) {
  const trpc = useTRPC();
  const catalogs = useQuery(trpc.catalogs.list.queryOptions());
  const published = (catalogs.data ?? []).filter((c) => c.latestVersion !== null && !c.retired);
  const link = linkedQuote(useNavigation.getState().path);
  const [catalogId, setCatalogId] = useState<string | null>(link.catalog);
  const effectiveCatalogId = pin?.catalogId ?? catalogId ?? published[0]?.id ?? null;
  const loaded = usePublishedCatalog(effectiveCatalogId, pin?.version);
  const { catalog } = loaded;
  const [portfolioId, setPortfolioId] = useState<string | null>(null);
  const [currency, setCurrency] = useState<string | null>(link.currency);
  const portfolios = useMemo(
    () => [...(catalog?.doc.portfolios ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    [catalog],
  );
  const portfolio = portfolioId ?? portfolios[0]?.id ?? null;
  const bases = useMemo(
    () =>
      catalog && portfolio
        ? (catalog.ladders.get(portfolio) ?? []).filter((p) => p.status === "active")
        : ([] as Package[]),
    [catalog, portfolio],
  );
  return {
    catalogs,
    published,
    catalogId: effectiveCatalogId,
    setCatalogId,
    ...loaded,
    portfolios,
    portfolio,
    setPortfolioId,
    currency: currency ?? catalog?.doc.currencies[0] ?? "USD",
    setCurrency,
    bases,
  };
}

export function QuoteBuilder({ revising }: { revising?: string | undefined } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pin, setPin] = useState<{ catalogId: string; version: number } | undefined>();
  const ctx = useQuoteContext(pin);
  const { catalog, version } = ctx;
  const [customer, setCustomer] = useState("");
  const [title, setTitle] = useState("");
  const revision = useRevision(revising, catalog, version, {
    setPortfolioId: ctx.setPortfolioId,
    setCurrency: ctx.setCurrency,
    setCustomer,
    setTitle,
  });
  const revised = revision.revised;
  useEffect(() => {
    if (revision.pin && revision.pin.catalogId !== pin?.catalogId) setPin(revision.pin);
  }, [revision.pin, pin]);
  const draft = useQuoteDraft();
  const idempotencyKey = useRef(crypto.randomUUID());
  useEffect(() => () => useQuoteDraft.getState().clear(), []);

  const quote = draft.quote;
  const pkg = quote && catalog ? catalog.packages.get(quote.package)?.value : undefined;
  const catalogKey = ctx.catalogId && version !== undefined ? `${ctx.catalogId}@${version}` : undefined;
  const engine = useQuoteEngine(catalogKey, ctx.doc, quote);
  const { configuration, priced } = engine;
  // Cards are priced with the configuration the engine last answered for.
  const current = useMemo(
    () => (engine.answered && configuration ? { quote: engine.answered, configuration } : undefined),
    [engine.answered, configuration],
  );
  const compared = useComparedPackages(catalog, ctx.bases, ctx.currency, current);

  const saved = {
    onSuccess: (record: { id: string }) => {
      idempotencyKey.current = crypto.randomUUID();
      void queryClient.invalidateQueries({ queryKey: trpc.quotes.list.queryKey() });
      if (revised)
        void queryClient.invalidateQueries({ queryKey: trpc.quotes.get.queryKey({ id: revised.id }) });
      navigate(`/quotes/${record.id}`);
    },
  };
  const saveNew = useMutation(trpc.quotes.save.mutationOptions(saved));
  const saveRevision = useMutation(trpc.quotes.revise.mutationOptions(saved));
  const save = revised ? saveRevision : saveNew;

  const choosePackage = (id: string) => {
    const p = catalog?.packages.get(id)?.value;
    if (!catalog || !p || version === undefined || !ctx.catalogId) return;
    draft.start(
      ctx.catalogId,
      version,
      startQuote(catalog, p, {
        currency: ctx.currency,
        catalogId: ctx.catalogId,
        catalogVersion: version,
        ...(customer ? { customer } : {}),
        ...(title ? { title } : {}),
      }),
    );
  };
  // A "Configure" link from the public pricing page starts on its package.
  useLinkedQuote(catalog !== undefined && version !== undefined, choosePackage);

  if (ctx.catalogs.isPending) return <LoadingState label="Loading catalogs" />;
  if (ctx.catalogs.error)
    return (
      <ErrorState
        title="Could not load catalogs"
        message={errorMessage(ctx.catalogs.error)}
        onRetry={() => ctx.catalogs.refetch()}
      />
    );
  if (ctx.published.length === 0)
    return (
      <ErrorState
        title="No published catalog"
        message="A designer must publish a catalog before quotes can be made."
      />
    );

  /** Sets or clears a text field of the quote (customer, title). */
  const setText = (field: "customer" | "title", value: string) =>
    draft.edit((q) => {
      const { [field]: _old, ...rest } = q;
      return value.trim() ? { ...rest, [field]: value } : rest;
    });

  const problems = (configuration?.violations ?? []).filter((v) => v.severity === "error");
  // A valid selection can still be incomplete: say which groups want a pick, not only "incomplete".
  const unfinished =
    catalog && configuration?.valid && !configuration.complete
      ? unfinishedGroups(catalog.doc, configuration)
      : [];
  // Sections render once the engine has answered for this package (not the one before it).
  const ready = quote && pkg && configuration?.package === pkg.id && priced && catalog;

  return (
    <div className="stack">
      <div className="page-head">
        <h1>{revised ? `Revise ${revised.title}` : "New quote"}</h1>
        {revised ? (
          <span className="ts-badge ts-badge--accent" data-testid="revision-of">
            revision {revised.revision} → {revised.revision + 1}
          </span>
        ) : null}
      </div>

      <section className="ts-card" aria-label="Catalog and portfolio">
        <div className="grid-3">
          <div className="ts-field">
            <label htmlFor="quote-customer">Customer</label>
            <input
              id="quote-customer"
              className="ts-input"
              value={customer}
              placeholder="Customer name"
              onChange={(e) => {
                setCustomer(e.target.value);
                if (quote) setText("customer", e.target.value);
              }}
            />
          </div>
          <div className="ts-field" style={{ gridColumn: "span 2" }}>
            <label htmlFor="quote-title">Quote title</label>
            <input
              id="quote-title"
              className="ts-input"
              value={title}
              placeholder={
                customer && pkg ? `${customer} — ${pkg.name}` : "Named after the customer and package"
              }
              onChange={(e) => {
                setTitle(e.target.value);
                if (quote) setText("title", e.target.value);
              }}
            />
          </div>
          <div className="ts-field">
            <label htmlFor="quote-catalog">Catalog</label>
            <select
              id="quote-catalog"
              className="ts-select"
              value={ctx.catalogId ?? ""}
              disabled={revising !== undefined}
              onChange={(e) => {
                ctx.setCatalogId(e.target.value);
                ctx.setPortfolioId(null);
                ctx.setCurrency(null);
                draft.clear();
              }}
            >
              {ctx.published.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} (v{c.latestVersion})
                </option>
              ))}
            </select>
          </div>
          <div className="ts-field">
            <label htmlFor="quote-portfolio">Portfolio</label>
            <select
              id="quote-portfolio"
              className="ts-select"
              value={ctx.portfolio ?? ""}
              onChange={(e) => {
                ctx.setPortfolioId(e.target.value);
                draft.clear();
              }}
            >
              {ctx.portfolios.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="ts-field">
            <label htmlFor="quote-currency">Currency</label>
            <select
              id="quote-currency"
              className="ts-select"
              value={ctx.currency}
              onChange={(e) => {
                ctx.setCurrency(e.target.value);
                if (quote) draft.edit((q) => ({ ...q, currency: e.target.value }));
              }}
            >
              {(catalog?.doc.currencies ?? []).map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </div>
        </div>
      </section>

      {ctx.query.isPending ? <LoadingState label="Loading the catalog" /> : null}
      {ctx.query.error ? (
        <ErrorState title="Could not load the catalog" message={errorMessage(ctx.query.error)} />
      ) : null}

      {catalog ? (
        <section aria-labelledby="compare-title">
          <h2 id="compare-title">Compare packages</h2>
          <PackageCompare
            packages={compared}
            onSelect={choosePackage}
            {...(quote ? { selectedId: quote.package } : {})}
          />
        </section>
      ) : null}

      {ready ? (
        <div className="split split--wide-side">
          <div className="stack" aria-busy={engine.pending}>
            <section className="ts-card" aria-labelledby="configure-title">
              <div className="section-title" style={{ marginTop: 0 }}>
                <h2 id="configure-title" style={{ margin: 0 }}>
                  Configure {pkg.name}
                </h2>
                <span
                  className={configuration.complete ? "ts-badge ts-badge--ok" : "ts-badge ts-badge--warn"}
                  data-testid="quote-completeness"
                >
                  {configuration.complete ? "complete" : "incomplete"}
                </span>
              </div>
              {problems.length > 0 ? (
                <div className="ts-alert ts-alert--warn" role="status" aria-label="What to change">
                  <strong>To finish this quote:</strong>
                  <ul style={{ margin: "0.25rem 0 0", paddingLeft: "1.2rem" }}>
                    {problems.map((p) => (
                      <li key={`${p.code}${p.pointer}`}>{p.message}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {unfinished.length > 0 ? (
                <div className="ts-alert ts-alert--warn" role="status" aria-label="Still to choose">
                  <strong>Still to choose before the quote can be sent:</strong>{" "}
                  {unfinished.map((g) => g.message).join("; ")}.
                </div>
              ) : null}
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
            <DiscountEditor
              quote={quote}
              onChange={(discounts) => draft.edit((q) => ({ ...q, discounts }))}
            />
          </div>

          <div className="stack sticky">
            <div className="ts-row ts-card" role="toolbar" aria-label="Quote actions">
              <button
                type="button"
                className="ts-button"
                disabled={draft.past.length === 0}
                onClick={draft.undo}
              >
                Undo
              </button>
              <button
                type="button"
                className="ts-button"
                disabled={draft.future.length === 0}
                onClick={draft.redo}
              >
                Redo
              </button>
              <button type="button" className="ts-button" onClick={draft.reset}>
                Reset
              </button>
              <span style={{ flex: 1 }} />
              <button
                type="button"
                className="ts-button ts-button--primary"
                disabled={save.isPending || engine.pending || problems.length > 0}
                title={problems.length > 0 ? "Fix the problems listed on the left first." : undefined}
                onClick={() =>
                  revised
                    ? saveRevision.mutate({
                        id: revised.id,
                        idempotencyKey: idempotencyKey.current,
                        quote,
                        asOf: today(),
                      })
                    : saveNew.mutate({ idempotencyKey: idempotencyKey.current, quote, asOf: today() })
                }
              >
                {save.isPending
                  ? "Saving…"
                  : revised
                    ? `Save revision ${revised.revision + 1}`
                    : "Save quote"}
              </button>
            </div>
            {save.error ? (
              <ErrorState title="The quote was not saved" message={errorMessage(save.error)} />
            ) : null}
            {engine.error ? <ErrorState title="Could not configure" message={engine.error} /> : null}
            <PriceSummary {...priceSummaryProps(priced)} />
            <PriceNotes notes={priced.notes} />
          </div>
        </div>
      ) : quote ? (
        <LoadingState label="Configuring" />
      ) : catalog ? (
        <p className="muted">Choose a package above to configure it.</p>
      ) : null}
    </div>
  );
}
