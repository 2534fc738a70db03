import { defineProject } from "vitest/config";

/** Unit tests of the web app's stores and view models (Node; the browser runs in the e2e project). */
export default defineProject({
  test: { name: "web", include: ["src/**/*.test.ts"], environment: "node" },
});
