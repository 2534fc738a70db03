/**
 * The breaking-change check between two versions of a catalog, from a consumer's side: a billing
 * system, a storefront or a CRM that reads ids, prices and paths from the feed. A change breaks
 * consumers when something they may hold a reference to disappears or changes meaning: an id
 * removed or renamed, a currency, billing period, term, price book or price point no longer
 * offered, a charge's model changed, an add-on no longer fitting a base, a quantity range
 * narrowed, or a move that was allowed now illegal. Price amounts, new things and wording are
 * listed but do not break anyone (prices of existing arrangements are locked by their snapshots).
 * @see https://docs.stripe.com/upgrades#what-changes-does-stripe-consider-to-be-backward-compatible
 */
import { isCompatibleAddOn, pointerOf } from "@tessera/engine";
import type { Catalog, Charge, Package, PricePoint } from "@tessera/schema";
import { moveTimings } from "../moves.ts";

export interface CatalogChange {
  /** Stable code, e.g. `package.removed`, `price.changed`. */
  readonly code: string;
  /** Whether a consumer of the old version can break on the new one. */
  readonly breaking: boolean;
  /** Which document `pointer` resolves in: the old one for removals, the new one otherwise. */
  readonly side: "old" | "new";
  readonly pointer: string;
  /** One sentence a product manager understands. */
  readonly message: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface CatalogDiff {
  readonly breaking: boolean;
  readonly changes: CatalogChange[];
}

type Emit = (change: CatalogChange) => void;

/** JSON with object keys sorted, so two documents that differ only in key order compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function byId<T extends { id: string }>(
  items: readonly T[] | undefined,
): Map<string, { item: T; index: number }> {
  return new Map((items ?? []).map((item, index) => [item.id, { item, index }]));
}

/**
 * Compares entities by id; an old id that is gone while a new one has the same name is a rename.
 * Returns the pairs present on both sides.
 */
/** "“Team” (collab-team)": what a product manager recognises, then the id consumers hold. */
const named = (name: string | undefined, id: string) => (name ? `“${name}” (${id})` : id);

function matchIds<T extends { id: string; name?: string }>(
  what: string,
  base: string[],
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
  emit: Emit,
): { old: T; new: T; oldPointer: string; newPointer: string }[] {
  const a = byId(before);
  const b = byId(after);
  const pairs = [];
  for (const [id, { item, index }] of a) {
    const there = b.get(id);
    if (there) {
      pairs.push({
        old: item,
        new: there.item,
        oldPointer: pointerOf(...base, index),
        newPointer: pointerOf(...base, there.index),
      });
      continue;
    }
    const renamed =
      item.name === undefined
        ? undefined
        : [...b.values()].find((x) => !a.has(x.item.id) && x.item.name === item.name);
    emit(
      renamed
        ? {
            code: `${what}.renamed`,
            breaking: true,
            side: "new",
            pointer: pointerOf(...base, renamed.index, "id"),
            message: `The ${what} "${item.name}" changed its id from ${id} to ${renamed.item.id}; consumers holding ${id} lose it.`,
            before: id,
            after: renamed.item.id,
          }
        : {
            code: `${what}.removed`,
            breaking: true,
            side: "old",
            pointer: pointerOf(...base, index),
            message: `The ${what} ${named(item.name, id)} was removed.`,
          },
    );
  }
  for (const [id, { item, index }] of b) {
    if (a.has(id)) continue;
    const renamedFrom =
      item.name === undefined
        ? undefined
        : [...a.values()].find((x) => !b.has(x.item.id) && x.item.name === item.name);
    if (!renamedFrom)
      emit({
        code: `${what}.added`,
        breaking: false,
        side: "new",
        pointer: pointerOf(...base, index),
        message: `The ${what} ${named(item.name, id)} was added.`,
      });
  }
  return pairs;
}

/** Values dropped from a list (currencies, billing periods, terms…), each a breaking change. */
function removedValues<T>(
  code: string,
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
  pointer: string,
  describe: (v: T) => string,
  emit: Emit,
  breaking = true,
): void {
  const key = (v: T) => stable(v);
  const now = new Set((after ?? []).map(key));
  const was = new Set((before ?? []).map(key));
  for (const v of before ?? [])
    if (!now.has(key(v)))
      emit({
        code: `${code}.removed`,
        breaking,
        side: "old",
        pointer,
        message: `${describe(v)} is no longer offered.`,
        before: v,
      });
  for (const v of after ?? [])
    if (!was.has(key(v)))
      emit({
        code: `${code}.added`,
        breaking: false,
        side: "new",
        pointer,
        message: `${describe(v)} is now offered.`,
        after: v,
      });
}

const pointKey = (p: PricePoint) => `${p.currency}|${p.billingPeriod ?? "any"}|${p.priceBook ?? "default"}`;
const pointWords = (p: PricePoint) =>
  `${p.currency}${p.billingPeriod ? ` per ${p.billingPeriod}` : ""}${p.priceBook ? ` in price book ${p.priceBook}` : ""}`;
const amountsOf = ({ currency, billingPeriod, priceBook, ...amounts }: PricePoint) => amounts;

function diffCharge(
  pkg: Package,
  a: Charge,
  b: Charge,
  oldPointer: string,
  newPointer: string,
  emit: Emit,
): void {
  if (
    a.model !== b.model ||
    a.component !== b.component ||
    a.option !== b.option ||
    a.blockSize !== b.blockSize
  )
    emit({
      code: "charge.changed",
      breaking: true,
      side: "new",
      pointer: newPointer,
      message: `Charge ${b.id} of ${pkg.id} now prices differently (model, component, option or block size changed).`,
      before: { model: a.model, component: a.component, option: a.option, blockSize: a.blockSize },
      after: { model: b.model, component: b.component, option: b.option, blockSize: b.blockSize },
    });
  const before = new Map(a.pricePoints.map((p, i) => [pointKey(p), { p, i }]));
  const after = new Map(b.pricePoints.map((p, i) => [pointKey(p), { p, i }]));
  for (const [key, { p, i }] of before) {
    const now = after.get(key);
    if (!now)
      emit({
        code: "price.removed",
        breaking: true,
        side: "old",
        pointer: `${oldPointer}/pricePoints/${i}`,
        message: `Charge ${a.id} of ${pkg.id} no longer has a price in ${pointWords(p)}.`,
        before: p,
      });
    else if (stable(amountsOf(p)) !== stable(amountsOf(now.p)))
      emit({
        code: "price.changed",
        breaking: false,
        side: "new",
        pointer: `${newPointer}/pricePoints/${now.i}`,
        message: `Charge ${a.id} of ${pkg.id} changed its price in ${pointWords(p)}${p.amount && now.p.amount ? ` from ${p.amount} to ${now.p.amount}` : p.unitAmount && now.p.unitAmount ? ` from ${p.unitAmount} to ${now.p.unitAmount} per unit` : ""}.`,
        before: amountsOf(p),
        after: amountsOf(now.p),
      });
  }
  for (const [key, { p, i }] of after)
    if (!before.has(key))
      emit({
        code: "price.added",
        breaking: false,
        side: "new",
        pointer: `${newPointer}/pricePoints/${i}`,
        message: `Charge ${b.id} of ${pkg.id} now has a price in ${pointWords(p)}.`,
        after: p,
      });
}

function diffPackage(a: Package, b: Package, oldPointer: string, newPointer: string, emit: Emit): void {
  for (const field of ["portfolio", "role"] as const)
    if (a[field] !== b[field])
      emit({
        code: `package.${field}-changed`,
        breaking: true,
        side: "new",
        pointer: `${newPointer}/${field}`,
        message: `Package ${b.id}'s ${field} changed from ${a[field]} to ${b[field]}.`,
        before: a[field],
        after: b[field],
      });
  if (a.status !== b.status)
    emit({
      code: "package.status-changed",
      breaking: b.status !== "active" && a.status === "active",
      side: "new",
      pointer: `${newPointer}/status`,
      message: `Package ${b.id} is now ${b.status} (was ${a.status}).`,
      before: a.status,
      after: b.status,
    });
  if (a.tier !== b.tier)
    emit({
      code: "package.tier-changed",
      breaking: false,
      side: "new",
      pointer: `${newPointer}/tier`,
      message: `Package ${b.id} moved from tier ${a.tier} to ${b.tier} on the ladder.`,
      before: a.tier,
      after: b.tier,
    });
  removedValues(
    "package.billing-period",
    a.billingPeriods,
    b.billingPeriods,
    `${newPointer}/billingPeriods`,
    (p) => `Billing ${p}ly on ${b.id}`,
    emit,
  );
  removedValues(
    "package.term",
    a.terms.map((t) => t.months),
    b.terms.map((t) => t.months),
    `${newPointer}/terms`,
    (m) => `The ${m}-month term on ${b.id}`,
    emit,
  );
  for (const pair of matchIds("component", [], a.components, b.components, (c) =>
    emit({ ...c, pointer: `${c.side === "old" ? oldPointer : newPointer}/components${c.pointer}` }),
  )) {
    const { old: x, new: y } = pair;
    const narrowed =
      (y.min ?? 0) > (x.min ?? 0) ||
      (x.max === undefined ? y.max !== undefined : y.max !== undefined && y.max < x.max);
    if (narrowed)
      emit({
        code: "component.range-narrowed",
        breaking: true,
        side: "new",
        pointer: `${newPointer}/components${pair.newPointer}`,
        message: `Component ${y.id} of ${b.id} now allows ${y.min ?? 0} to ${y.max ?? "any"} (was ${x.min ?? 0} to ${x.max ?? "any"}).`,
        before: { min: x.min, max: x.max },
        after: { min: y.min, max: y.max },
      });
  }
  const options = (p: Package) => (p.optionGroups ?? []).flatMap((g) => g.options);
  removedValues(
    "option",
    options(a).map((o) => o.id),
    options(b).map((o) => o.id),
    `${newPointer}/optionGroups`,
    (id) => `Option ${id} of ${b.id}`,
    emit,
  );
  const pairs = matchIds("charge", [], a.charges, b.charges, (c) =>
    emit({ ...c, pointer: `${c.side === "old" ? oldPointer : newPointer}/charges${c.pointer}` }),
  );
  for (const p of pairs)
    diffCharge(
      b,
      p.old,
      p.new,
      `${oldPointer}/charges${p.oldPointer}`,
      `${newPointer}/charges${p.newPointer}`,
      emit,
    );
  if (
    stable(a.rules ?? []) !== stable(b.rules ?? []) ||
    stable(a.quantityRules ?? []) !== stable(b.quantityRules ?? [])
  )
    emit({
      code: "package.rules-changed",
      breaking: false,
      side: "new",
      pointer: newPointer,
      message: `The configuration rules of ${b.id} changed; check quotes in progress.`,
    });
}

/** The consumer-facing differences from `before` to `after`, in document order. */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const changes: CatalogChange[] = [];
  const emit: Emit = (c) => changes.push(c);
  if (before.id !== after.id)
    emit({
      code: "catalog.id-changed",
      breaking: true,
      side: "new",
      pointer: "/id",
      message: `The catalog id changed from ${before.id} to ${after.id}.`,
      before: before.id,
      after: after.id,
    });
  removedValues("currency", before.currencies, after.currencies, "/currencies", (c) => `Currency ${c}`, emit);
  matchIds("price-book", ["priceBooks"], before.priceBooks, after.priceBooks, emit);
  const defaultBook = (c: Catalog) => c.priceBooks?.find((b) => b.default)?.id;
  if (defaultBook(before) !== defaultBook(after))
    emit({
      code: "price-book.default-changed",
      breaking: true,
      side: "new",
      pointer: "/priceBooks",
      message: `The default price book changed from ${defaultBook(before) ?? "none"} to ${defaultBook(after) ?? "none"}.`,
    });
  for (const s of matchIds("service", ["services"], before.services, after.services, emit))
    if (s.old.unit !== s.new.unit || s.old.kind !== s.new.kind)
      emit({
        code: "service.changed",
        breaking: true,
        side: "new",
        pointer: s.newPointer,
        message: `Service ${s.new.id} is now measured in ${s.new.unit} (${s.new.kind}); it was ${s.old.unit} (${s.old.kind}).`,
      });
  matchIds("portfolio", ["portfolios"], before.portfolios, after.portfolios, emit);
  const packages = matchIds("package", ["packages"], before.packages, after.packages, emit);
  for (const p of packages) diffPackage(p.old, p.new, p.oldPointer, p.newPointer, emit);
  // Add-ons that stop fitting a base break consumers who sell them together.
  for (const { old: addOn, new: addOnNow, newPointer } of packages.filter((p) => p.new.role === "add_on"))
    for (const { old: base, new: baseNow } of packages.filter((p) => p.new.role === "base"))
      if (isCompatibleAddOn(addOn, base) && !isCompatibleAddOn(addOnNow, baseNow))
        emit({
          code: "add-on.no-longer-fits",
          breaking: true,
          side: "new",
          pointer: newPointer,
          message: `Add-on ${addOnNow.id} can no longer be bought with ${baseNow.id}.`,
        });
  diffMoves(before, after, emit);
  return { breaking: changes.some((c) => c.breaking), changes };
}

function diffMoves(before: Catalog, after: Catalog, emit: Emit): void {
  const a = moveTimings(before);
  const b = moveTimings(after);
  for (const [key, was] of a) {
    const now = b.get(key);
    if (now === undefined || now === was) continue;
    emit({
      code: now === "illegal" ? "path.blocked" : "path.changed",
      breaking: now === "illegal",
      side: "new",
      pointer: "/pathRules",
      message:
        now === "illegal"
          ? `The move ${key} was allowed (${was}) and is now blocked.`
          : `The move ${key} now takes effect ${now.replace(/_/g, " ")} (was ${was.replace(/_/g, " ")}).`,
      before: was,
      after: now,
    });
  }
}
