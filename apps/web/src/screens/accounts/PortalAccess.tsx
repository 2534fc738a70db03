import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../api/trpc.ts";
import { useSession } from "../../session/store.ts";

/**
 * A seller makes a portal token for this customer; it is shown once, like every token. Below it,
 * the customer's portal tokens the seller made (an admin sees every one), each revocable.
 */
export function PortalAccess({ customer }: { customer: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const admin = useSession((s) => s.me?.role === "admin");
  const [token, setToken] = useState<string | null>(null);
  const listed = useQuery(trpc.tokens.listForCustomers.queryOptions({ customer }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.tokens.listForCustomers.queryKey({ customer }) });
  const create = useMutation(
    trpc.tokens.createForCustomer.mutationOptions({
      onSuccess: (made) => {
        setToken(made.token);
        return refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.tokens.revokeForCustomer.mutationOptions({
      onSuccess: () => {
        // The token shown once is no use any more: do not leave it on screen.
        setToken(null);
        return refresh();
      },
    }),
  );
  const failure = create.error ?? revoke.error ?? listed.error;
  return (
    <section className="ts-card" aria-labelledby="portal-title">
      <h2 id="portal-title">Customer portal</h2>
      <p className="ts-hint">
        A portal token lets {customer} see their own subscriptions and make the changes the catalog marks
        self-service. It is shown once; you can revoke the ones you made here, an admin any.
      </p>
      {token ? (
        <p role="status">
          Portal token for {customer}: <code className="token-once">{token}</code>
        </p>
      ) : (
        <button
          type="button"
          className="ts-button"
          disabled={create.isPending}
          onClick={() => create.mutate({ customer })}
        >
          {create.isPending ? "Creating…" : "Create a portal token"}
        </button>
      )}
      {failure ? (
        <p className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(failure)}
        </p>
      ) : null}
      {listed.data && listed.data.length > 0 ? (
        <table className="ts-table" aria-label={admin ? "Portal tokens" : "Portal tokens you made"}>
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Created</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="ts-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.data.map((t) => (
              <tr key={t.id} aria-label={`${t.name} ${t.createdAt.slice(0, 16)}`}>
                <td>{t.name}</td>
                <td>{t.createdAt.slice(0, 16).replace("T", " ")}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="ts-badge">revoked {t.revokedAt.slice(0, 10)}</span>
                  ) : (
                    <span className="ts-badge ts-badge--ok">active</span>
                  )}
                </td>
                <td className="ts-num">
                  {t.revokedAt ? null : (
                    <button
                      type="button"
                      className="ts-button ts-button--small"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ id: t.id })}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
