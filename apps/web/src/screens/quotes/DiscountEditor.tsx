/** The quote's discounts: listed with a way to remove each, and a form to add one off recurring charges. */
import type { Quote } from "@tessera/schema";
import { useState } from "react";

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

export function DiscountEditor({
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
