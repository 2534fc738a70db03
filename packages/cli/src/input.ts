/**
 * Reading JSON documents named on the command line (a path, or `-` for standard input), with the
 * one-line messages the exit code 2 contract promises: never a stack trace.
 */
import { basename } from "node:path";
import { type Io, resolvePath } from "./io.ts";

export type JsonInput = { ok: true; value: unknown; label: string } | { ok: false; message: string };

function ioMessage(label: string, e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return `cannot read ${label}: no such file`;
    case "EISDIR":
      return `cannot read ${label}: it is a directory, not a file`;
    case "EACCES":
    case "EPERM":
      return `cannot read ${label}: permission denied`;
    default:
      return `cannot read ${label}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Where a JSON syntax error is, as "line L, column C", from V8's "at position N" messages. */
function syntaxMessage(label: string, text: string, e: unknown): string {
  if (text.trim() === "") return `${label} is empty, expected a JSON document`;
  const raw = e instanceof Error ? e.message : String(e);
  const at = /at position (\d+)/.exec(raw);
  let where = "";
  if (at && !/line \d+/.test(raw)) {
    const pos = Number(at[1]);
    const before = text.slice(0, pos);
    const line = before.split("\n").length;
    const column = pos - before.lastIndexOf("\n");
    where = ` (line ${line}, column ${column})`;
  }
  return `${label} is not valid JSON: ${raw}${where}`;
}

/** Reads and parses a JSON document from a path (relative to the user's directory) or `-`. */
export async function readJsonInput(io: Io, path: string): Promise<JsonInput> {
  const label = path === "-" ? "<stdin>" : path;
  let text: string;
  try {
    text = path === "-" ? await io.readStdin() : await io.readFile(resolvePath(io, path));
  } catch (e) {
    return { ok: false, message: ioMessage(label, e) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { ok: true, value: JSON.parse(text), label };
  } catch (e) {
    return { ok: false, message: syntaxMessage(label, text, e) };
  }
}

/** A short name for summaries: the file name, or `<stdin>`. */
export function shortLabel(label: string): string {
  return label === "<stdin>" ? label : basename(label);
}
