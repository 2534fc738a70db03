/** The total price of a banded charge by quantity, for any of its price points. */
import type { Charge, PricePoint } from "@tessera/schema";
import { PriceChart } from "@tessera/ui";
import { useId } from "react";
import { useChargeChart } from "./useChargeChart.ts";

/** "2. EUR per year, partner book": a price point in the chart's menu. */
export function pointLabel(p: PricePoint, k: number): string {
  return `${k + 1}. ${p.currency}${p.billingPeriod ? ` per ${p.billingPeriod}` : ""}${p.priceBook ? `, ${p.priceBook} book` : ""}`;
}

export function ChargeChart({ charge, unit }: { charge: Charge; unit: string }) {
  const chartId = useId();
  const { charts, index, shown, points, setCharted } = useChargeChart(charge);
  if (!charts || !shown) return null;
  return (
    <div style={{ marginTop: "0.75rem" }}>
      {charge.pricePoints.length > 1 ? (
        <div className="ts-field" style={{ maxWidth: "20rem" }}>
          <label htmlFor={chartId}>Chart the price point</label>
          <select
            id={chartId}
            className="ts-select"
            value={index}
            onChange={(e) => setCharted(Number(e.target.value))}
          >
            {charge.pricePoints.map((p, k) => (
              <option key={k} value={k}>
                {pointLabel(p, k)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <PriceChart
        title={`${charge.name ?? charge.id}: total price by quantity (${shown.currency}${shown.billingPeriod ? ` per ${shown.billingPeriod}` : ""}${shown.priceBook ? `, ${shown.priceBook} price book` : ""})`}
        model={charge.model}
        currency={shown.currency}
        unit={unit}
        points={points}
      />
    </div>
  );
}
