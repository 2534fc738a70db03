/**
 * The account view of one customer, from its arrangements, their histories and the catalogs they
 * were priced on: names (never ids), each arrangement's state, the history of moves, MRR over
 * time, what comes up next (renewals, trial ends, scheduled cancellations) and usage against
 * allowance. Pure: the router reads the rows and the engine's usage lines and passes them in.
 * MRR is the recurring price per billing period ÷ months per period, rounded once to the
 * currency's minor unit (the engine's `mrrOf`); a terminated arrangement contributes nothing.
 */
import {
  addDays,
  Decimal,
  daysBetween,
  formatMoney,
  mrrOf,
  termLengthOf,
  type UsageLine,
} from "@tessera/engine";
import type { Arrangement, Catalog } from "@tessera/schema";

/** How far ahead "coming up" looks. */
export const UPCOMING_DAYS = 90;

export interface AccountArrangement {
  id: string;
  revision: number;
  catalogId: string;
  catalogName: string;
  package: string;
  packageName: string;
  status: NonNullable<Arrangement["status"]>;
  /** The phase as of today: a trial whose end has passed is evergreen. */
  phase: "trial" | "intro" | "evergreen";
  phaseEnds: string | null;
  currency: string;
  billingPeriod: Arrangement["billingPeriod"];
  recurring: string;
  mrr: string;
  term: Arrangement["term"];
  terminationDate: string | null;
  addOns: { package: string; name: string; quantity: number; included: boolean }[];
  usage: UsageLine[];
  /** Usage observations in a sentence each (over-consumption, over-provisioning). */
  insights: string[];
}

export interface AccountEvent {
  arrangementId: string;
  packageName: string;
  revision: number;
  /** The day the move was made as of (the recording day for older entries). */
  date: string;
  action: string;
  label: string;
  currency: string;
  /** The arrangement's MRR after the event, and the change it made. */
  mrr: string;
  mrrDelta: string;
  actor: string;
}

export interface MrrPoint {
  date: string;
  /** The customer's total MRR in the currency from this day on. */
  mrr: string;
  /** What changed on the day ("Upgrade to Team", "today", "cancellation takes effect"). */
  label: string;
  /** A scheduled change (a pending cancellation), not one that has happened. */
  projected: boolean;
}

export interface Upcoming {
  arrangementId: string;
  packageName: string;
  kind: "renewal" | "trial_ends" | "termination";
  date: string;
  /** Days from today. */
  days: number;
}

export interface Account {
  customer: string;
  arrangements: AccountArrangement[];
  /** Newest first. */
  events: AccountEvent[];
  /** One series per currency the customer is billed in. */
  mrr: { currency: string; current: string; points: MrrPoint[] }[];
  /** Within UPCOMING_DAYS, soonest first. */
  upcoming: Upcoming[];
}

export interface AccountInput {
  customer: string;
  today: string;
  arrangements: {
    id: string;
    revision: number;
    doc: Arrangement;
    history: {
      revision: number;
      action: string;
      label: string | null;
      doc: Arrangement;
      date: string;
      actor: string;
    }[];
    usage: UsageLine[];
    insights: string[];
  }[];
  /** The catalog an arrangement was priced on, when it can be read. */
  catalogOf: (doc: Arrangement) => Catalog | undefined;
}

function mrrOfDoc(doc: Arrangement): Decimal {
  if (doc.status === "terminated" || doc.recurring === undefined) return Decimal.ZERO;
  const perPeriod = Decimal.tryParse(doc.recurring) ?? Decimal.ZERO;
  return mrrOf(perPeriod, doc.billingPeriod, termLengthOf(doc.term), doc.currency);
}

function phaseOf(doc: Arrangement, today: string): AccountArrangement["phase"] {
  if (
    (doc.phase === "trial" || doc.phase === "intro") &&
    (doc.phaseEnds === undefined || doc.phaseEnds > today)
  )
    return doc.phase;
  return "evergreen";
}

