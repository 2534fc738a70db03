/**
 * One Storybook over packages/ui and the designer's forms in apps/web. Written by hand (`storybook init` cannot run offline). Storybook
 * packages live in packages/ui's node_modules, so the framework is resolved from there.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(new URL("../packages/ui/package.json", import.meta.url));
const resolvePackage = (name: string) => dirname(require.resolve(`${name}/package.json`));

const config = {
  stories: [
    "../packages/ui/src/**/*.stories.@(ts|tsx)",
    "../apps/web/src/screens/designer/**/*.stories.@(ts|tsx)",
  ],
  addons: [resolvePackage("@storybook/addon-vitest"), resolvePackage("@storybook/addon-a11y")],
  framework: { name: resolvePackage("@storybook/react-vite"), options: {} },
  core: { disableTelemetry: true },
};

export default config;
