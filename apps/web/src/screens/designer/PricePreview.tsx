import { type CompiledCatalog, price, quoteTermOf, termLengthOf } from "@tessera/engine";
import type { Package } from "@tessera/schema";
import { formatMoney } from "@tessera/ui";
import { useMemo } from "react";
import { today } from "../../engine/useCatalog.ts";

/** Price of the package with its defaults, per currency and billing period (engine `price`). */
export function PricePreview({ pkg, compiled }: { pkg: Package; compiled: CompiledCatalog | undefined }) {
  const rows = useMemo(() => {
    if (!compiled?.packages.has(pkg.id)) return [];
    const term = quoteTermOf(termLengthOf(pkg.terms.find((t) => t.default) ?? pkg.terms[0]));
    return compiled.doc.currencies.flatMap((currency) =>
      pkg.billingPeriods.map((billingPeriod) => {
        const r = price(compiled, { package: pkg.id, currency, billingPeriod, ...term }, today());
        const error = r.violations.find((v) => v.severity === "error");
        return {
          currency,
          billingPeriod,
          perPeriod: r.totals.perPeriod,
          mrr: r.totals.mrr,
          error: error?.message,
        };
      }),
    );
  }, [pkg, compiled]);
  if (!compiled) return <p className="ts-hint">The price preview appears when the catalog has no errors.</p>;
  return (
    <table className="ts-table" aria-label="Price preview">
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col">Billing period</th>
          <th scope="col" className="ts-num">
            Per period
          </th>
          <th scope="col" className="ts-num">
            MRR
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.currency}-${r.billingPeriod}`}>
            <td>{r.currency}</td>
            <td>{r.billingPeriod}</td>
            {r.error ? (
              <td colSpan={2} className="ts-hint" style={{ color: "var(--ts-danger)" }}>
                {r.error}
              </td>
            ) : (
              <>
                <td className="ts-num">{formatMoney(r.perPeriod, r.currency)}</td>
                <td className="ts-num">{formatMoney(r.mrr, r.currency)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
