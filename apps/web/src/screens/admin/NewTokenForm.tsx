/**
 * Makes a staff token (admins): a name, a role, and for a seller whether it approves discounts.
 * The token is shown once, here; only its hash is stored. Customer portal tokens are made from a
 * customer's account instead (PortalAccess), bound to that customer.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, type RouterInputs, useTRPC } from "../../api/trpc.ts";

type StaffRole = RouterInputs["tokens"]["create"]["role"];

const ROLES: { id: StaffRole; label: string }[] = [
  { id: "seller", label: "Seller (sales rep)" },
  { id: "designer", label: "Designer (product manager)" },
  { id: "account_manager", label: "Account manager" },
  { id: "reader", label: "Reader (a consuming service)" },
  { id: "admin", label: "Admin" },
];

export function NewTokenForm({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [role, setRole] = useState<StaffRole>("seller");
  const [approver, setApprover] = useState(false);
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: (result) => {
        setMade({ name: result.record.name, token: result.token });
        setName("");
        setApprover(false);
        onCreated();
      },
    }),
  );
  return (
    <form
      className="ts-card"
      aria-labelledby="new-token-title"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name: name.trim(), role, ...(role === "seller" && approver ? { approver } : {}) });
      }}
    >
      <h2 id="new-token-title" style={{ marginTop: 0 }}>
        New token
      </h2>
      <div className="grid-3">
        <div className="ts-field">
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            className="ts-input"
            maxLength={200}
            value={name}
            placeholder="Who or what uses it"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="ts-field">
          <label htmlFor="token-role">Role</label>
          <select
            id="token-role"
            className="ts-select"
            value={role}
            onChange={(e) => setRole(e.target.value as StaffRole)}
          >
            {ROLES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <label className="ts-row" style={{ alignSelf: "end", marginBottom: "0.75rem", gap: "0.4rem" }}>
          <input
            type="checkbox"
            checked={role === "seller" && approver}
            disabled={role !== "seller"}
            onChange={(e) => setApprover(e.target.checked)}
          />
          Approves discounts
        </label>
      </div>
      <button
        type="submit"
        className="ts-button ts-button--primary"
        disabled={create.isPending || !name.trim()}
      >
        {create.isPending ? "Creating…" : "Create token"}
      </button>
      {create.error ? (
        <p className="ts-alert ts-alert--danger" role="alert">
          {errorMessage(create.error)}
        </p>
      ) : null}
      {made ? (
        <p role="status">
          Token for {made.name} (shown once, copy it now): <code className="token-once">{made.token}</code>
        </p>
      ) : null}
    </form>
  );
}
