import { useId } from "react";
import { pixelOffsets } from "../format/decimalScale.ts";
import { formatMoney } from "../format/money.ts";
import { unitFor } from "../format/units.ts";

export interface PricePointView {
  quantity: number;
  /** Total price at that quantity, a decimal string (computed by the engine). */
  amount: string;
}

export interface PriceChartProps {
  title: string;
  /** tiered, volume, stairstep…: stairstep draws flat steps, the others join the points. */
  model: string;
  currency: string;
  unit: string;
  /** Ascending by quantity. */
  points: readonly PricePointView[];
  /** Quantity to mark, e.g. the one on the quote. */
  marker?: number;
}

const W = 520;
const H = 220;
const PAD = { left: 64, right: 16, top: 14, bottom: 34 };

/**
 * Total price against quantity, drawn in SVG. Amounts are scaled exactly (BigInt) to pixels; a
 * table with the same points follows for screen readers.
 */
export function PriceChart({ title, model, currency, unit, points, marker }: PriceChartProps) {
  const id = useId();
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const maxQ = points.reduce((m, p) => Math.max(m, p.quantity), 0) || 1;
  const { offsets, max } = pixelOffsets(
    points.map((p) => p.amount),
    plotH,
  );
  const x = (q: number) => PAD.left + (q / maxQ) * plotW;
  const y = (i: number) => PAD.top + plotH - (offsets[i] ?? 0);
  let path = "";
  points.forEach((p, i) => {
    if (i === 0) path += `M${x(p.quantity)},${y(i)}`;
    else if (model === "stairstep" || model === "volume") {
      const prevY = y(i - 1);
      path += ` L${x(p.quantity)},${prevY} L${x(p.quantity)},${y(i)}`;
    } else path += ` L${x(p.quantity)},${y(i)}`;
  });
  return (
    <figure className="ts-chart ts-card" style={{ margin: 0 }} aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="ts-label" style={{ marginBottom: "0.5rem" }}>
        {title} <span className="ts-badge">{model}</span>
      </figcaption>
      {points.length === 0 ? (
        <p className="ts-hint">No price points to chart yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={`${id}-cap`}
          aria-describedby={`${id}-desc`}
        >
          <title>{title}</title>
          <desc id={`${id}-desc`}>
            Total price from {points[0]?.quantity} to {maxQ} {unitFor(maxQ, unit)}, up to{" "}
            {formatMoney(max, currency)}.
          </desc>
          <line
            className="ts-chart__axis"
            x1={PAD.left}
            y1={PAD.top + plotH}
            x2={W - PAD.right}
            y2={PAD.top + plotH}
          />
          <line className="ts-chart__axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} />
          {/* Inside the plot, by the axis: a long amount ("JPY 1,234,567") never runs off the left. */}
          <text className="ts-chart__label" x={PAD.left + 6} y={PAD.top + 8} textAnchor="start">
            {formatMoney(max, currency)}
          </text>
          <text className="ts-chart__label" x={PAD.left - 6} y={PAD.top + plotH} textAnchor="end">
            0
          </text>
          <text className="ts-chart__label" x={PAD.left} y={H - 14} textAnchor="start">
            {points[0]?.quantity}
          </text>
          <text className="ts-chart__label" x={W - PAD.right} y={H - 14} textAnchor="end">
            {maxQ} {unitFor(maxQ, unit)}
          </text>
          {marker !== undefined ? (
            <line
              x1={x(marker)}
              x2={x(marker)}
              y1={PAD.top}
              y2={PAD.top + plotH}
              stroke="var(--ts-warn)"
              strokeDasharray="3 3"
              data-testid="chart-marker"
            />
          ) : null}
          <path className="ts-chart__line" d={path} data-testid="chart-line" />
        </svg>
      )}
      <details>
        <summary className="ts-hint">Show the numbers</summary>
        <table className="ts-table">
          <thead>
            <tr>
              <th scope="col">Quantity ({unit})</th>
              <th scope="col" className="ts-num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.quantity}>
                <td>{p.quantity}</td>
                <td className="ts-num">{formatMoney(p.amount, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
