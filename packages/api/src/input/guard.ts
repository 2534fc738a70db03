/**
 * Defensive checks every input passes before any schema validation: bounded nesting, bounded size
 * and no prototype-polluting keys. `JSON.parse` keeps `"__proto__"` as an ordinary own key, which a
 * later spread or merge could turn into a prototype change; such keys are refused, never stripped
 * silently, so the client learns what was wrong.
 *
 * Text is checked too. A NUL character (U+0000) cannot be stored in a PostgreSQL `text` column, so
 * it is refused wherever it appears, in keys and values alike. A lone surrogate (half of a UTF-16
 * pair, as `"\ud800"` in JSON) is not a character at all: a `text` column would store it as
 * U+FFFD and a `json` column as the escape, so the same input would read back two ways; it is
 * replaced by U+FFFD (the Unicode replacement character) before anything else sees the input.
 * @see https://www.postgresql.org/docs/current/datatype-json.html (\u0000 and text)
 */
import { type Diagnostic, pointerOf } from "@tessera/engine";

/** Deepest nesting of arrays/objects accepted in any input (catalogs need about 12). */
export const MAX_DEPTH = 64;
/** Most values (objects, arrays, scalars) accepted in one input. */
export const MAX_NODES = 2_000_000;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function nulAt(frame: Frame, key?: string): Diagnostic {
  return {
    code: "input.nul",
    severity: "error",
    pointer: pointerAt(frame, key),
    message:
      key === undefined
        ? "The text contains a NUL character (U+0000), which is not allowed."
        : "A key contains a NUL character (U+0000), which is not allowed.",
  };
}

/** `value` with every lone surrogate in its strings and keys replaced by U+FFFD (a copy where needed). */
export function wellFormed<T>(value: T): T {
  if (typeof value === "string") return value.replace(LONE_SURROGATE, "\uFFFD") as T;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[wellFormed(k)] = wellFormed(v);
  return out as T;
}

/** Whether a string holds a lone surrogate. */
function illFormed(s: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(s);
}

interface Frame {
  value: unknown;
  key: string | number | undefined;
  parent: Frame | undefined;
  depth: number;
}

function pointerAt(frame: Frame, extra?: string): string {
  const tokens: (string | number)[] = extra === undefined ? [] : [extra];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) tokens.unshift(f.key);
  return pointerOf(...tokens);
}

/**
 * Finds the first hazard in a parsed JSON value, or `undefined` when it is safe. `found.illFormed`
 * is set when some string holds a lone surrogate (not a hazard: `wellFormed` repairs it).
 */
export function inspectJson(
  value: unknown,
  maxDepth = MAX_DEPTH,
  found: { illFormed?: boolean } = {},
): Diagnostic | undefined {
  const stack: Frame[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (typeof v === "string") {
      if (v.includes("\0")) return nulAt(frame);
      if (!found.illFormed && illFormed(v)) found.illFormed = true;
    }
    nodes += 1;
    if (nodes > MAX_NODES) {
      return {
        code: "input.too-large",
        severity: "error",
        pointer: "",
        message: `The input holds more than ${MAX_NODES} values.`,
      };
    }
    if (v === null || typeof v !== "object") continue;
    if (frame.depth >= maxDepth) {
      return {
        code: "input.too-deep",
        severity: "error",
        pointer: pointerAt(frame),
        message: `The input is nested more than ${maxDepth} levels deep.`,
      };
    }
    const depth = frame.depth + 1;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: frame, depth });
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      return {
        code: "input.not-json",
        severity: "error",
        pointer: pointerAt(frame),
        message: "The input must be plain JSON.",
      };
    }
    for (const key of Object.keys(v)) {
      if (key.includes("\0")) return nulAt(frame, key);
      if (!found.illFormed && illFormed(key)) found.illFormed = true;
      if (FORBIDDEN_KEYS.has(key)) {
        return {
          code: "input.forbidden-key",
          severity: "error",
          pointer: pointerAt(frame, key),
          message: `The key "${key}" is not allowed in any input.`,
        };
      }
      stack.push({ value: (v as Record<string, unknown>)[key], key, parent: frame, depth });
    }
  }
  return undefined;
}
