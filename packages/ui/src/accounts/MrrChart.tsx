import { useId } from "react";
import { pixelOffsets } from "../format/decimalScale.ts";
import { formatMoney } from "../format/money.ts";

export interface MrrPointView {
  /** "YYYY-MM-DD": from this day on the MRR is `mrr`. */
  date: string;
  /** Decimal string. */
  mrr: string;
  /** What changed that day. */
  label: string;
  /** A scheduled change (drawn dashed), not one that has happened. */
  projected: boolean;
}

export interface MrrChartProps {
  title: string;
  currency: string;
  points: readonly MrrPointView[];
}

const W = 560;
const H = 220;
const PAD = { left: 16, right: 16, top: 18, bottom: 34 };

/** Days since 1970-01-01 of a calendar date (for the x axis; dates only, no money). */
function day(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

/**
 * Monthly recurring revenue over time as a step line: MRR holds from one change to the next.
 * Heights come from the exact decimal strings (pixelOffsets), never from floats of the amounts;
 * a scheduled change (a pending cancellation) is dashed. The numbers follow in a table.
 */
export function MrrChart({ title, currency, points }: MrrChartProps) {
  const id = useId();
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const first = points[0] ? day(points[0].date) : 0;
  const last = points.length > 0 ? day(points[points.length - 1]!.date) : 1;
  const span = Math.max(last - first, 1);
  const { offsets, max } = pixelOffsets(
    points.map((p) => p.mrr),
    plotH,
  );
  const x = (date: string) => PAD.left + ((day(date) - first) / span) * plotW;
  const y = (i: number) => PAD.top + plotH - (offsets[i] ?? 0);
  let actual = "";
  let projected = "";
  points.forEach((p, i) => {
    if (i === 0) {
      actual = `M${x(p.date)},${y(0)}`;
      return;
    }
    const step = ` L${x(p.date)},${y(i - 1)} L${x(p.date)},${y(i)}`;
    if (p.projected) {
      if (!projected) projected = `M${x(points[i - 1]!.date)},${y(i - 1)}`;
      projected += step;
    } else actual += step;
  });
  const current = [...points].reverse().find((p) => !p.projected);
  return (
    <figure className="ts-chart ts-card" style={{ margin: 0 }} aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="ts-label" style={{ marginBottom: "0.5rem" }}>
        {title}
      </figcaption>
      {points.length === 0 ? (
        <p className="ts-hint">No revenue history yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby={`${id}-cap`}
          aria-describedby={`${id}-desc`}
        >
          <title>{title}</title>
          <desc id={`${id}-desc`}>
            MRR from {points[0]!.date} to {points[points.length - 1]!.date}, up to{" "}
            {formatMoney(max, currency)}
            {current ? `; ${formatMoney(current.mrr, currency)} now` : ""}.
          </desc>
          <line
            className="ts-chart__axis"
            x1={PAD.left}
            y1={PAD.top + plotH}
            x2={W - PAD.right}
            y2={PAD.top + plotH}
          />
          <text className="ts-chart__label" x={PAD.left + 4} y={PAD.top - 4} textAnchor="start">
            {formatMoney(max, currency)}
          </text>
          <text className="ts-chart__label" x={PAD.left} y={H - 12} textAnchor="start">
            {points[0]!.date}
          </text>
          <text className="ts-chart__label" x={W - PAD.right} y={H - 12} textAnchor="end">
            {points[points.length - 1]!.date}
          </text>
          <path className="ts-chart__line" d={actual} data-testid="mrr-line" />
          {projected ? (
            <path
              className="ts-chart__line"
              d={projected}
              strokeDasharray="5 4"
              data-testid="mrr-projected"
            />
          ) : null}
          {points.map((p, i) => (
            <circle key={`${p.date}${i}`} cx={x(p.date)} cy={y(i)} r={3} className="ts-chart__dot">
              <title>
                {p.date}: {formatMoney(p.mrr, currency)} — {p.label}
              </title>
            </circle>
          ))}
        </svg>
      )}
      <details>
        <summary className="ts-hint">Show the numbers</summary>
        <table className="ts-table">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">What changed</th>
              <th scope="col" className="ts-num">
                MRR
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.date}${i}`}>
                <td>{p.date}</td>
                <td>
                  {p.label}
                  {p.projected ? " (scheduled)" : ""}
                </td>
                <td className="ts-num">{formatMoney(p.mrr, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
