/**
 * Users & tokens (admins): every API token by name, role and state; who may approve discounts
 * (admins always, and the seller tokens given the approver capability), with Grant and Withdraw
 * on each seller; Revoke on any active token (asked twice). New tokens are made below the list
 * (NewTokenForm). Every change is audited by the server.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "@tessera/ui";
import { useState } from "react";
import { errorMessage, type RouterOutputs, useTRPC } from "../../api/trpc.ts";
import { useSession } from "../../session/store.ts";
import { NewTokenForm } from "./NewTokenForm.tsx";
import "./admin.css";

type TokenRecord = RouterOutputs["tokens"]["list"][number];

const ROLE_LABEL: Record<string, string> = {
  admin: "admin",
  designer: "designer",
  seller: "seller",
  reader: "reader (service)",
  account_manager: "account manager",
  customer: "customer portal",
};

export function TokensScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useSession((s) => s.me);
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const setApprover = useMutation(trpc.tokens.setApprover.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        return refresh();
      },
    }),
  );

  if (tokens.isPending) return <LoadingState label="Loading tokens" />;
  if (tokens.error)
    return (
      <ErrorState
        title="Could not load tokens"
        message={errorMessage(tokens.error)}
        onRetry={() => tokens.refetch()}
      />
    );
  const names = new Map(tokens.data.map((t) => [t.id, t.name]));
  // Active first, then revoked; each newest first.
  const rows = [...tokens.data].sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
  const approvers = rows.filter((t) => t.revokedAt === null && t.role === "seller" && t.approver);
  const failure = setApprover.error ?? revoke.error;

  return (
    <div className="stack">
      <div className="page-head">
        <h1>Users &amp; tokens</h1>
      </div>
      <section className="ts-card" aria-labelledby="approvers-title">
        <h2 id="approvers-title" style={{ marginTop: 0 }}>
          Who approves discounts
        </h2>
        <p data-testid="approvers">
          Admin tokens always may.{" "}
          {approvers.length === 0
            ? "No seller holds the approver capability."
            : `Sellers with the approver capability: ${approvers.map((a) => a.name).join(", ")}.`}
        </p>
        <p className="ts-hint">
          Grant the capability to a sales manager's seller token; a discount above the catalog's threshold
          waits for an approver before the quote can be sent.
        </p>
      </section>
      {failure ? (
        <p className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(failure)}
        </p>
      ) : null}
      <section className="ts-card">
        <table className="ts-table" aria-label="Tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Approver</th>
              <th scope="col">Created</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="ts-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <TokenRow
                key={t.id}
                token={t}
                createdBy={t.createdBy ? (names.get(t.createdBy) ?? t.createdBy) : "set-up"}
                self={t.id === me?.tokenId}
                busy={setApprover.isPending || revoke.isPending}
                confirming={confirming === t.id}
                onApprover={(approver) => setApprover.mutate({ id: t.id, approver })}
                onRevoke={() => (confirming === t.id ? revoke.mutate({ id: t.id }) : setConfirming(t.id))}
                onCancel={() => setConfirming(null)}
              />
            ))}
          </tbody>
        </table>
      </section>
      <NewTokenForm onCreated={refresh} />
    </div>
  );
}

interface TokenRowProps {
  token: TokenRecord;
  createdBy: string;
  self: boolean;
  busy: boolean;
  confirming: boolean;
  onApprover: (approver: boolean) => void;
  onRevoke: () => void;
  onCancel: () => void;
}

function TokenRow({
  token: t,
  createdBy,
  self,
  busy,
  confirming,
  onApprover,
  onRevoke,
  onCancel,
}: TokenRowProps) {
  const active = t.revokedAt === null;
  return (
    <tr aria-label={t.name} className={active ? undefined : "muted"}>
      <td>
        <strong>{t.name}</strong>
        {self ? <span className="ts-hint"> (you)</span> : null}
        {t.customer ? <span className="ts-hint token-customer">{t.customer}</span> : null}
      </td>
      <td>{ROLE_LABEL[t.role] ?? t.role}</td>
      <td>
        {t.role === "admin" ? (
          <span className="ts-hint">always</span>
        ) : t.role === "seller" ? (
          <span className="ts-row" style={{ gap: "0.4rem" }}>
            <span className={t.approver ? "ts-badge ts-badge--ok" : "ts-badge"}>
              {t.approver ? "yes" : "no"}
            </span>
            {active ? (
              <button
                type="button"
                className="ts-button ts-button--small"
                disabled={busy}
                onClick={() => onApprover(!t.approver)}
              >
                {t.approver ? "Withdraw approver" : "Grant approver"}
              </button>
            ) : null}
          </span>
        ) : (
          <span className="ts-hint">—</span>
        )}
      </td>
      <td>
        {t.createdAt.slice(0, 10)}
        <span className="ts-hint token-customer">by {createdBy}</span>
      </td>
      <td>
        {active ? (
          <span className="ts-badge ts-badge--ok">active</span>
        ) : (
          <span className="ts-badge">revoked {t.revokedAt!.slice(0, 10)}</span>
        )}
      </td>
      <td>
        {/* Your own token is not offered: revoking it would sign you out mid-task. */}
        {active && !self ? (
          <span className="ts-row" style={{ gap: "0.4rem", justifyContent: "flex-end" }}>
            <button
              type="button"
              className={
                confirming ? "ts-button ts-button--small ts-button--danger" : "ts-button ts-button--small"
              }
              disabled={busy}
              onClick={onRevoke}
            >
              {confirming ? `Revoke ${t.name}` : "Revoke"}
            </button>
            {confirming ? (
              <button type="button" className="ts-button ts-button--small" onClick={onCancel}>
                Keep
              </button>
            ) : null}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
