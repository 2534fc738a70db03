import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineProject } from "vitest/config";

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Stories as tests: every story renders in headless Debian Chromium and its play function runs.
 * The browser is never downloaded; /usr/bin/chromium comes from apt (see .ci/system-deps).
 */
export default defineProject({
  plugins: [
    react(),
    storybookTest({ configDir: path.join(dirname, "../../.storybook") }),
    { name: "tessera:ui-root", enforce: "post", config: () => ({ root: dirname }) },
  ],
  optimizeDeps: {
    include: ["react", "react-dom", "react-dom/client", "react/jsx-runtime", "react/jsx-dev-runtime"],
  },
  // Storybook's plugin roots the project at .storybook/..; dependencies live in packages/ui.
  root: dirname,
  test: {
    name: "storybook",
    root: dirname,
    // Each story also runs axe-core (the a11y addon) after its play function; a cold first story on
    // a shared two-core machine needs more than the default 15 s.
    testTimeout: 45_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
          ],
        },
      }),
      instances: [{ browser: "chromium" }],
    },
  },
});
