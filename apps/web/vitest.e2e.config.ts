import { defineProject } from "vitest/config";

/**
 * End-to-end: the real server (PGlite, seeded with the sample catalogs) serving a fresh build of
 * this app, driven by playwright-core in Debian's Chromium. Screenshots go to test-artifacts/e2e/.
 */
export default defineProject({
  test: {
    name: "e2e",
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ["e2e/global-setup.ts"],
  },
});
