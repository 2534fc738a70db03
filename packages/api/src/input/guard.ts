/**
 * Defensive checks every input passes before any schema validation: bounded nesting, bounded size
 * and no prototype-polluting keys. `JSON.parse` keeps `"__proto__"` as an ordinary own key, which a
 * later spread or merge could turn into a prototype change; such keys are refused, never stripped
 * silently, so the client learns what was wrong.
 */
import { type Diagnostic, pointerOf } from "@tessera/engine";

/** Deepest nesting of arrays/objects accepted in any input (catalogs need about 12). */
export const MAX_DEPTH = 64;
/** Most values (objects, arrays, scalars) accepted in one input. */
export const MAX_NODES = 2_000_000;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

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

/** Finds the first structural hazard in a parsed JSON value, or `undefined` when it is safe. */
export function inspectJson(value: unknown, maxDepth = MAX_DEPTH): Diagnostic | undefined {
  const stack: Frame[] = [{ value, key: undefined, parent: undefined, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
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
