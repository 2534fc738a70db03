/**
 * The located JSON syntax errors: agree with JSON.parse on which texts are JSON (random and
 * mutated texts), and point at the first wrong character with a reason in words.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError, jsonSyntaxMessage } from "./json-syntax.ts";

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("findJsonSyntaxError", () => {
  it.each([
    ['{\n  "id": "x",\n  oops\n}', 3, 3, "expected a property name in double quotes, found `o`"],
    [
      "nope{",
      1,
      1,
      "expected a value (text in double quotes, a number, true, false, null, an object or a list), found `n`",
    ],
    ['{"a": 1,}', 1, 9, "a trailing `,` before `}`: remove the comma"],
    ["[1, 2,]", 1, 7, "a trailing `,` before `]`: remove the comma"],
    ['{"a" 1}', 1, 6, "expected `:` after the property name, found `1`"],
    ['{"a": 1 "b": 2}', 1, 9, 'expected `,` or `}`, found `"`'],
    ["[1 2]", 1, 4, "expected `,` or `]`, found `2`"],
    [
      '{"a": }',
      1,
      7,
      "expected a value (text in double quotes, a number, true, false, null, an object or a list), found `}`",
    ],
    ["{'a': 1}", 1, 2, "property names use double quotes, not `'`"],
    ["['a']", 1, 2, "JSON strings use double quotes, not `'`"],
    ['{"a": "b', 1, 9, 'this text (a string) is never closed with `"`'],
    [
      '["a\tb"]',
      1,
      4,
      "a string cannot contain a control character (U+0009); write it as an escape such as \\n",
    ],
    [
      '["\\x"]',
      1,
      3,
      '`\\x` is not an escape JSON knows (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)',
    ],
    ['["\\u12"]', 1, 3, "`\\u` must be followed by four hexadecimal digits"],
    ["[01]", 1, 3, "expected `,` or `]`, found `1`"],
    ["[-]", 1, 2, "expected a number, found `-`"],
    ['{"a": 1} {"b": 2}', 1, 10, "the document is complete, but more follows: `{`"],
    ['{"a": [1, {"b": true}', 1, 22, "expected `,` or `]`, found the end of the text"],
    [
      "",
      1,
      1,
      "expected a value (text in double quotes, a number, true, false, null, an object or a list), found the end of the text",
    ],
  ])("%j → line %i, column %i", (text, line, column, reason) => {
    expect(parses(text)).toBe(false);
    expect(findJsonSyntaxError(text)).toEqual({ line, column, reason });
  });

  it("finds nothing wrong in valid JSON", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonSyntaxError(text)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with JSON.parse on mutated texts", () => {
    const mutated = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom("", ",", "}", "]", "{", "[", ":", '"', "'", "x", " ", "\\", "-", "0"),
      )
      .map(([text, at, insert]) => {
        const k = text.length === 0 ? 0 : at % text.length;
        return at % 2 === 0
          ? text.slice(0, k) + insert + text.slice(k)
          : text.slice(0, k) + text.slice(k + 1);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads numbers of any length", () => {
    expect(findJsonSyntaxError(`[${"9".repeat(1000)}]`)).toBeUndefined();
    expect(findJsonSyntaxError(`[${"9".repeat(1000)} x]`)?.column).toBe(1003);
  });

  it("survives deep nesting", () => {
    expect(findJsonSyntaxError(`${"[".repeat(100_000)}1${"]".repeat(100_000)}`)).toBeUndefined();
    expect(findJsonSyntaxError(`${"[".repeat(100_000)}1`)?.reason).toBe(
      "expected `,` or `]`, found the end of the text",
    );
  });
});

describe("jsonSyntaxMessage", () => {
  it("puts the place first, and falls back to the first line of the parser's message", () => {
    expect(jsonSyntaxMessage("[1 2]", new Error("whatever"))).toBe(
      "line 1, column 4: expected `,` or `]`, found `2`",
    );
    expect(jsonSyntaxMessage("[1]", new Error("odd\nsecond line"))).toBe("odd");
  });
});
