/**
 * The `tessera` CLI as a library: the runner, the command contract and the helpers command files
 * share (argument parsing, reading inputs, loading a catalog, printing diagnostics).
 */

export { canonicalJson } from "@tessera/engine";
export { type ArgSpec, type ParsedArgs, type ParseResult, parseArgs } from "./args.ts";
export { runCli } from "./cli.ts";
export { type Command, ExitCode } from "./command.ts";
export { commands } from "./commands/index.ts";
export { readJsonInput } from "./input.ts";
export { type Io, processIo, resolvePath, userCwd } from "./io.ts";
export { type LoadedCatalog, loadCatalog, loadJson } from "./load.ts";
export { formatDiagnostic, formatSummary, validationJson } from "./report.ts";
