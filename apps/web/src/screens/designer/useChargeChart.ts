/** The chart of a banded charge: which price point it shows, and the points it draws. */
import type { Charge } from "@tessera/schema";
import { useMemo, useState } from "react";
import { chartPoints, chartQuantities } from "../../engine/chartPoints.ts";

const CHARTED = new Set(["tiered", "volume", "stairstep", "per_unit"]);

export function useChargeChart(charge: Charge) {
  const [charted, setCharted] = useState(0);
  const index = Math.min(charted, charge.pricePoints.length - 1);
  const shown = charge.pricePoints[index];
  const points = useMemo(() => {
    if (!shown || !CHARTED.has(charge.model)) return [];
    try {
      return chartPoints(charge, shown, chartQuantities(shown));
    } catch {
      return [];
    }
  }, [charge, shown]);
  return { charts: shown !== undefined && CHARTED.has(charge.model), index, shown, points, setCharted };
}
