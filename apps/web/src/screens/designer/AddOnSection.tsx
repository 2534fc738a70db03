/**
 * Add-ons, from either side. On an add-on: which bases it fits (by package, portfolio or minimum
 * tier), how many units one arrangement may hold, the add-ons it requires or excludes, and its fate
 * when the base changes to one that cannot take it. On a base: the add-ons included in it (free,
 * not removable) and how many units of each.
 */
import type { AddOnCompatibility, IncludedAddOn } from "@tessera/schema";
import { type Patch, patchObject } from "./docEdit.ts";
import { NumberField, SelectField } from "./fields.tsx";
import { PickList } from "./PickList.tsx";
import type { PackageCtx } from "./packageContext.ts";

function Compatibility({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, p, set, readOnly, at } = ctx;
  const c = pkg.addOn;
  const put = (patch: Patch<AddOnCompatibility>) => set([...at, "addOn"], patchObject(c, patch));
  const list = (ids: string[]) => (ids.length > 0 ? ids : undefined);
  const bases = doc.packages.filter((x) => x.role === "base").map((x) => ({ value: x.id, label: x.name }));
  const addOns = doc.packages
    .filter((x) => x.role === "add_on" && x.id !== pkg.id)
    .map((x) => ({ value: x.id, label: x.name }));
  const own = doc.portfolios.find((x) => x.id === pkg.portfolio)?.name ?? pkg.portfolio;
  return (
    <>
      <p className="ts-hint" style={{ marginTop: 0 }}>
        A base fits when it is listed by name; otherwise when it is in one of the portfolios (with none
        listed: {own}) and its tier is at least the minimum.
      </p>
      <div className="grid-2">
        <PickList
          label="Fits these bases by name"
          pointer={p("addOn", "packages")}
          options={bases}
          value={c?.packages ?? []}
          readOnly={readOnly}
          onChange={(ids) => put({ packages: list(ids) })}
        />
        <PickList
          label="Fits bases of these portfolios"
          pointer={p("addOn", "portfolios")}
          options={doc.portfolios.map((x) => ({ value: x.id, label: x.name }))}
          value={c?.portfolios ?? []}
          readOnly={readOnly}
          onChange={(ids) => put({ portfolios: list(ids) })}
        />
      </div>
      <div className="grid-4">
        <NumberField
          label="Minimum base tier"
          pointer={p("addOn", "minTier")}
          value={c?.minTier}
          readOnly={readOnly}
          hint="Empty: any tier."
          onChange={(v) => put({ minTier: v })}
        />
        <NumberField
          label="Most units per customer"
          pointer={p("addOn", "maxQuantity")}
          value={c?.maxQuantity}
          readOnly={readOnly}
          hint="Empty: 1."
          onChange={(v) => put({ maxQuantity: v === undefined ? undefined : Math.max(1, v) })}
        />
        <SelectField
          label="When the base changes to one it does not fit"
          pointer={p("addOn", "onIncompatibleBase")}
          value={c?.onIncompatibleBase ?? ""}
          options={[
            { value: "", label: "cancel the add-on (default)" },
            { value: "cancel", label: "cancel the add-on (stated)" },
            { value: "block", label: "block the base change" },
          ]}
          readOnly={readOnly}
          onChange={(v) =>
            put({ onIncompatibleBase: (v || undefined) as AddOnCompatibility["onIncompatibleBase"] })
          }
        />
        <SelectField
          label="Customers add it themselves in the portal"
          pointer={p("addOn", "selfService")}
          value={c?.selfService === undefined ? "" : String(c.selfService)}
          options={[
            { value: "", label: "yes (default)" },
            { value: "true", label: "yes (stated)" },
            { value: "false", label: "no: the account team adds it" },
          ]}
          readOnly={readOnly}
          hint="Changing its quantity and removing it stay with the account team."
          onChange={(v) => put({ selfService: v === "" ? undefined : v === "true" })}
        />
      </div>
      <div className="grid-2">
        <PickList
          label="Requires these add-ons"
          pointer={p("addOn", "requires")}
          options={addOns}
          value={c?.requires ?? []}
          readOnly={readOnly}
          onChange={(ids) => put({ requires: list(ids) })}
        />
        <PickList
          label="Cannot be held with"
          pointer={p("addOn", "excludes")}
          options={addOns}
          value={c?.excludes ?? []}
          readOnly={readOnly}
          onChange={(ids) => put({ excludes: list(ids) })}
        />
      </div>
    </>
  );
}

function Included({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, p, set, readOnly, at } = ctx;
  const included = pkg.includedAddOns ?? [];
  const put = (next: IncludedAddOn[]) => set([...at, "includedAddOns"], next.length > 0 ? next : undefined);
  const name = (id: string) => doc.packages.find((x) => x.id === id)?.name ?? id;
  const rest = doc.packages.filter((x) => x.role === "add_on" && !included.some((i) => i.addOn === x.id));
  return (
    <>
      {included.length === 0 ? (
        <p className="ts-hint">No add-on is included; customers may buy the add-ons that fit.</p>
      ) : (
        <table className="ts-table" aria-label="Included add-ons">
          <thead>
            <tr>
              <th scope="col">Add-on</th>
              <th scope="col">Units included</th>
              <th scope="col">
                <span className="ts-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {included.map((x, k) => (
              <tr key={x.addOn} data-pointer={p("includedAddOns", k)}>
                <td>{name(x.addOn)}</td>
                <td>
                  <input
                    className="ts-input"
                    type="number"
                    min={1}
                    aria-label={`Units of ${name(x.addOn)} included`}
                    data-pointer={p("includedAddOns", k, "quantity")}
                    value={x.quantity ?? ""}
                    placeholder="1"
                    readOnly={readOnly}
                    onChange={(e) =>
                      set(
                        [...at, "includedAddOns", k, "quantity"],
                        e.target.value === ""
                          ? undefined
                          : Math.max(1, Math.trunc(e.target.valueAsNumber || 1)),
                      )
                    }
                  />
                </td>
                <td>
                  {!readOnly ? (
                    <button
                      type="button"
                      className="ts-button ts-button--small"
                      aria-label={`Stop including ${name(x.addOn)}`}
                      onClick={() => put(included.filter((_, i) => i !== k))}
                    >
                      Remove
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && rest.length > 0 ? (
        <select
          className="ts-select"
          aria-label="Include an add-on"
          value=""
          onChange={(e) => {
            if (e.target.value) put([...included, { addOn: e.target.value }]);
          }}
        >
          <option value="">Include an add-on…</option>
          {rest.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      ) : null}
    </>
  );
}

export function AddOnSection({ ctx }: { ctx: PackageCtx }) {
  const isAddOn = ctx.pkg.role === "add_on";
  return (
    <section className="ts-card" aria-labelledby="pkg-addons">
      <h2 id="pkg-addons">{isAddOn ? "Which bases it fits" : "Included add-ons"}</h2>
      {isAddOn ? <Compatibility ctx={ctx} /> : <Included ctx={ctx} />}
    </section>
  );
}
