/**
 * Sums of money as BigInt units at one scale (the currency's minor digits): adding a line costs one
 * BigInt addition instead of a new Decimal. Exact — line amounts are already rounded to that
 * scale, and anything finer is kept aside and added exactly, never rounded.
 */
import { Decimal } from "../decimal.ts";

const POW10 = Array.from({ length: 19 }, (_, i) => 10n ** BigInt(i));

export class Sum {
  private units = 0n;
  private finer: Decimal | undefined;

  constructor(private readonly scale: number) {}

  add(amount: Decimal, times = 1): this {
    const k = times === 1 ? 1n : BigInt(times);
    if (amount.scale === this.scale) this.units += amount.units * k;
    else if (amount.scale < this.scale) this.units += amount.units * POW10[this.scale - amount.scale]! * k;
    else this.finer = (this.finer ?? Decimal.ZERO).add(amount.mul(times));
    return this;
  }

  value(): Decimal {
    const total = Decimal.of(this.units).mulDiv(1n, POW10[this.scale]!, this.scale);
    return this.finer ? total.add(this.finer) : total;
  }
}
