#!/usr/bin/env node
// The installed `tessera` binary runs the bundle built by `pnpm --filter @tessera/cli build`.
// Inside the repo, `pnpm tessera …` runs the TypeScript sources directly instead.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/tessera.mjs", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    "tessera: the CLI is not built; run `pnpm --filter @tessera/cli build` (or use `pnpm tessera` in the repo)\n",
  );
  process.exit(2);
}
await import(bundle.href);
