/** The web app's production build, as `pnpm start` serves it. */
import { fileURLToPath } from "node:url";
import { build } from "vite";

const webRoot = fileURLToPath(new URL("..", import.meta.url));

/** Builds the web app into `outDir`. */
export async function buildWebApp(outDir: string): Promise<void> {
  await build({ root: webRoot, logLevel: "error", build: { outDir, emptyOutDir: true, sourcemap: false } });
}
