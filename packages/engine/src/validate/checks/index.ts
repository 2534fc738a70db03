/**
 * The ordered table of semantic checks `validate` runs after the schema layer and `compile`.
 * Add a check by importing it here; order is the order diagnostics are reported in.
 */
import type { Check } from "../check.ts";

export const checks: Check[] = [];
