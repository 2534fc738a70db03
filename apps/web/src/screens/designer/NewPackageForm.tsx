/**
 * Creates a package — a base on the next rung of its portfolio's ladder, or an add-on — with a
 * 12-month term and a zero flat price in every currency, so it validates from the first moment.
 */
import type { Catalog, Charge, Package } from "@tessera/schema";
import { useState } from "react";
import type { Path } from "./docEdit.ts";
import { SelectField } from "./fields.tsx";
import { freshId } from "./ids.ts";
import { NewItemForm } from "./NewItemForm.tsx";
import { catalogIds } from "./packageContext.ts";

/** The new package: the next tier up for a base, tier 0 for an add-on. */
export function newPackage(
  doc: Catalog,
  id: string,
  name: string,
  portfolio: string,
  role: Package["role"],
): Package {
  const tier =
    role === "add_on"
      ? 0
      : Math.max(
          0,
          ...doc.packages.filter((p) => p.portfolio === portfolio && p.role === "base").map((p) => p.tier),
        ) + 1;
  return {
    id,
    name,
    portfolio,
    role,
    tier,
    status: "active",
    terms: [{ months: 12, default: true }],
    billingPeriods: ["month"],
    charges: [
      {
        id: freshId("fee", new Set([...catalogIds(doc), id]), id),
        name: `${name} subscription`,
        model: "flat",
        pricePoints: doc.currencies.map((currency) => ({
          currency,
          billingPeriod: "month" as const,
          amount: "0.00",
        })) as Charge["pricePoints"],
      },
    ],
  };
}

export function NewPackageForm({
  doc,
  set,
  onCreate,
}: {
  doc: Catalog;
  set: (p: Path, v: unknown) => void;
  /** Called with the new package's id. */
  onCreate: (id: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [chosen, setPortfolio] = useState("");
  const portfolio = chosen || (doc.portfolios[0]?.id ?? "");
  const [role, setRole] = useState<Package["role"]>("base");
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
  const taken = catalogIds(doc);
  const firstLine = doc.name.trim() || "Products";
  return (
    <div style={{ padding: "0.5rem" }}>
      <NewItemForm
        title="New package"
        nameLabel="Package name"
        idLabel="Package id"
        submitLabel="Create package"
        taken={taken}
        layout="stack"
        ready={portfolio !== ""}
        onCreate={(id, name) => {
          const pkg = newPackage(doc, id, name, portfolio, role);
          set(["packages"], [...doc.packages, pkg]);
          onCreate(id);
          setOpen(false);
        }}
      >
        <SelectField
          label="In portfolio"
          pointer=""
          value={portfolio}
          hint={
            doc.portfolios.length === 0 ? "A package belongs to a portfolio (a product line)." : undefined
          }
          options={doc.portfolios.map((p) => ({ value: p.id, label: p.name }))}
          onChange={setPortfolio}
        />
        {doc.portfolios.length === 0 ? (
          // The first package of a new catalog: one click makes the product line it needs.
          <button
            type="button"
            className="ts-button ts-button--small"
            onClick={() => set(["portfolios"], [{ id: freshId(firstLine, taken), name: firstLine }])}
          >
            Add portfolio “{firstLine}”
          </button>
        ) : null}
        <SelectField
          label="Sold as"
          pointer=""
          value={role}
          options={[
            { value: "base", label: "a base package" },
            { value: "add_on", label: "an add-on" },
          ]}
          onChange={(v) => setRole(v as Package["role"])}
        />
      </NewItemForm>
      <button type="button" className="ts-button ts-button--small" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </div>
  );
}
