/**
 * Exact decimal arithmetic for money: a BigInt coefficient and a base-10 scale. No binary
 * floating point ever touches an amount. Division and rounding take an explicit scale and use
 * one rule, half away from zero ("commercial rounding"), which is what invoices show.
 */
export class Decimal {
  private constructor(
    /** value = units / 10^scale */
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);
  static readonly HUNDRED = new Decimal(100n, 0);

  private static readonly pattern = /^(-)?(\d+)(?:\.(\d+))?$/;

  /** Parses a decimal string such as "19.99" or "-0.125"; `undefined` when it is not one. */
  static tryParse(text: string): Decimal | undefined {
    const m = Decimal.pattern.exec(text.trim());
    if (!m) return undefined;
    const frac = m[3] ?? "";
    const units = BigInt(`${m[2]}${frac}`);
    return new Decimal(m[1] ? -units : units, frac.length);
  }

  /** Parses a decimal string; throws on malformed input (callers validate first via the schema). */
  static parse(text: string): Decimal {
    const d = Decimal.tryParse(text);
    if (!d) throw new RangeError(`not a decimal: ${JSON.stringify(text)}`);
    return d;
  }

  /** An exact integer. */
  static of(n: number | bigint): Decimal {
    if (typeof n === "number" && !Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
    return new Decimal(BigInt(n), 0);
  }

  private static align(a: Decimal, b: Decimal): [bigint, bigint, number] {
    if (a.scale === b.scale) return [a.units, b.units, a.scale];
    if (a.scale > b.scale) return [a.units, b.units * 10n ** BigInt(a.scale - b.scale), a.scale];
    return [a.units * 10n ** BigInt(b.scale - a.scale), b.units, b.scale];
  }

  add(other: Decimal): Decimal {
    const [x, y, s] = Decimal.align(this, other);
    return new Decimal(x + y, s);
  }

  sub(other: Decimal): Decimal {
    const [x, y, s] = Decimal.align(this, other);
    return new Decimal(x - y, s);
  }

  mul(other: Decimal | number | bigint): Decimal {
    const o = other instanceof Decimal ? other : Decimal.of(other);
    return new Decimal(this.units * o.units, this.scale + o.scale);
  }

  neg(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  abs(): Decimal {
    return this.units < 0n ? this.neg() : this;
  }

  cmp(other: Decimal): -1 | 0 | 1 {
    const [x, y] = Decimal.align(this, other);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  eq(other: Decimal): boolean {
    return this.cmp(other) === 0;
  }

  lt(other: Decimal): boolean {
    return this.cmp(other) < 0;
  }

  gt(other: Decimal): boolean {
    return this.cmp(other) > 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  static min(a: Decimal, b: Decimal): Decimal {
    return a.cmp(b) <= 0 ? a : b;
  }

  static max(a: Decimal, b: Decimal): Decimal {
    return a.cmp(b) >= 0 ? a : b;
  }

  static sum(values: Iterable<Decimal>): Decimal {
    let total = Decimal.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }

  /**
   * this × numerator ÷ denominator, rounded half away from zero to `scale` digits. Exact up to the
   * single final rounding, so proration (amount × days ÷ days in period) rounds once.
   */
  mulDiv(numerator: bigint, denominator: bigint, scale: number): Decimal {
    if (denominator === 0n) throw new RangeError("division by zero");
    // value = units × num / (den × 10^this.scale); target units = value × 10^scale.
    let num = this.units * numerator;
    let den = denominator;
    const shift = scale - this.scale;
    if (shift >= 0) num *= 10n ** BigInt(shift);
    else den *= 10n ** BigInt(-shift);
    return new Decimal(divRoundHalfAway(num, den), scale);
  }

  /** this ÷ other, rounded half away from zero to `scale` digits. */
  div(other: Decimal, scale: number): Decimal {
    if (other.units === 0n) throw new RangeError("division by zero");
    // (a/10^sa) / (b/10^sb) × 10^scale = a × 10^(sb + scale - sa) / b
    return new Decimal(this.units * 10n ** BigInt(other.scale), this.scale).mulDiv(1n, other.units, scale);
  }

  /** Rounds half away from zero to `scale` fractional digits. */
  round(scale: number): Decimal {
    if (scale >= this.scale) return new Decimal(this.units * 10n ** BigInt(scale - this.scale), scale);
    return new Decimal(divRoundHalfAway(this.units, 10n ** BigInt(this.scale - scale)), scale);
  }

  /** Smallest integer ≥ this. */
  ceil(): bigint {
    const p = 10n ** BigInt(this.scale);
    const q = this.units / p;
    return this.units > 0n && q * p !== this.units ? q + 1n : q;
  }

  /** Written with exactly `scale` fractional digits (rounding if needed), or as stored. */
  toFixed(scale?: number): string {
    const d = scale === undefined ? this : this.round(scale);
    const neg = d.units < 0n;
    const digits = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
    const int = digits.slice(0, digits.length - d.scale);
    const frac = digits.slice(digits.length - d.scale);
    return `${neg ? "-" : ""}${int}${d.scale > 0 ? `.${frac}` : ""}`;
  }

  /** Shortest exact form without trailing zeros ("12.5", "3"). */
  toString(): string {
    let { units, scale } = this;
    while (scale > 0 && units % 10n === 0n) {
      units /= 10n;
      scale--;
    }
    return new Decimal(units, scale).toFixed();
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Integer division rounding half away from zero. */
function divRoundHalfAway(num: bigint, den: bigint): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const n = neg ? -num : num;
  const q = n / den;
  const r = n - q * den;
  const rounded = r * 2n >= den ? q + 1n : q;
  return neg ? -rounded : rounded;
}
