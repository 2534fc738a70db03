/**
 * Tessera benchmarks: the deterministic large-catalog generator other packages' tests and
 * benchmarks import, and the `pnpm bench` harness (suites under `suites/`).
 */
export { type GenerateOptions, generateCatalog } from "./generate.ts";
