import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "engine",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // A guard against hangs, not a time limit: the property tests run hundreds of validations each
    // and take a few seconds on a quiet machine, several times that on a busy one.
    testTimeout: 60_000,
  },
});
