/**
 * The contract every semantic catalog check implements. Checks run only on documents that passed
 * the JSON Schema layer, after `compile`, in the order of the table in `checks/index.ts`.
 */
import type { Catalog } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";
import type { Diagnostic } from "../diagnostic.ts";

export interface CheckContext {
  /** The structurally valid catalog document (pointers in diagnostics resolve in it). */
  readonly doc: Catalog;
  /** Indexes built once by `compile` (first occurrence wins on duplicate ids). */
  readonly catalog: CompiledCatalog;
  /** Records one finding. Build the message only when the defect is found (checks run on big catalogs). */
  report(d: Diagnostic): void;
}

export interface Check {
  /** Stable name of the check, e.g. `refs`, `tiers`. */
  readonly id: string;
  /** Every diagnostic code this check may report (documentation and tests rely on it). */
  readonly codes: readonly string[];
  /** Inspects the catalog and reports defects. Must run in time linear in the catalog's size. */
  run(ctx: CheckContext): void;
}

/** The list to read when an optional list is absent (`pkg.rules ?? NONE`): `?? []` allocates each time. */
export const NONE: readonly never[] = [];
