import { ensurePgliteTemplate } from "@tessera/api";

/** Builds the migrated PGlite template once, before the test files run in parallel. */
export default async function setup(): Promise<void> {
  await ensurePgliteTemplate();
}
