/** Writing a command's result to stdout, or to the file `--out` names, with the usual messages. */
import { type Io, resolvePath } from "./io.ts";

/** Prints `text`, or writes it to `out`; false (after saying why) when the file cannot be written. */
export async function writeOutput(io: Io, out: string | undefined, text: string): Promise<boolean> {
  if (out === undefined) {
    io.stdout(text);
    return true;
  }
  try {
    await io.writeFile(resolvePath(io, out), text);
  } catch (e) {
    const why = (e as { code?: string } | null)?.code ?? (e instanceof Error ? e.message : String(e));
    io.stderr(`tessera: cannot write ${out}: ${why}\n`);
    return false;
  }
  io.stderr(`tessera: wrote ${out} (${Buffer.byteLength(text)} bytes)\n`);
  return true;
}
