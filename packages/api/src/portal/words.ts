/**
 * A move in plain words for the customer who makes it: when it takes effect, what they pay from
 * then on, and what the change costs or credits now (the proration), with the amounts formatted
 * from the engine's exact decimal strings.
 */
import { Decimal, displayMoney, formatMoney, type Move } from "@tessera/engine";

const PER: Record<string, string> = {
  month: "a month",
  quarter: "a quarter",
  year: "a year",
  upfront: "for the term",
};

/** "16 January 2027" from "2027-01-16" (calendar dates, no time zone involved). */
export function dayInWords(date: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}

export interface MoveWords {
  /** When it takes effect. */
  when: string;
  /** The recurring price after the move. */
  price: string;
  /** What the move charges or credits for the current period (and one-time charges). */
  proration: string;
  /** Add-ons that do not simply carry over. */
  addOns: string[];
}

export function moveInWords(
  move: Move,
  current: { recurring: string; currency: string; billingPeriod: string },
  today: string,
  nameOf: (packageId: string) => string = (id) => id,
): MoveWords {
  const { currency } = current;
  const money = (amount: string) => displayMoney(amount, currency);
  const effective = move.effectiveDate ?? today;
  const when = effective <= today ? "Takes effect today." : `Takes effect on ${dayInWords(effective)}.`;
  const per = (p: string) => PER[p] ?? `per ${p}`;
  const period = per(move.billingPeriod ?? current.billingPeriod);
  const price =
    move.newRecurring === undefined
      ? "Your recurring price does not change."
      : move.newRecurring === current.recurring
        ? `You keep paying ${money(move.newRecurring)} ${period}.`
        : `From then on you pay ${money(move.newRecurring)} ${period} instead of ${money(current.recurring)} ${per(current.billingPeriod)}.`;
  const net = Decimal.tryParse(move.prorationNet ?? "0") ?? Decimal.ZERO;
  const charges = move.proration.filter((l) => l.kind === "charge");
  const credits = move.proration.filter((l) => l.kind === "credit");
  const parts: string[] = [];
  for (const c of charges)
    parts.push(
      c.days === c.periodDays
        ? `${money(c.amount)} for the whole ${c.periodDays}-day billing period`
        : `${money(c.amount)} for the ${c.days} remaining days of this ${c.periodDays}-day billing period`,
    );
  for (const c of credits)
    parts.push(
      `a credit of ${money(c.amount.replace(/^-/, ""))} for the ${c.days} unused days of your current plan`,
    );
  let proration: string;
  if (move.proration.length === 0)
    proration = "Nothing is charged or credited for the current billing period.";
  else if (net.isNegative())
    proration = `You get ${money(formatMoney(net.neg(), currency))} back as a credit on your next invoice (${parts.join(", ")}).`;
  else
    proration = `You pay ${money(formatMoney(net, currency))} on ${dayInWords(effective)} (${parts.join(", less ")}).`;
  if (move.oneTime !== undefined && !(Decimal.tryParse(move.oneTime) ?? Decimal.ZERO).isZero())
    proration += ` A one-time charge of ${money(move.oneTime)} is added.`;
  const addOns = move.addOns
    .filter((a) => a.fate !== "carried")
    .map((a) =>
      a.fate === "dropped"
        ? `${nameOf(a.package)} ends: ${a.reason}`
        : `${nameOf(a.package)} becomes included: ${a.reason}`,
    );
  return { when, price, proration, addOns };
}
