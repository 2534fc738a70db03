/**
 * Points for the price chart, computed by the engine's own `price` so the chart can never disagree
 * with a quote: the charge is placed alone on a one-component package and priced at each quantity.
 */
import { compile, price } from "@tessera/engine";
import type { Catalog, Charge, PricePoint } from "@tessera/schema";
import type { PricePointView } from "@tessera/ui";

/** Quantities worth plotting for a price point: every tier/step boundary and a bit beyond. */
export function chartQuantities(point: PricePoint): number[] {
  const bounds = [
    ...(point.tiers ?? []).map((t) => t.upTo ?? null),
    ...(point.steps ?? []).map((s) => s.upTo ?? null),
  ].filter((b): b is number => typeof b === "number" && b > 0);
  const top = Math.max(10, ...bounds.map((b) => Math.ceil(b * 1.5)));
  const stride = Math.max(1, Math.ceil(top / 60));
  const qs = new Set<number>([0, top]);
  for (let q = stride; q < top; q += stride) qs.add(q);
  for (const b of bounds) {
    qs.add(b);
    qs.add(b + 1);
  }
  return [...qs].sort((a, b) => a - b);
}

export function chartPoints(
  charge: Charge,
  point: PricePoint,
  quantities: readonly number[],
): PricePointView[] {
  const period = point.billingPeriod ?? "month";
  const { priceBook: _book, ...pointInDefaultBook } = point;
  const doc: Catalog = {
    id: "chart",
    name: "chart",
    currencies: [point.currency],
    services: [{ id: "chart-unit", name: "unit", unit: "unit", kind: "recurring", status: "active" }],
    portfolios: [{ id: "chart-portfolio", name: "chart" }],
    packages: [
      {
        id: "chart-package",
        name: "chart",
        portfolio: "chart-portfolio",
        role: "base",
        tier: 1,
        status: "active",
        components: [{ id: "chart-component", service: "chart-unit", min: 0 }],
        terms: [{ months: 1 }],
        billingPeriods: [period],
        charges: [
          {
            id: "chart-charge",
            model: charge.model,
            component: "chart-component",
            ...(charge.blockSize ? { blockSize: charge.blockSize } : {}),
            commitmentDiscounts: false,
            pricePoints: [pointInDefaultBook],
          },
        ],
      },
    ],
  };
  const catalog = compile(doc);
  const points: PricePointView[] = [];
  for (const q of quantities) {
    const result = price(
      catalog,
      {
        package: "chart-package",
        currency: point.currency,
        billingPeriod: period,
        termMonths: 1,
        quantities: { "chart-component": q },
      },
      "2026-01-01",
    );
    if (result.violations.some((v) => v.severity === "error")) continue;
    const line = result.lines.find((l) => l.chargeId === "chart-charge");
    points.push({ quantity: q, amount: line?.amount ?? "0" });
  }
  return points;
}
