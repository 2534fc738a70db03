/**
 * The `tessera` runner: picks the command, answers `--help`, and guarantees the exit-code
 * contract (0 ok, 1 invalid, 2 usage/input) even if a command crashes — one line, no stack trace.
 */
import { type Command, ExitCode } from "./command.ts";
import { commands as defaultCommands } from "./commands/index.ts";
import type { Io } from "./io.ts";

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `Usage: tessera <command> [arguments] [--json]

Tessera's command line: validate catalogs and work with them in pipelines.

Commands:
${list}

Run "tessera <command> --help" for a command's arguments and options.
Exit codes: 0 ok, 1 invalid input, 2 usage or input error.
`;
}

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

/** Runs `tessera` with `argv` (the words after the program name); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: Io, commands = defaultCommands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(overview(commands));
    return ExitCode.usage;
  }
  if (name === "--help" || name === "-h") {
    io.stdout(overview(commands));
    return ExitCode.ok;
  }
  if (name === "help") {
    const topic = rest[0];
    const command = commands.find((c) => c.name === topic);
    if (topic !== undefined && !command) {
      io.stderr(`tessera: unknown command "${topic}"\n\n${overview(commands)}`);
      return ExitCode.usage;
    }
    io.stdout(command ? `${command.usage}\n` : overview(commands));
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`tessera: unknown command "${name}"\n\n${overview(commands)}`);
    return ExitCode.usage;
  }
  if (wantsHelp(rest)) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.stderr(`tessera ${command.name}: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    return ExitCode.usage;
  }
}
