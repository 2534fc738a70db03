import type { ReactNode } from "react";

export interface ComparedPackage {
  id: string;
  name: string;
  description?: string;
  tier: number;
  /** Formatted price, e.g. "$49.00 / month". */
  priceLabel?: string;
  /** What the price is for, when priced with the rep's configuration, e.g. "25 seats · 12 months". */
  priceBasis?: string;
  /** What the package includes, one line each. */
  features: readonly string[];
  /** Shown instead of the select button when the package cannot be sold. */
  unavailableReason?: string;
}

export interface PackageCompareProps {
  packages: readonly ComparedPackage[];
  selectedId?: string;
  onSelect: (id: string) => void;
  /** Optional badge above the most popular package. */
  highlightId?: string;
}

/** Good / better / best: the portfolio's base packages side by side, ascending by tier. */
export function PackageCompare({ packages, selectedId, onSelect, highlightId }: PackageCompareProps) {
  const sorted = [...packages].sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name));
  return (
    <section className="ts-compare" aria-label="Compare packages">
      {sorted.map((pkg) => {
        const selected = pkg.id === selectedId;
        let action: ReactNode;
        if (pkg.unavailableReason) action = <p className="ts-hint">{pkg.unavailableReason}</p>;
        else
          action = (
            <button
              type="button"
              className={selected ? "ts-button" : "ts-button ts-button--primary"}
              aria-pressed={selected}
              onClick={() => onSelect(pkg.id)}
            >
              {selected ? "Selected" : `Choose ${pkg.name}`}
            </button>
          );
        return (
          <article
            key={pkg.id}
            className="ts-compare__card"
            aria-current={selected ? "true" : undefined}
            aria-labelledby={`cmp-${pkg.id}`}
          >
            <div className="ts-row" style={{ justifyContent: "space-between" }}>
              <h3 id={`cmp-${pkg.id}`} style={{ margin: 0 }}>
                {pkg.name}
              </h3>
              {pkg.id === highlightId ? <span className="ts-badge ts-badge--accent">Popular</span> : null}
            </div>
            {pkg.priceLabel ? <div className="ts-compare__price">{pkg.priceLabel}</div> : null}
            {pkg.priceBasis ? (
              <p className="ts-hint" style={{ margin: 0 }}>
                for {pkg.priceBasis}
              </p>
            ) : null}
            {pkg.description ? (
              <p className="ts-hint" style={{ margin: 0 }}>
                {pkg.description}
              </p>
            ) : null}
            <ul className="ts-compare__features">
              {pkg.features.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            {action}
          </article>
        );
      })}
    </section>
  );
}
