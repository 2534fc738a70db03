/**
 * A tiny argument parser: `--flag`, `--option value`, `--option=value`, positionals, `-` (stdin)
 * as a positional, and `--` to end options. Unknown options are usage errors, never ignored.
 */

export interface ArgSpec {
  /** Boolean switches, without dashes, e.g. `json`. */
  readonly flags?: readonly string[];
  /** Options taking a value, without dashes, e.g. `out`, `as-of`. */
  readonly options?: readonly string[];
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, string>;
}

export type ParseResult = ({ ok: true } & ParsedArgs) | { ok: false; message: string };

/** Parses `argv` (the words after the command name) against `spec`. */
export function parseArgs(argv: readonly string[], spec: ArgSpec): ParseResult {
  const flagNames = new Set(spec.flags ?? []);
  const optionNames = new Set(spec.options ?? []);
  const positionals: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith("--") || word === "-") {
      if (word.startsWith("-") && word !== "-") return { ok: false, message: `unknown option ${word}` };
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const name = word.slice(2, eq === -1 ? undefined : eq);
    if (flagNames.has(name)) {
      if (eq !== -1) return { ok: false, message: `--${name} takes no value` };
      flags.add(name);
    } else if (optionNames.has(name)) {
      const value = eq === -1 ? argv[++i] : word.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith("--")))
        return { ok: false, message: `--${name} needs a value` };
      options.set(name, value);
    } else {
      return { ok: false, message: `unknown option --${name}` };
    }
  }
  return { ok: true, positionals, flags, options };
}
