/**
 * Builds the web app once for every e2e file (each file still gets its own server and database):
 * the build is the same for all of them, and it was the slowest part of each file's start.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildWebApp } from "./build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the global setup built the web app (absent outside the e2e project). */
    webDist: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const scratch = mkdtempSync(join(tmpdir(), "tessera-e2e-web-"));
  const webDist = join(scratch, "web");
  await buildWebApp(webDist);
  project.provide("webDist", webDist);
  return () => rmSync(scratch, { recursive: true, force: true });
}
