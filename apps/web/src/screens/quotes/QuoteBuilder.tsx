import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CompiledCatalog,
  configure,
  type PriceResult,
  price,
  termPeriodMismatch,
} from "@tessera/engine";
import type { Package, Quote } from "@tessera/schema";
import {
  type ComparedPackage,
  ErrorState,
  formatMoney,
  LoadingState,
  OptionGroup,
  PackageCompare,
  PERIOD_LABEL,
  PriceSummary,
  QuantityInput,
} from "@tessera/ui";
import { useEffect, useMemo, useRef, useState } from "react";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { addOnChoice, optionChoice } from "../../engine/choices.ts";
import { priceSummaryProps } from "../../engine/priceView.ts";
import { today, usePublishedCatalog } from "../../engine/useCatalog.ts";
import { navigate } from "../../navigation/store.ts";
import { setQuantity, toggleAddOn, togglePick, useQuoteDraft } from "./quoteStore.ts";

function defaultTerm(pkg: Package): number {
  return (pkg.terms.find((t) => t.default) ?? pkg.terms[0]).months;
}

/** "per month", "per year", "up front". */
function billedLabel(period: string): string {
  return period === "upfront" ? "up front" : `per ${PERIOD_LABEL[period] ?? period}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The first billing period of the package that bills `months` in whole periods. */
function fittingPeriod(pkg: Package, months: number): Package["billingPeriods"][number] {
  return pkg.billingPeriods.find((p) => !termPeriodMismatch(months, p)) ?? pkg.billingPeriods[0];
}

/** A new quote for a package, with the engine's defaults filled in (term, billing period, picks). */
function startQuote(catalog: CompiledCatalog, pkg: Package, currency: string, customer: string): Quote {
  const draft: Quote = { package: pkg.id, currency, ...(customer ? { customer } : {}) };
  const cfg = configure(catalog, draft);
  return {
    ...draft,
    ...(cfg.termMonths !== undefined ? { termMonths: cfg.termMonths } : {}),
    ...(cfg.billingPeriod !== undefined ? { billingPeriod: cfg.billingPeriod } : {}),
    picks: cfg.defaultsApplied.picks,
  };
}

function startingPrice(catalog: CompiledCatalog, pkg: Package, currency: string): string | undefined {
  try {
    const term = defaultTerm(pkg);
    // Monthly when the package bills monthly, else the first period that bills the default term.
    const q: Quote = {
      package: pkg.id,
      currency,
      termMonths: term,
      billingPeriod: pkg.billingPeriods.includes("month") ? "month" : fittingPeriod(pkg, term),
    };
    const r = price(catalog, q, today());
    if (r.violations.some((v) => v.severity === "error")) return undefined;
    return `${formatMoney(r.totals.mrr, currency)} / month`;
  } catch {
    return undefined;
  }
}

function features(catalog: CompiledCatalog, pkg: Package): string[] {
  const out: string[] = [];
  for (const c of pkg.components ?? []) {
    const svc = catalog.services.get(c.service)?.value;
    if ((c.included ?? 0) > 0)
      out.push(`${c.included} ${svc?.unit ?? ""} ${c.name ?? svc?.name ?? ""} included`.trim());
  }
  for (const a of pkg.includedAddOns ?? [])
    out.push(`${catalog.packages.get(a.addOn)?.value.name ?? a.addOn} included`);
  for (const g of pkg.optionGroups ?? [])
    if (!g.parentOption) out.push(`${g.name}: ${g.options.length} choices`);
  return out.slice(0, 6);
}

export function QuoteBuilder() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalogs = useQuery(trpc.catalogs.list.queryOptions());
  const published = (catalogs.data ?? []).filter((c) => c.latestVersion !== null && !c.retired);
  const [catalogId, setCatalogId] = useState<string | null>(null);
  const effectiveCatalogId = catalogId ?? published[0]?.id ?? null;
  const { query, catalog, version } = usePublishedCatalog(effectiveCatalogId);
  const [portfolioId, setPortfolioId] = useState<string | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  const [customer, setCustomer] = useState("");
  /** Says why the billing period changed with the term, until the seller changes either again. */
  const [termNotice, setTermNotice] = useState<string | null>(null);
  const draft = useQuoteDraft();
  const idempotencyKey = useRef(crypto.randomUUID());

  useEffect(() => () => useQuoteDraft.getState().clear(), []);

  const portfolios = useMemo(
    () => [...(catalog?.doc.portfolios ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    [catalog],
  );
  const portfolio = portfolioId ?? portfolios[0]?.id ?? null;
  const cur = currency ?? catalog?.doc.currencies[0] ?? "USD";
  const bases = useMemo(
    () =>
      catalog && portfolio
        ? (catalog.ladders.get(portfolio) ?? []).filter((p) => p.status === "active")
        : ([] as Package[]),
    [catalog, portfolio],
  );
  const compared: ComparedPackage[] = useMemo(
    () =>
      catalog
        ? bases.map((p) => {
            const priceLabel = startingPrice(catalog, p, cur);
            return {
              id: p.id,
              name: p.name,
              tier: p.tier,
              features: features(catalog, p),
              ...(p.description ? { description: p.description } : {}),
              ...(priceLabel ? { priceLabel } : {}),
            };
          })
        : [],
    [catalog, bases, cur],
  );

  const quote = draft.quote;
  const pkg = quote && catalog ? catalog.packages.get(quote.package)?.value : undefined;
  const configuration = useMemo(
    () => (catalog && quote ? configure(catalog, quote) : undefined),
    [catalog, quote],
  );
  const priced = useMemo<PriceResult | undefined>(
    () => (catalog && quote ? price(catalog, quote, today()) : undefined),
    [catalog, quote],
  );

  const save = useMutation(
    trpc.quotes.save.mutationOptions({
      onSuccess: (record) => {
        idempotencyKey.current = crypto.randomUUID();
        void queryClient.invalidateQueries({ queryKey: trpc.quotes.list.queryKey() });
        navigate(`/quotes/${record.id}`);
      },
    }),
  );

  if (catalogs.isPending) return <LoadingState label="Loading catalogs" />;
  if (catalogs.error)
    return (
      <ErrorState
        title="Could not load catalogs"
        message={errorMessage(catalogs.error)}
        onRetry={() => catalogs.refetch()}
      />
    );
  if (published.length === 0)
    return (
      <ErrorState
        title="No published catalog"
        message="A designer must publish a catalog before quotes can be made."
      />
    );

  const choosePackage = (id: string) => {
    const p = catalog?.packages.get(id)?.value;
    if (!catalog || !p || version === undefined || !effectiveCatalogId) return;
    setTermNotice(null);
    draft.start(effectiveCatalogId, version, {
      ...startQuote(catalog, p, cur, customer),
      catalogId: effectiveCatalogId,
      catalogVersion: version,
    });
  };

  const problems = (configuration?.violations ?? []).filter((v) => v.severity === "error");
  const groups = pkg?.optionGroups ?? [];
  const canUndo = draft.past.length > 0;
  const canRedo = draft.future.length > 0;

  return (
    <div className="stack">
      <div className="page-head">
        <h1>New quote</h1>
        <div className="ts-row">
          <label className="ts-label" htmlFor="quote-customer">
            Customer
          </label>
          <input
            id="quote-customer"
            className="ts-input"
            value={customer}
            placeholder="Customer name"
            onChange={(e) => {
              setCustomer(e.target.value);
              if (quote) draft.edit((q) => ({ ...q, customer: e.target.value }));
            }}
          />
        </div>
      </div>

      <section className="ts-card" aria-label="Catalog and portfolio">
        <div className="grid-3">
          <div className="ts-field">
            <label htmlFor="quote-catalog">Catalog</label>
            <select
              id="quote-catalog"
              className="ts-select"
              value={effectiveCatalogId ?? ""}
              onChange={(e) => {
                setCatalogId(e.target.value);
                setPortfolioId(null);
                setCurrency(null);
                draft.clear();
              }}
            >
              {published.map((c) => (
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
              value={portfolio ?? ""}
              onChange={(e) => {
                setPortfolioId(e.target.value);
                draft.clear();
              }}
            >
              {portfolios.map((p) => (
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
              value={cur}
              onChange={(e) => {
                setCurrency(e.target.value);
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

      {query.isPending ? <LoadingState label="Loading the catalog" /> : null}
      {query.error ? (
        <ErrorState title="Could not load the catalog" message={errorMessage(query.error)} />
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

      {quote && pkg && configuration && priced ? (
        <div className="split split--wide-side">
          <div className="stack">
            <section className="ts-card" aria-labelledby="configure-title">
              <div className="section-title" style={{ marginTop: 0 }}>
                <h2 id="configure-title" style={{ margin: 0 }}>
                  Configure {pkg.name}
                </h2>
                <span
                  className={configuration.complete ? "ts-badge ts-badge--ok" : "ts-badge ts-badge--warn"}
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
              <div className="grid-3">
                <div className="ts-field">
                  <label htmlFor="quote-term">Term</label>
                  <select
                    id="quote-term"
                    className="ts-select"
                    value={quote.termMonths ?? defaultTerm(pkg)}
                    onChange={(e) => {
                      // A term the billing period cannot bill moves the billing to one that can.
                      const months = Number(e.target.value);
                      const period = quote.billingPeriod ?? pkg.billingPeriods[0];
                      const mismatch = termPeriodMismatch(months, period);
                      const next = mismatch ? fittingPeriod(pkg, months) : period;
                      setTermNotice(
                        mismatch && next !== period
                          ? `Billing changed to ${billedLabel(next)}: ${lowerFirst(mismatch.message)}`
                          : null,
                      );
                      draft.edit((q) => ({ ...q, termMonths: months, billingPeriod: next }));
                    }}
                  >
                    {pkg.terms.map((t) => {
                      const choice = configuration?.terms.find((c) => c.months === t.months);
                      return (
                        <option key={t.months} value={t.months} title={choice?.reason?.message}>
                          {t.months} {t.months === 1 ? "month" : "months"}
                          {t.discountPercent ? ` (−${t.discountPercent}%)` : ""}
                          {choice?.state === "disabled" ? " — changes the billing period" : ""}
                        </option>
                      );
                    })}
                  </select>
                </div>
                <div className="ts-field">
                  <label htmlFor="quote-period">Billing period</label>
                  <select
                    id="quote-period"
                    className="ts-select"
                    value={quote.billingPeriod ?? pkg.billingPeriods[0]}
                    aria-describedby={termNotice ? "quote-term-notice" : undefined}
                    onChange={(e) => {
                      setTermNotice(null);
                      draft.edit((q) => ({
                        ...q,
                        billingPeriod: e.target.value as Quote["billingPeriod"] & string,
                      }));
                    }}
                  >
                    {pkg.billingPeriods.map((b) => {
                      const choice = configuration?.billingPeriods.find((c) => c.period === b);
                      return (
                        <option
                          key={b}
                          value={b}
                          disabled={choice?.state === "disabled"}
                          title={choice?.reason?.message}
                        >
                          {billedLabel(b)}
                          {choice?.state === "disabled" ? ` — not for a ${quote.termMonths}-month term` : ""}
                        </option>
                      );
                    })}
                  </select>
                </div>
                <div className="ts-field">
                  <label htmlFor="quote-start">Start date</label>
                  <input
                    id="quote-start"
                    type="date"
                    className="ts-input"
                    value={quote.startDate ?? ""}
                    onChange={(e) =>
                      draft.edit((q) => {
                        const { startDate: _s, ...rest } = q;
                        return e.target.value ? { ...rest, startDate: e.target.value } : rest;
                      })
                    }
                  />
                </div>
              </div>
              {termNotice ? (
                <p id="quote-term-notice" role="status" className="ts-hint" style={{ marginTop: 0 }}>
                  {termNotice}
                </p>
              ) : null}
              {configuration.quantities
                .filter((qc) => qc.package === pkg.id)
                .map((qc) => {
                  const component = catalog?.components.get(qc.component)?.value;
                  const unit = component ? (catalog?.services.get(component.service)?.value.unit ?? "") : "";
                  const problem = problems.find((p) =>
                    p.pointer.startsWith(`/quantities/${qc.component}`),
                  )?.message;
                  return (
                    <QuantityInput
                      key={qc.component}
                      label={qc.name}
                      unit={unit}
                      value={qc.value}
                      min={qc.min}
                      step={qc.step}
                      {...(qc.max !== null ? { max: qc.max } : {})}
                      {...(component?.included ? { included: component.included } : {})}
                      {...(problem
                        ? { problem }
                        : qc.reason && qc.state === "disabled"
                          ? { problem: qc.reason.message }
                          : {})}
                      onChange={(v) => draft.edit((q) => setQuantity(q, qc.component, v))}
                    />
                  );
                })}
            </section>

            {groups.map((g) => {
              const choices = configuration.options
                .filter((o) => o.group === g.id)
                .map((o) => optionChoice(o, g.options.find((x) => x.id === o.id)?.description));
              return (
                <OptionGroup
                  key={g.id}
                  name={g.name}
                  min={g.min ?? 0}
                  {...(g.max !== undefined ? { max: g.max } : {})}
                  choices={choices}
                  onToggle={(id) =>
                    draft.edit((q) =>
                      togglePick(q, id, configuration.options.find((o) => o.id === id)?.replaces),
                    )
                  }
                />
              );
            })}

            {configuration.addOns.length > 0 ? (
              <OptionGroup
                name="Add-ons"
                min={0}
                choices={configuration.addOns.map(addOnChoice)}
                onToggle={(id) => draft.edit((q) => toggleAddOn(q, id))}
              />
            ) : null}

            <DiscountEditor
              quote={quote}
              onChange={(discounts) => draft.edit((q) => ({ ...q, discounts }))}
            />
          </div>

          <div className="stack sticky">
            <div className="ts-row ts-card" role="toolbar" aria-label="Quote actions">
              <button type="button" className="ts-button" disabled={!canUndo} onClick={draft.undo}>
                Undo
              </button>
              <button type="button" className="ts-button" disabled={!canRedo} onClick={draft.redo}>
                Redo
              </button>
              <button type="button" className="ts-button" onClick={draft.reset}>
                Reset
              </button>
              <span style={{ flex: 1 }} />
              <button
                type="button"
                className="ts-button ts-button--primary"
                disabled={save.isPending || problems.length > 0}
                title={problems.length > 0 ? "Fix the problems listed on the left first." : undefined}
                onClick={() => save.mutate({ idempotencyKey: idempotencyKey.current, quote, asOf: today() })}
              >
                {save.isPending ? "Saving…" : "Save quote"}
              </button>
            </div>
            {save.error ? (
              <ErrorState title="The quote was not saved" message={errorMessage(save.error)} />
            ) : null}
            <PriceSummary {...priceSummaryProps(priced)} />
            {priced.notes.length > 0 ? (
              <ul className="ts-card ts-hint" aria-label="Notes" style={{ paddingLeft: "2rem" }}>
                {priced.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : catalog ? (
        <p className="muted">Choose a package above to configure it.</p>
      ) : null}
    </div>
  );
}

/** A readable discount id (it appears in approval reasons): the reason as a slug, else "discount-N". */
function discountId(reason: string, existing: readonly { id: string }[]): string {
  const slug = reason
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  const base = slug || "discount";
  let id = slug ? base : `${base}-1`;
  for (let n = 2; existing.some((d) => d.id === id); n++) id = `${base}-${n}`;
  return id;
}

function DiscountEditor({
  quote,
  onChange,
}: {
  quote: Quote;
  onChange: (d: NonNullable<Quote["discounts"]>) => void;
}) {
  const discounts = quote.discounts ?? [];
  const [percent, setPercent] = useState("");
  const [reason, setReason] = useState("");
  const valid = /^\d{1,3}(\.\d{1,4})?$/.test(percent);
  return (
    <section className="ts-card" aria-labelledby="discounts-title">
      <h2 id="discounts-title">Discounts</h2>
      {discounts.length > 0 ? (
        <ul style={{ listStyle: "none", padding: 0, margin: "0 0 0.75rem" }}>
          {discounts.map((d) => (
            <li key={d.id} className="ts-row" style={{ padding: "0.25rem 0" }}>
              <span style={{ flex: 1 }}>
                {d.percent ? `${d.percent}% off` : `${d.amount} off`}{" "}
                {d.description ? `— ${d.description}` : ""}
              </span>
              <button
                type="button"
                className="ts-button ts-button--small"
                aria-label={`Remove discount ${d.description ?? d.id}`}
                onClick={() => onChange(discounts.filter((x) => x.id !== d.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ts-hint">No discounts. Discounts above the catalog's threshold need approval.</p>
      )}
      <form
        className="ts-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          onChange([
            ...discounts,
            {
              id: discountId(reason, discounts),
              percent,
              appliesTo: "recurring",
              ...(reason ? { description: reason } : {}),
            },
          ]);
          setPercent("");
          setReason("");
        }}
      >
        <label className="ts-label" htmlFor="discount-percent">
          Percent off recurring
        </label>
        <input
          id="discount-percent"
          className="ts-input"
          style={{ width: "6rem" }}
          inputMode="decimal"
          value={percent}
          aria-invalid={percent !== "" && !valid ? true : undefined}
          onChange={(e) => setPercent(e.target.value.trim())}
        />
        <label className="ts-visually-hidden" htmlFor="discount-reason">
          Why
        </label>
        <input
          id="discount-reason"
          className="ts-input"
          placeholder="Why (shown on the quote)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="ts-button" disabled={!valid}>
          Add discount
        </button>
      </form>
    </section>
  );
}
