import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type MoveRequest, spanAdjective, termLengthOf } from "@tessera/engine";
import { ErrorState, formatMoney, LoadingState, MoveList, PERIOD_LABEL, QuantityInput } from "@tessera/ui";
import { useMemo, useState } from "react";
import { errorDiagnostics, errorMessage, useTRPC } from "../../api/trpc.ts";
import { moveViews } from "../../engine/moves.ts";
import { today, usePublishedCatalog } from "../../engine/useCatalog.ts";
import { Link } from "../../navigation/Link.tsx";
import { abilities, type Role } from "../../session/store.ts";
import { accountHref } from "../accounts/AccountsScreen.tsx";
import { ConfirmMove, type PendingMove } from "./ConfirmMove.tsx";

/**
 * Every move from one arrangement (valid or blocked, with proration and MRR delta), and applying
 * one after a confirmation that shows its effective date and net amount due. Account managers
 * explore read-only; sellers and admins apply.
 */
export function PathExplorer({ arrangementId, role }: { arrangementId: string; role: Role }) {
  const trpc = useTRPC();
  const canApply = abilities(role).sell;
  const [pending, setPending] = useState<
    (PendingMove & { run: () => void; request?: MoveRequest | undefined }) | null
  >(null);
  const queryClient = useQueryClient();
  const [asOf, setAsOf] = useState(today());
  const arrangement = useQuery(trpc.arrangements.get.queryOptions({ id: arrangementId }));
  const pathsQuery = useQuery(trpc.arrangements.paths.queryOptions({ id: arrangementId, asOf }));
  const history = useQuery(trpc.arrangements.history.queryOptions({ id: arrangementId }));
  const { catalog } = usePublishedCatalog(
    arrangement.data?.doc.catalogId ?? null,
    pathsQuery.data?.catalogVersion,
  );
  const [applied, setApplied] = useState<string | null>(null);
  /** Quantities typed in but not applied yet, by move id. */
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const apply = useMutation(
    trpc.arrangements.applyMove.mutationOptions({
      onSuccess: (result) => {
        setApplied(result.move.label);
        setQuantities({});
        void queryClient.invalidateQueries({ queryKey: trpc.arrangements.pathKey() });
      },
    }),
  );
  const termEnd = arrangement.data?.doc.term.end;
  const views = useMemo(
    () =>
      moveViews(
        pathsQuery.data?.moves ?? [],
        catalog,
        termEnd ? { asOf, nextBillingDate: pathsQuery.data?.current.nextBillingDate, termEnd } : undefined,
      ),
    [pathsQuery.data, catalog, asOf, termEnd],
  );
  // A move with choices (a quantity, an end date) is worked out by the API before it is confirmed,
  // so the dialog shows the numbers applying it gives.
  const preview = useQuery({
    ...trpc.arrangements.previewMove.queryOptions({
      id: arrangementId,
      move: pending?.request ?? { id: "" },
      asOf,
    }),
    enabled: pending?.request !== undefined,
  });
  const quantityMoves = (pathsQuery.data?.moves ?? []).filter(
    (m) => m.kind === "change_quantity" && m.quantity,
  );

  if (arrangement.isPending) return <LoadingState label="Loading the arrangement" />;
  if (arrangement.error || !arrangement.data)
    return <ErrorState title="Could not load the arrangement" message={errorMessage(arrangement.error)} />;
  const a = arrangement.data.doc;
  const pkgName = catalog?.packages.get(a.package)?.value.name ?? a.package;
  /** The unit a quantity move counts: its component's service unit, or units of an add-on. */
  const unitOfMove = (target: string) => {
    const component = catalog?.components.get(target)?.value;
    const service = component ? catalog?.services.get(component.service)?.value : undefined;
    return service?.unit ?? "unit";
  };
  const revision = pathsQuery.data?.revision ?? arrangement.data.revision;
  /** Asks for confirmation (effective date, net amount due), then applies. */
  const confirmMove = (
    id: string,
    quantity?: number,
    renewQuantities?: Record<string, number>,
    date?: string,
  ) => {
    const move = pathsQuery.data?.moves.find((m) => m.id === id);
    const chosen = quantity !== undefined || renewQuantities !== undefined || date !== undefined;
    setPending({
      title: move?.label ?? id,
      effectiveDate: date ?? move?.effectiveDate,
      prorationNet: move?.prorationNet ?? "0",
      newRecurring: move?.newRecurring,
      newPeriod: move?.billingPeriod,
      detail:
        quantity !== undefined
          ? `New quantity: ${quantity}`
          : renewQuantities
            ? `Renewed quantities: ${Object.entries(renewQuantities)
                .map(([k, v]) => `${k} ${v}`)
                .join(", ")}`
            : date
              ? `Chosen end date: ${date}`
              : undefined,
      ...(chosen
        ? {
            request: {
              id,
              ...(quantity === undefined ? {} : { quantity }),
              ...(renewQuantities === undefined ? {} : { quantities: renewQuantities }),
              ...(date === undefined ? {} : { date }),
            },
          }
        : {}),
      run: () => applyMove(id, quantity, renewQuantities, date),
    });
  };
  const applyMove = (
    id: string,
    quantity?: number,
    renewQuantities?: Record<string, number>,
    date?: string,
  ) => {
    setApplied(null);
    apply.mutate({
      id: arrangementId,
      revision,
      asOf,
      move: {
        id,
        ...(quantity === undefined ? {} : { quantity }),
        ...(renewQuantities === undefined ? {} : { quantities: renewQuantities }),
        ...(date === undefined ? {} : { date }),
      },
    });
  };
  // Quantities of the package's own components set above but not applied: a renewal can take them.
  const renewQuantities: Record<string, number> = {};
  for (const m of quantityMoves) {
    const value = quantities[m.id];
    if (value !== undefined && value !== m.quantity!.current && catalog?.components.has(m.target))
      renewQuantities[m.target] = value;
  }
  const renewals = (pathsQuery.data?.moves ?? []).filter((m) => m.kind === "renew" && m.valid);

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>
            {arrangement.data.customer ? (
              <Link href={accountHref(arrangement.data.customer)}>{arrangement.data.customer}</Link>
            ) : (
              arrangement.data.packageName
            )}
          </h1>
          <span className="muted">
            {pkgName} · {a.currency} · billed per {PERIOD_LABEL[a.billingPeriod] ?? a.billingPeriod} ·{" "}
            {spanAdjective(termLengthOf(a.term))} term {a.term.start} → {a.term.end} · revision{" "}
            {arrangement.data.revision}
          </span>
        </div>
        <div className="ts-field" style={{ margin: 0 }}>
          <label htmlFor="paths-asof">As of</label>
          <input
            id="paths-asof"
            type="date"
            className="ts-input"
            value={asOf}
            onChange={(e) => e.target.value && setAsOf(e.target.value)}
          />
        </div>
      </div>
      {canApply ? null : (
        <div className="ts-alert" role="note">
          Explore only: your role may open arrangements and their paths; a seller applies moves.
        </div>
      )}
      <ConfirmMove
        pending={
          pending?.request === undefined
            ? pending
            : preview.data?.ok
              ? {
                  ...pending,
                  effectiveDate: preview.data.move.effectiveDate,
                  prorationNet: preview.data.move.prorationNet ?? "0",
                  newRecurring: preview.data.move.newRecurring,
                  newPeriod: preview.data.move.billingPeriod,
                }
              : { ...pending, prorationNet: undefined, newRecurring: undefined }
        }
        working={pending?.request !== undefined && preview.isPending}
        refused={
          preview.data && !preview.data.ok
            ? preview.data.reasons
            : preview.error
              ? [errorMessage(preview.error)]
              : undefined
        }
        currency={a.currency}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          pending?.run();
          setPending(null);
        }}
      />
      {applied ? (
        <div className="ts-alert ts-alert--ok" role="status">
          Applied: {applied}. The moves below are from the new arrangement.
        </div>
      ) : null}
      {apply.error ? (
        <div className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(apply.error)}
          <ul>
            {errorDiagnostics(apply.error)
              .slice(1)
              .map((d) => (
                <li key={d.message}>{d.message}</li>
              ))}
          </ul>
        </div>
      ) : null}
      <div className="split">
        <section aria-labelledby="moves-title" className="stack">
          <h2 id="moves-title" style={{ margin: 0 }}>
            Moves
          </h2>
          {pathsQuery.isPending ? <LoadingState label="Working out the moves" /> : null}
          {pathsQuery.error ? (
            <ErrorState title="Could not list the moves" message={errorMessage(pathsQuery.error)} />
          ) : null}
          {pathsQuery.data && pathsQuery.data.problems.length > 0 ? (
            <div className="ts-alert ts-alert--danger">{pathsQuery.data.problems.join(" ")}</div>
          ) : null}
          {pathsQuery.data && pathsQuery.data.insights.length > 0 ? (
            <ul className="ts-alert ts-alert--warn" aria-label="Insights" style={{ paddingLeft: "1.75rem" }}>
              {pathsQuery.data.insights.map((i) => (
                <li key={`${i.kind}${i.component}`}>{i.message}</li>
              ))}
            </ul>
          ) : null}
          {pathsQuery.data ? (
            <MoveList
              currency={a.currency}
              moves={views}
              readOnly={!canApply}
              onApply={(key, options) => confirmMove(key, undefined, undefined, options?.date)}
              {...(apply.isPending && apply.variables ? { applyingKey: apply.variables.move.id } : {})}
            />
          ) : null}
        </section>
        <aside className="stack">
          <section className="ts-card" aria-label="Current arrangement">
            <h2>Now</h2>
            <p style={{ margin: 0 }}>
              <strong>{pkgName}</strong>
              {pathsQuery.data ? (
                <>
                  {" "}
                  — {formatMoney(pathsQuery.data.current.recurring, a.currency)} per{" "}
                  {PERIOD_LABEL[a.billingPeriod] ?? a.billingPeriod} (MRR{" "}
                  {formatMoney(pathsQuery.data.current.mrr, a.currency)})
                </>
              ) : null}
            </p>
            {pathsQuery.data?.current.summary ? (
              <p style={{ margin: "0.25rem 0 0" }} data-testid="arrangement-summary">
                {pathsQuery.data.current.summary}
              </p>
            ) : null}
            <p className="ts-hint">
              Add-ons:{" "}
              {(a.addOns ?? [])
                .map((x) => catalog?.packages.get(x.package)?.value.name ?? x.package)
                .join(", ") || "none"}
            </p>
          </section>
          {quantityMoves.length > 0 ? (
            <section className="ts-card" aria-labelledby="qty-title">
              <h2 id="qty-title">Change quantities</h2>
              {quantityMoves.map((m) => {
                const range = m.quantity!;
                const value = quantities[m.id] ?? range.current;
                return (
                  <div key={m.id}>
                    <QuantityInput
                      label={m.label}
                      unit={unitOfMove(m.target)}
                      value={value}
                      min={range.min}
                      step={range.step}
                      {...(range.max !== undefined ? { max: range.max } : {})}
                      onChange={(v) => setQuantities((q) => ({ ...q, [m.id]: v }))}
                    />
                    {range.suggested !== undefined ? (
                      <p className="ts-hint">Suggested from usage: {range.suggested}</p>
                    ) : null}
                    {canApply ? (
                      <button
                        type="button"
                        className="ts-button ts-button--small"
                        disabled={!m.valid || value === range.current || apply.isPending}
                        onClick={() => confirmMove(m.id, value)}
                      >
                        Apply new quantity
                      </button>
                    ) : null}
                  </div>
                );
              })}
              {canApply && Object.keys(renewQuantities).length > 0 && renewals.length > 0 ? (
                <div className="ts-row" style={{ marginTop: "0.5rem" }}>
                  <span className="ts-hint">Or take them at the renewal:</span>
                  {renewals.map((m) => (
                    <button
                      key={m.id}
                      type="button"
                      className="ts-button ts-button--small"
                      disabled={apply.isPending}
                      onClick={() => confirmMove(m.id, undefined, renewQuantities)}
                    >
                      {m.label} with these quantities
                    </button>
                  ))}
                </div>
              ) : null}
            </section>
          ) : null}
          <section className="ts-card" aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            {history.data ? (
              <ol style={{ margin: 0, paddingLeft: "1.2rem" }}>
                {history.data.map((h) => (
                  <li key={h.revision}>
                    {h.asOf ?? h.at.slice(0, 10)} — {h.move?.label ?? h.action} (
                    {catalog?.packages.get(h.doc.package)?.value.name ?? h.doc.package})
                    {h.move?.effectiveDate && h.move.effectiveDate !== h.asOf
                      ? `, effective ${h.move.effectiveDate}`
                      : ""}
                  </li>
                ))}
              </ol>
            ) : (
              <LoadingState label="Loading history" />
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
