/**
 * Offers shown before a cancellation is confirmed, in order: a discount for some months or billing
 * periods, or a downgrade to a cheaper package. Changing an offer's kind keeps only what the new
 * kind uses.
 */

import { renameId } from "@tessera/engine";
import type { RetentionOffer } from "@tessera/schema";
import { moveItem } from "./docEdit.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { IdField } from "./IdField.tsx";
import { NewItemForm } from "./NewItemForm.tsx";
import type { PackageCtx } from "./packageContext.ts";

/** The offer as `kind`: a discount keeps its percent and duration, a downgrade its target. */
export function offerAs(o: RetentionOffer, kind: RetentionOffer["kind"]): RetentionOffer {
  const { id, name } = o;
  if (kind === "downgrade") return o.to ? { id, name, kind, to: o.to } : { id, name, kind };
  const out: RetentionOffer = { id, name, kind, discountPercent: o.discountPercent ?? "25" };
  if (o.periods !== undefined) out.periods = o.periods;
  else out.months = o.months ?? 3;
  return out;
}

export function RetentionOffers({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, p, set, readOnly, at, takenIds } = ctx;
  const offers = pkg.termination?.retentionOffers ?? [];
  const path = [...at, "termination", "retentionOffers"];
  const put = (next: RetentionOffer[]) => set(path, next.length > 0 ? next : undefined);
  const targets = doc.packages
    .filter((x) => x.role === "base" && x.id !== pkg.id)
    .map((x) => ({ value: x.id, label: x.name }));
  return (
    <fieldset className="ts-field" style={{ border: "none", padding: 0 }}>
      <legend className="ts-label">Retention offers (shown in this order before a cancellation)</legend>
      {offers.map((o, k) => (
        <div key={o.id} className="ts-group" data-pointer={p("termination", "retentionOffers", k)}>
          <div className="grid-4">
            <TextField
              label="Offer shown as"
              pointer={p("termination", "retentionOffers", k, "name")}
              value={o.name}
              readOnly={readOnly}
              onChange={(v) => set([...path, k, "name"], v)}
            />
            <IdField
              label="Offer id"
              id={o.id}
              pointer={p("termination", "retentionOffers", k, "id")}
              taken={takenIds}
              readOnly={readOnly}
              onRename={(to) => set([], renameId(doc, o.id, to))}
            />
            <SelectField
              label="Offer kind"
              pointer={p("termination", "retentionOffers", k, "kind")}
              value={o.kind}
              options={[
                { value: "discount", label: "a discount" },
                { value: "downgrade", label: "a downgrade" },
              ]}
              readOnly={readOnly}
              onChange={(v) => set([...path, k], offerAs(o, v as RetentionOffer["kind"]))}
            />
            {o.kind === "downgrade" ? (
              <SelectField
                label="Downgrade to"
                pointer={p("termination", "retentionOffers", k, "to")}
                value={o.to ?? ""}
                options={targets}
                readOnly={readOnly}
                onChange={(v) => set([...path, k, "to"], v || undefined)}
              />
            ) : (
              <TextField
                label="Discount (%)"
                pointer={p("termination", "retentionOffers", k, "discountPercent")}
                value={o.discountPercent}
                readOnly={readOnly}
                onChange={(v) => set([...path, k, "discountPercent"], v.trim() || undefined)}
              />
            )}
          </div>
          {o.kind === "discount" ? (
            <div className="grid-4">
              <SelectField
                label="Lasts for"
                pointer=""
                value={o.periods !== undefined ? "periods" : "months"}
                options={[
                  { value: "months", label: "calendar months" },
                  { value: "periods", label: "billing periods" },
                ]}
                readOnly={readOnly}
                onChange={(v) => {
                  const { months, periods, ...rest } = o;
                  const n = months ?? periods ?? 3;
                  set([...path, k], v === "periods" ? { ...rest, periods: n } : { ...rest, months: n });
                }}
              />
              <NumberField
                label={o.periods !== undefined ? "Billing periods" : "Months"}
                pointer={p(
                  "termination",
                  "retentionOffers",
                  k,
                  o.periods !== undefined ? "periods" : "months",
                )}
                value={o.periods ?? o.months}
                readOnly={readOnly}
                onChange={(v) =>
                  set(
                    [...path, k, o.periods !== undefined ? "periods" : "months"],
                    v === undefined ? undefined : Math.max(1, v),
                  )
                }
              />
            </div>
          ) : null}
          {!readOnly ? (
            <div className="ts-row">
              <button
                type="button"
                className="ts-button ts-button--small"
                aria-label={`Move offer ${o.name} up`}
                disabled={k === 0}
                onClick={() => put(moveItem(offers, k, k - 1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="ts-button ts-button--small"
                aria-label={`Move offer ${o.name} down`}
                disabled={k === offers.length - 1}
                onClick={() => put(moveItem(offers, k, k + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="ts-button ts-button--small ts-button--danger"
                aria-label={`Remove offer ${o.name}`}
                onClick={() => put(offers.filter((_, i) => i !== k))}
              >
                Remove
              </button>
            </div>
          ) : null}
        </div>
      ))}
      {!readOnly ? (
        <NewItemForm
          title="Add a retention offer"
          nameLabel="New offer shown as"
          idLabel="New offer id"
          submitLabel="Add offer"
          taken={takenIds}
          prefix={pkg.id}
          onCreate={(id, name) =>
            put([...offers, { id, name, kind: "discount", discountPercent: "25", months: 3 }])
          }
        />
      ) : null}
    </fieldset>
  );
}
