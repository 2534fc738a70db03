/**
 * Input parsers for tRPC procedures. Documents (quotes, arrangements) go through the compiled ajv
 * validators of `@tessera/schema`; the small envelopes around them are checked by the hand-written
 * combinators below. Every parser first runs `inspectJson` (depth, size, forbidden keys, NUL
 * characters; lone surrogates become U+FFFD) and reports failures as located diagnostics, never as
 * a thrown stack.
 */
import { type Diagnostic, isDate, pointerOf } from "@tessera/engine";
import type { SchemaError, StandaloneValidator } from "@tessera/schema";
import { ErrorDetails } from "../errors.ts";
import { inspectJson, MAX_DEPTH, wellFormed } from "./guard.ts";

/** Thrown by parsers; tRPC turns it into BAD_REQUEST and the formatter exposes the diagnostics. */
export class InputError extends ErrorDetails {
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics[0]?.message ?? "The input is not valid.", { diagnostics });
    this.name = "InputError";
  }
}

/** One object type instead of an intersection, so inferred inputs read plainly. */
type Flat<T> = { [K in keyof T]: T[K] };

type Path = readonly (string | number)[];
/** Checks one value at a path; returns it typed or throws an `InputError`. */
export type Check<T> = (value: unknown, path: Path) => T;

function bad(path: Path, code: string, message: string): never {
  throw new InputError([{ code, severity: "error", pointer: pointerOf(...path), message }]);
}

function where(path: Path): string {
  return path.length === 0 ? "The input" : `"${path.join(".")}"`;
}

/** Lower-case identifier, as the schemas' `Id` definition. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,79}$/;

export const is = {
  string(opts: { min?: number; max?: number; pattern?: RegExp; what?: string } = {}): Check<string> {
    const { min = 0, max = 10_000, pattern, what = "text" } = opts;
    return (v, path) => {
      if (typeof v !== "string") bad(path, "input.type", `${where(path)} must be ${what}.`);
      if (v.length < min)
        bad(
          path,
          "input.too-short",
          min === 1 ? `${where(path)} must not be empty.` : `${where(path)} must be ${what}.`,
        );
      if (v.length > max) bad(path, "input.too-long", `${where(path)} must be at most ${max} characters.`);
      if (pattern && !pattern.test(v)) bad(path, "input.pattern", `${where(path)} must be ${what}.`);
      return v;
    };
  },
  id(): Check<string> {
    return is.string({
      min: 1,
      max: 80,
      pattern: ID_PATTERN,
      what: "an id (lower-case letters, digits, '-', '_' or '.')",
    });
  },
  int(min: number, max: number): Check<number> {
    return (v, path) => {
      if (typeof v !== "number" || !Number.isInteger(v))
        bad(path, "input.type", `${where(path)} must be a whole number.`);
      if (v < min || v > max) bad(path, "input.range", `${where(path)} must be between ${min} and ${max}.`);
      return v;
    };
  },
  /** A real calendar date, YYYY-MM-DD (2026-02-30 is refused). */
  date(): Check<string> {
    const text = is.string({ min: 10, max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/, what: "a date (YYYY-MM-DD)" });
    return (v, path) => {
      const d = text(v, path);
      if (!isDate(d))
        bad(path, "input.date", `${where(path)} is not a calendar date: "${d}" does not exist.`);
      return d;
    };
  },
  literal<const L extends string>(...values: L[]): Check<L> {
    return (v, path) => {
      if (typeof v !== "string" || !(values as string[]).includes(v))
        bad(path, "input.enum", `${where(path)} must be one of ${values.join(", ")}.`);
      return v as L;
    };
  },
  boolean(): Check<boolean> {
    return (v, path) => {
      if (typeof v !== "boolean") bad(path, "input.type", `${where(path)} must be true or false.`);
      return v;
    };
  },
  array<T>(check: Check<T>, opts: { min?: number; max?: number } = {}): Check<T[]> {
    const { min = 0, max = 10_000 } = opts;
    return (v, path) => {
      if (!Array.isArray(v)) bad(path, "input.type", `${where(path)} must be a list.`);
      if (v.length < min) bad(path, "input.too-short", `${where(path)} must have at least ${min} item(s).`);
      if (v.length > max) bad(path, "input.too-long", `${where(path)} must have at most ${max} items.`);
      return v.map((item, i) => check(item, [...path, i]));
    };
  },
  optional<T>(check: Check<T>): Check<T | undefined> {
    return (v, path) => (v === undefined ? undefined : check(v, path));
  },
  /** Any JSON value (already guarded); used for documents that may be invalid on purpose. */
  json(): Check<unknown> {
    return (v) => v;
  },
  /** A JSON object of any shape. */
  record(): Check<Record<string, unknown>> {
    return (v, path) => {
      if (v === null || typeof v !== "object" || Array.isArray(v))
        bad(path, "input.type", `${where(path)} must be an object.`);
      return v as Record<string, unknown>;
    };
  },
  object<S extends Record<string, Check<unknown>>>(
    shape: S,
  ): Check<
    Flat<
      { [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]> } & {
        [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: Exclude<
          ReturnType<S[K]>,
          undefined
        >;
      }
    >
  > {
    return (v, path) => {
      if (v === null || typeof v !== "object" || Array.isArray(v))
        bad(path, "input.type", `${where(path)} must be an object.`);
      const src = v as Record<string, unknown>;
      for (const key of Object.keys(src)) {
        if (!Object.hasOwn(shape, key)) bad([...path, key], "input.unknown-key", `Unknown field "${key}".`);
      }
      const out: Record<string, unknown> = {};
      for (const [key, check] of Object.entries(shape)) {
        const value = check(src[key], [...path, key]);
        if (value !== undefined) out[key] = value;
      }
      return out as never;
    };
  },
  /** An object from ids to whole numbers in [min, max] (e.g. quantities by component). */
  counts(min: number, max: number, opts: { maxKeys?: number } = {}): Check<Record<string, number>> {
    const { maxKeys = 1_000 } = opts;
    const key = is.id();
    const count = is.int(min, max);
    return (v, path) => {
      const src = is.record()(v, path);
      const keys = Object.keys(src);
      if (keys.length > maxKeys)
        bad(path, "input.too-long", `${where(path)} must have at most ${maxKeys} entries.`);
      const out: Record<string, number> = {};
      for (const k of keys) {
        key(k, [...path, k]);
        out[k] = count(src[k], [...path, k]);
      }
      return out;
    };
  },
  /** One of several object shapes, chosen by the string at `tag`. */
  union<const Tag extends string, S extends Record<string, Check<unknown>>>(
    tag: Tag,
    variants: S,
  ): Check<ReturnType<S[keyof S]>> {
    return (v, path) => {
      const t = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[tag] : undefined;
      if (typeof t !== "string" || !Object.hasOwn(variants, t))
        bad([...path, tag], "input.enum", `"${tag}" must be one of ${Object.keys(variants).join(", ")}.`);
      return variants[t]!(v, path) as ReturnType<S[keyof S]>;
    };
  },
};

