/** Entry point of the `tessera` binary. */
import { runCli } from "./cli.ts";
import { processIo } from "./io.ts";

// `tessera export big.json | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), processIo());
