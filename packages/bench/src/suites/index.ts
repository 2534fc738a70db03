/**
 * The benchmark suites `pnpm bench` runs, in order. To add one: create `suites/<name>.ts`
 * exporting a `Suite` and list it here; `pnpm bench --only <name>` runs it alone.
 */
import type { Suite } from "../suite.ts";
import { configureSuite } from "./configure.ts";
import { mixedSuite } from "./mixed.ts";
import { pathsSuite } from "./paths.ts";
import { priceSuite } from "./price.ts";
import { serviceSuite } from "./service.ts";
import { validateSuite } from "./validate.ts";

export const suites: readonly Suite[] = [
  validateSuite,
  configureSuite,
  priceSuite,
  pathsSuite,
  serviceSuite,
  mixedSuite,
];