/** Converts ajv errors into located diagnostics. */
export function schemaDiagnostics(errors: readonly SchemaError[] | null | undefined): Diagnostic[] {
  return (errors ?? []).map((e) => {
    const pointer =
      e.keyword === "required" && typeof e.params.missingProperty === "string"
        ? `${e.instancePath}/${e.params.missingProperty.replace(/~/g, "~0").replace(/\//g, "~1")}`
        : e.instancePath;
    const field = e.instancePath === "" ? "The document" : `"${e.instancePath.slice(1)}"`;
    return {
      code: `schema.${e.keyword}`,
      severity: "error",
      pointer,
      message: `${field} ${e.message ?? "is not valid"}.`,
    } satisfies Diagnostic;
  });
}

/**
 * A check that runs a compiled JSON Schema validator, then checks that the fields named in
 * `dates` (top-level, optional) are real calendar dates: the schemas' `Date` is a pattern, which
 * lets 2026-02-30 through.
 */
export function document<T>(validator: StandaloneValidator, dates: readonly string[] = []): Check<T> {
  return (v, path) => {
    if (!validator(v)) {
      const prefix = pointerOf(...path);
      throw new InputError(
        schemaDiagnostics(validator.errors).map((d) => ({ ...d, pointer: prefix + d.pointer })),
      );
    }
    for (const field of dates) {
      const d = (v as Record<string, unknown>)[field];
      if (typeof d === "string" && !isDate(d))
        bad([...path, field], "input.date", `"${field}" is not a calendar date: "${d}" does not exist.`);
    }
    return v as T;
  };
}

/** Turns a check into a tRPC input parser that first guards the raw input. */
export function input<T>(check: Check<T>): (raw: unknown) => T {
  return (raw) => {
    const found: { illFormed?: boolean } = {};
    const hazard = inspectJson(raw, MAX_DEPTH, found);
    if (hazard) throw new InputError([hazard]);
    return check(found.illFormed ? wellFormed(raw) : raw, []);
  };
}
