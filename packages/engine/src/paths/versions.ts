/**
 * Catalog versions over time (Kill Bill's catalog versions): a published version is immutable; an
 * arrangement stays on the version it was sold on (grandfathered) until a later version states, in
 * `existingSubscriptionsFrom`, the date from which its prices reach existing arrangements (Kill
 * Bill's effectiveDateForExistingSubscriptions), or until the customer changes to the same package
 * on the newest version (the change_version move: Kill Bill's change to the same plan picks the
 * latest version).
 * - versionInForce: the version new sales use on a date, the newest whose `effectiveDate` is on or
 *   before it (a version without one is in force from the start);
 * - versionForArrangement: the version an arrangement is evaluated against on a date: the newest
 *   later version in force whose `existingSubscriptionsFrom` has come and that still holds the
 *   package, else the arrangement's own version.
 * @see https://docs.killbill.io/latest/userguide_subscription.html#_catalog_versions
 */
import type { Arrangement } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";

const numberOf = (c: CompiledCatalog) => c.doc.version ?? 0;

/** The version in force for new sales on `date`; undefined when none is yet. */
export function versionInForce(
  versions: readonly CompiledCatalog[],
  date: string,
): CompiledCatalog | undefined {
  let best: CompiledCatalog | undefined;
  for (const v of versions) {
    const from = v.doc.effectiveDate;
    if (from !== undefined && from > date) continue;
    if (!best || numberOf(v) > numberOf(best)) best = v;
  }
  return best;
}

export interface VersionChoice {
  catalog: CompiledCatalog | undefined;
  /** Why a version other than the arrangement's own was chosen, in words. */
  note?: string;
}

/** The version an arrangement is evaluated against on `asOf` (see the module comment). */
export function versionForArrangement(
  versions: readonly CompiledCatalog[],
  arrangement: Arrangement,
  asOf: string,
): VersionChoice {
  const own = versions.find(
    (v) => v.doc.id === arrangement.catalogId && numberOf(v) === arrangement.catalogVersion,
  );
  let chosen: CompiledCatalog | undefined;
  for (const v of versions) {
    if (v.doc.id !== arrangement.catalogId || numberOf(v) <= arrangement.catalogVersion) continue;
    const reach = v.doc.existingSubscriptionsFrom;
    if (reach === undefined || reach > asOf) continue;
    if (v.doc.effectiveDate !== undefined && v.doc.effectiveDate > asOf) continue;
    if (!v.packages.has(arrangement.package)) continue;
    if (!chosen || numberOf(v) > numberOf(chosen)) chosen = v;
  }
  if (chosen)
    return {
      catalog: chosen,
      note: `Catalog version ${numberOf(chosen)} reaches existing customers from ${chosen.doc.existingSubscriptionsFrom}: the arrangement (sold on version ${arrangement.catalogVersion}) is priced on it.`,
    };
  return { catalog: own };
}
