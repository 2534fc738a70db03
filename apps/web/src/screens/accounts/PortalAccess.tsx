import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../api/trpc.ts";

/** A seller makes a portal token for this customer; it is shown once, like every token. */
export function PortalAccess({ customer }: { customer: string }) {
  const trpc = useTRPC();
  const [token, setToken] = useState<string | null>(null);
  const create = useMutation(
    trpc.tokens.createForCustomer.mutationOptions({ onSuccess: (made) => setToken(made.token) }),
  );
  return (
    <section className="ts-card" aria-labelledby="portal-title">
      <h2 id="portal-title">Customer portal</h2>
      <p className="ts-hint">
        A portal token lets {customer} see their own subscriptions and make the changes the catalog marks
        self-service. It is shown once; an admin can revoke it.
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
      {create.error ? (
        <p className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(create.error)}
        </p>
      ) : null}
    </section>
  );
}
