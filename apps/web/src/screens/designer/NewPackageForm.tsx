/** Creates a base package with a 12-month term and a zero flat price in every currency. */
import type { Catalog } from "@tessera/schema";
import { useState } from "react";
import type { Path } from "./docEdit.ts";
import { SelectField, TextField } from "./fields.tsx";

export function NewPackageForm({
  doc,
  set,
  onCreate,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  onCreate: (index: number) => void;
}) {
  const [open, setOpen] = useState(false);
  const [id, setId] = useState("");
  const [name, setName] = useState("");
  const [portfolio, setPortfolio] = useState(doc.portfolios[0]?.id ?? "");
  if (!open)
    return (
      <button
        type="button"
        className="ts-button ts-button--small"
        style={{ margin: "0.5rem" }}
        onClick={() => setOpen(true)}
      >
        New package
      </button>
    );
  const tier =
    Math.max(
      0,
      ...doc.packages.filter((p) => p.portfolio === portfolio && p.role === "base").map((p) => p.tier),
    ) + 1;
  return (
    <form
      aria-label="New package"
      style={{ padding: "0.5rem" }}
      onSubmit={(e) => {
        e.preventDefault();
        set(
          ["packages"],
          [
            ...doc.packages,
            {
              id,
              name,
              portfolio,
              role: "base",
              tier,
              status: "active",
              terms: [{ months: 12, default: true }],
              billingPeriods: ["month"],
              charges: [
                {
                  id: `${id}-base`,
                  name: `${name} subscription`,
                  model: "flat",
                  pricePoints: doc.currencies.map((currency) => ({
                    currency,
                    billingPeriod: "month" as const,
                    amount: "0.00",
                  })),
                },
              ],
            },
          ],
        );
        onCreate(doc.packages.length);
        setOpen(false);
        setId("");
        setName("");
      }}
    >
      <TextField label="Package id" pointer="" value={id} onChange={(v) => setId(v.trim())} />
      <TextField label="Package name" pointer="" value={name} onChange={setName} />
      <SelectField
        label="In portfolio"
        pointer=""
        value={portfolio}
        options={doc.portfolios.map((p) => ({ value: p.id, label: p.name }))}
        onChange={setPortfolio}
      />
      <div className="ts-row">
        <button type="submit" className="ts-button ts-button--primary" disabled={!id || !name || !portfolio}>
          Create package
        </button>
        <button type="button" className="ts-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
