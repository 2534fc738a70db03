/**
 * Reading JSON documents named on the command line (a path, or `-` for standard input), with the
 * one-line messages the exit code 2 contract promises: never a stack trace.
 */
import { basename } from "node:path";
import { jsonSyntaxMessage } from "@tessera/engine";
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

/** Where and why the text is not JSON, as "line L, column C: …" (see the engine's json-syntax). */
function syntaxMessage(label: string, text: string, e: unknown): string {
  if (text.trim() === "") return `${label} is empty, expected a JSON document`;
  return `${label} is not valid JSON: ${jsonSyntaxMessage(text, e)}`;
}

export type TextInput = { ok: true; text: string; label: string } | { ok: false; message: string };

/** Reads a UTF-8 text (XML, CSV…) from a path (relative to the user's directory) or `-`, without a BOM. */
export async function readTextInput(io: Io, path: string): Promise<TextInput> {
  const label = path === "-" ? "<stdin>" : path;
  let text: string;
  try {
    text = path === "-" ? await io.readStdin() : await io.readFile(resolvePath(io, path));
  } catch (e) {
    return { ok: false, message: ioMessage(label, e) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, label };
}

/** Reads and parses a JSON document from a path (relative to the user's directory) or `-`. */
export async function readJsonInput(io: Io, path: string): Promise<JsonInput> {
  const input = await readTextInput(io, path);
  if (!input.ok) return input;
  const { text, label } = input;
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
