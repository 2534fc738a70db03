/**
 * Catalog, quote and arrangement types generated from `schemas/`, and their compiled ajv validators.
 * The schemas are the source of truth; run `pnpm gen` after changing them.
 */

export type { ErrorObject as SchemaError } from "ajv";
export { arrangementSchema, catalogSchema, quoteSchema } from "./generated/schemas.ts";
export type * from "./generated/types.ts";
export type { StandaloneValidator } from "./generated/validators.js";
export { validateArrangement, validateCatalog, validateQuote } from "./generated/validators.js";