/** Builds the account view (see the module comment). */
export function accountView(input: AccountInput): Account {
  const { today } = input;
  const nameOf = (doc: Arrangement, id: string) =>
    input.catalogOf(doc)?.packages.find((p) => p.id === id)?.name ?? id;
  const arrangements: AccountArrangement[] = input.arrangements.map(
    ({ id, revision, doc, usage, insights }) => {
      const catalog = input.catalogOf(doc);
      const phase = phaseOf(doc, today);
      return {
        id,
        revision,
        catalogId: doc.catalogId,
        catalogName: catalog?.name ?? doc.catalogId,
        package: doc.package,
        packageName: nameOf(doc, doc.package),
        status: doc.status ?? "active",
        phase,
        phaseEnds: phase === "evergreen" ? null : (doc.phaseEnds ?? null),
        currency: doc.currency,
        billingPeriod: doc.billingPeriod,
        recurring: doc.recurring ?? "0",
        mrr: formatMoney(mrrOfDoc(doc), doc.currency),
        term: doc.term,
        terminationDate: doc.terminationDate ?? null,
        addOns: (doc.addOns ?? []).map((a) => ({
          package: a.package,
          name: nameOf(doc, a.package),
          quantity: a.quantity ?? 1,
          included: a.included === true,
        })),
        usage,
        insights,
      };
    },
  );

  const events: AccountEvent[] = [];
  for (const a of input.arrangements) {
    let previous = Decimal.ZERO;
    for (const h of a.history) {
      const mrr = mrrOfDoc(h.doc);
      events.push({
        arrangementId: a.id,
        packageName: nameOf(h.doc, h.doc.package),
        revision: h.revision,
        date: h.date,
        action: h.action,
        label: h.label ?? (h.action === "create" ? `Started on ${nameOf(h.doc, h.doc.package)}` : h.action),
        currency: h.doc.currency,
        mrr: formatMoney(mrr, h.doc.currency),
        mrrDelta: formatMoney(mrr.sub(previous), h.doc.currency),
        actor: h.actor,
      });
      previous = mrr;
    }
  }
  events.sort((x, y) => (x.date === y.date ? y.revision - x.revision : x.date < y.date ? 1 : -1));

  return {
    customer: input.customer,
    arrangements,
    events,
    mrr: mrrSeries(input, events, arrangements),
    upcoming: upcoming(arrangements, today),
  };
}

/** Total MRR per currency after each event, today's value, and a scheduled cancellation's drop. */
function mrrSeries(input: AccountInput, events: AccountEvent[], arrangements: AccountArrangement[]) {
  const currencies = [...new Set(arrangements.map((a) => a.currency))].sort();
  return currencies.map((currency) => {
    const current = new Map<string, Decimal>();
    const total = () => formatMoney(Decimal.sum(current.values()), currency);
    const points: MrrPoint[] = [];
    const chronological = events.filter((e) => e.currency === currency && e.date <= input.today).reverse();
    for (const e of chronological) {
      current.set(e.arrangementId, Decimal.parse(e.mrr));
      const last = points[points.length - 1];
      if (last?.date === e.date) {
        last.mrr = total();
        last.label = `${last.label}; ${e.label}`;
      } else points.push({ date: e.date, mrr: total(), label: e.label, projected: false });
    }
    const now = total();
    if (points[points.length - 1]?.date !== input.today)
      points.push({ date: input.today, mrr: now, label: "today", projected: false });
    const ending = arrangements
      .filter((a) => a.currency === currency && a.status === "pending_termination" && a.terminationDate)
      .filter((a) => a.terminationDate! > input.today)
      .sort((x, y) => (x.terminationDate! < y.terminationDate! ? -1 : 1));
    for (const a of ending) {
      current.set(a.id, Decimal.ZERO);
      points.push({
        date: a.terminationDate!,
        mrr: total(),
        label: `${a.packageName} cancellation takes effect`,
        projected: true,
      });
    }
    return { currency, current: now, points };
  });
}

function upcoming(arrangements: AccountArrangement[], today: string): Upcoming[] {
  const horizon = addDays(today, UPCOMING_DAYS);
  const out: Upcoming[] = [];
  const add = (a: AccountArrangement, kind: Upcoming["kind"], date: string) => {
    if (date >= today && date <= horizon)
      out.push({
        arrangementId: a.id,
        packageName: a.packageName,
        kind,
        date,
        days: daysBetween(today, date),
      });
  };
  for (const a of arrangements) {
    if (a.status === "terminated") continue;
    if (a.status === "pending_termination" && a.terminationDate) add(a, "termination", a.terminationDate);
    else add(a, "renewal", a.term.end);
    if (a.phase === "trial" && a.phaseEnds) add(a, "trial_ends", a.phaseEnds);
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
