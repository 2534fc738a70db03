/** `tessera diff <old> <new>`: what changed for consumers between two catalogs; exit 1 when it breaks them. */
import { diffCatalogs } from "@tessera/interop";
import type { Catalog } from "@tessera/schema";
import { parseArgs } from "../args.ts";
import { type Command, ExitCode } from "../command.ts";
import { loadCatalog } from "../load.ts";

const SYNOPSIS = "Usage: tessera diff <old.json> <new.json> [--json]";

export const diffCommand: Command = {
  name: "diff",
  summary: "list what changed between two catalogs for consumers; exit 1 on a breaking change",
  usage: `${SYNOPSIS}

Compares two versions of a catalog as a consumer sees them and lists each change: ids removed,
added or renamed, currencies, billing periods, terms and price points no longer offered, price
changes per currency and price book, charges that price differently, add-ons that no longer fit
a base, narrowed quantity ranges, and every lifecycle move whose timing changed or that became
illegal. Changes that break consumers are marked BREAKING; the exit code lets a CI pipeline gate
on them. Both catalogs must validate.

Options:
  --json   print { breaking, changes: [{ code, breaking, side, pointer, message, before, after }] };
           pointer resolves in the old catalog when side is "old", in the new one otherwise
  --help   show this help

Exit codes: 0 no breaking change, 1 a breaking change (or an invalid catalog), 2 usage or input error.`,

  async run(argv, io) {
    const args = parseArgs(argv, { flags: ["json"] });
    if (!args.ok) {
      io.stderr(`tessera diff: ${args.message}\n${SYNOPSIS}\n`);
      return ExitCode.usage;
    }
    if (args.positionals.length !== 2) {
      io.stderr(
        `tessera diff: expected two catalog files (old and new), got ${args.positionals.length}\n${SYNOPSIS}\n`,
      );
      return ExitCode.usage;
    }
    const [oldPath, newPath] = args.positionals as [string, string];
    if (oldPath === "-" && newPath === "-") {
      io.stderr("tessera diff: only one of the two catalogs can come from stdin\n");
      return ExitCode.usage;
    }
    const before = await loadCatalog(io, oldPath);
    if (!before.ok) return before.exitCode;
    const after = await loadCatalog(io, newPath);
    if (!after.ok) return after.exitCode;
    const diff = diffCatalogs(before.doc as Catalog, after.doc as Catalog);
    if (args.flags.has("json")) io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
    else {
      for (const c of diff.changes)
        io.stdout(
          `${c.breaking ? "BREAKING" : "change  "} ${c.code} ${c.side}:${c.pointer || "/"} ${c.message}\n`,
        );
      const breaking = diff.changes.filter((c) => c.breaking).length;
      io.stderr(
        `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}, ${breaking} breaking\n`,
      );
    }
    return diff.breaking ? ExitCode.invalid : ExitCode.ok;
  },
};
