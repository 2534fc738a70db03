/**
 * Chart geometry from decimal strings without floating point on the amounts: amounts are scaled to
 * integers (BigInt) and only the resulting pixel offsets become numbers.
 */
function toScaled(amount: string, scale: number): bigint {
  const negative = amount.startsWith("-");
  const digits = negative ? amount.slice(1) : amount;
  const [whole = "0", fraction = ""] = digits.split(".");
  const frac = (fraction + "0".repeat(scale)).slice(0, scale);
  const value = BigInt(whole || "0") * 10n ** BigInt(scale) + BigInt(frac || "0");
  return negative ? -value : value;
}

/** Number of fractional digits needed to represent every amount exactly. */
function scaleOf(amounts: readonly string[]): number {
  return amounts.reduce((s, a) => Math.max(s, a.split(".")[1]?.length ?? 0), 0);
}

/** Maps amounts to pixel offsets 0..pixels proportional to amount / max (negative amounts clamp to 0). */
export function pixelOffsets(amounts: readonly string[], pixels: number): { offsets: number[]; max: string } {
  const scale = scaleOf(amounts);
  const scaled = amounts.map((a) => toScaled(a, scale));
  let maxIndex = -1;
  scaled.forEach((v, i) => {
    if (maxIndex < 0 || v > (scaled[maxIndex] ?? 0n)) maxIndex = i;
  });
  const top = maxIndex >= 0 ? (scaled[maxIndex] ?? 0n) : 0n;
  const offsets = scaled.map((v) => (top <= 0n || v <= 0n ? 0 : Number((v * BigInt(pixels)) / top)));
  return { offsets, max: maxIndex >= 0 ? (amounts[maxIndex] ?? "0") : "0" };
}
