import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "apps/web/vitest.e2e.config.ts"],
    restoreMocks: true,
    retry: process.env.CI ? 1 : 0,
  },
});
