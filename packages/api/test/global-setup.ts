import { ensurePgliteTemplate } from "../src/db/template.ts";

/** Builds the migrated PGlite template once, before the test files run in parallel. */
export default async function setup(): Promise<void> {
  await ensurePgliteTemplate();
}
