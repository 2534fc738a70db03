/**
 * Several versions of one catalog on the command line (`paths` and `apply` take one or more catalog
 * files): the arrangement is evaluated against the version the engine picks for it on the as-of
 * date (its own, or a later one whose prices reach existing customers by then), and the newest
 * version in force on that date is offered through the change_version move. With one file, that
 * file is used as it is.
 */
import {
  type CompiledCatalog,
  type PathsOptions,
  versionForArrangement,
  versionInForce,
} from "@tessera/engine";
import type { Arrangement } from "@tessera/schema";
import type { Io } from "../io.ts";
import { loadCatalog } from "../load.ts";

export type PickedVersion =
  | { ok: true; catalog: CompiledCatalog; options: PathsOptions; note?: string }
  | { ok: false; exitCode: number };

export async function pickVersion(
  io: Io,
  paths: readonly string[],
  arrangement: Arrangement,
  asOf: string,
  json: boolean,
): Promise<PickedVersion> {
  const versions: CompiledCatalog[] = [];
  for (const path of paths) {
    const loaded = await loadCatalog(io, path, { json });
    if (!loaded.ok) return loaded;
    versions.push(loaded.catalog);
  }
  if (versions.length === 1) return { ok: true, catalog: versions[0]!, options: {} };
  const newest = versionInForce(versions, asOf);
  const choice = versionForArrangement(versions, arrangement, asOf);
  const catalog = choice.catalog ?? newest ?? versions[0]!;
  const note =
    choice.note ??
    (choice.catalog
      ? undefined
      : `Version ${arrangement.catalogVersion} of the catalog was not given; the arrangement is evaluated against version ${catalog.doc.version ?? "?"}.`);
  return { ok: true, catalog, options: newest ? { newest } : {}, ...(note ? { note } : {}) };
}
