import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "apps/web/vitest.e2e.config.ts"],
    restoreMocks: true,
    // No retries, in CI or anywhere: a flaky test is a bug to fix, not to retry.
    retry: 0,
  },
});
