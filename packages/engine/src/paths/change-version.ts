/**
 * change_version: a change to the same package on the newest catalog version (Kill Bill's change
 * plan to the same plan, which picks up the latest version). Offered when a newer version of the
 * catalog is in force; it takes effect on the next billing date (the price changes on an invoice
 * boundary, nothing is prorated) and the arrangement is priced on the new version from then: same
 * package, picks, quantities, add-ons, term and billing period.
 */
import type { Arrangement } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";
import { type Built, blocked, type Candidate, newMove } from "./candidate.ts";
import { createContext, type PathContext } from "./context.ts";
import { mrrOf } from "./recurring.ts";
import { nextBillingDate } from "./rules.ts";
import type { Move } from "./types.ts";

export function changeVersionMove(ctx: PathContext, newest: CompiledCatalog): Candidate | undefined {
  const a = ctx.arrangement;
  const version = newest.doc.version;
  if (
    newest.doc.id !== a.catalogId ||
    version === undefined ||
    version <= (ctx.catalog.doc.version ?? a.catalogVersion)
  )
    return undefined;
  const name = ctx.current?.name ?? a.package;
  const move = newMove(
    `change_version:${version}`,
    "change_version",
    a.package,
    `Move ${name} to catalog version ${version}`,
  );
  const pkg = newest.packages.get(a.package)?.value;
  if (!pkg)
    return blocked(move, [
      `${name} is not in catalog version ${version}; change to one of its packages instead.`,
    ]);
  if (a.status === "pending_termination")
    return blocked(move, [
      `A termination is scheduled for ${a.terminationDate ?? a.term.end}; withdraw it (uncancel) before changing the catalog version.`,
    ]);
  const build = (): Built => {
    const effective = nextBillingDate(ctx);
    const next: Arrangement = { ...a, catalogId: newest.doc.id, catalogVersion: version };
    delete next.recurring;
    const there = createContext(newest, next, ctx.asOf);
    const errors = there.errorsOf(next, true);
    if (errors.length > 0) return { ok: false, reasons: errors };
    const recurring = there.price(next).perPeriod.round(ctx.minor);
    next.recurring = ctx.money(recurring);
    const m: Move = { ...move, reasons: [], notes: [] };
    m.notes.push(
      `Prices of catalog version ${version} apply from ${effective}: ${ctx.money(ctx.currentRecurring)} → ${ctx.money(recurring)} per period.`,
    );
    if (pkg.status === "retired")
      m.notes.push(`${pkg.name} is retired in version ${version}; existing customers keep it.`);
    m.timing = "next_billing_date";
    m.prorationPolicy = "none";
    m.effectiveDate = effective;
    m.termRestarts = false;
    m.term = { ...a.term };
    m.billingPeriod = a.billingPeriod;
    m.addOns = (a.addOns ?? []).map((h) => ({
      package: h.package,
      fate: h.included ? ("included" as const) : ("carried" as const),
      reason: `${ctx.nameOf(h.package)} moves to version ${version} with the package.`,
    }));
    m.newRecurring = ctx.money(recurring);
    const newMrr = mrrOf(recurring, a.billingPeriod, a.term.months, ctx.currency);
    m.newMrr = ctx.money(newMrr);
    m.mrrDelta = ctx.money(newMrr.sub(ctx.currentMrr));
    return { ok: true, arrangement: next, move: m };
  };
  const first = build();
  return first.ok
    ? { move: first.move, build, arrangement: first.arrangement }
    : blocked(move, first.reasons);
}
