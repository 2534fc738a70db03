/**
 * The shape of one `tessera` command. Each command lives in its own file under `commands/` and is
 * listed in `commands/index.ts`; the runner handles `--help` and turns crashes into exit code 2.
 */
import type { Io } from "./io.ts";

/** Exit codes shared by every command: pipelines branch on them. */
export const ExitCode = {
  /** The input is valid (warnings allowed) and the command did its job. */
  ok: 0,
  /** The input was read but is invalid (a catalog with errors, a selection with violations, a blocked move). */
  invalid: 1,
  /** Usage or input error: bad arguments, missing or unreadable file, text that is not JSON. */
  usage: 2,
} as const;

export interface Command {
  /** The word after `tessera`, e.g. `validate`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full help: synopsis, description, options, exit codes. */
  readonly usage: string;
  /** Runs with the words after the command name; resolves to the process exit code. */
  run(argv: readonly string[], io: Io): Promise<number>;
}
