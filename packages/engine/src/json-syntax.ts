/**
 * Where and why text is not JSON, in words: "line 3, column 3: expected a property name in double
 * quotes, found `o`". V8's own messages sometimes give a position, sometimes quote a slice of the
 * text instead (newlines included), so the text is scanned again here, once it has failed to parse.
 */

export interface JsonSyntaxError {
  /** 1-based line and column (in UTF-16 code units) of the first character that is wrong. */
  line: number;
  column: number;
  /** What is wrong, e.g. "expected `,` or `}`, found `]`". */
  reason: string;
}

const WS = new Set([" ", "\t", "\n", "\r"]);
/** A JSON number at `lastIndex` (sticky: it matches there or not at all). */
const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

/** A character as the messages show it. */
function shown(c: string | undefined): string {
  if (c === undefined) return "the end of the text";
  if (c === "`") return "a backquote";
  const code = c.charCodeAt(0);
  if (code < 0x20) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
  return `\`${c}\``;
}

/**
 * The first syntax error of `text`, or undefined when it is valid JSON. Iterative (an explicit
 * stack of open arrays and objects), so deeply nested input cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (reason: string, at = i): JsonSyntaxError => {
    const before = text.slice(0, at);
    const lineStart = before.lastIndexOf("\n");
    return { line: before.split("\n").length, column: at - lineStart, reason };
  };
  const skip = () => {
    while (i < text.length && WS.has(text[i] as string)) i++;
  };
  /** Reads a string starting at the opening quote; an error, or undefined when well formed. */
  const string = (): JsonSyntaxError | undefined => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) return fail('this text (a string) is never closed with `"`');
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c.charCodeAt(0) < 0x20)
        return fail(`a string cannot contain ${shown(c)}; write it as an escape such as \\n`);
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return fail("`\\u` must be followed by four hexadecimal digits");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else
          return fail(
            `\`\\${e ?? ""}\` is not an escape JSON knows (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)`,
          );
      } else i++;
    }
  };
  const number = (): JsonSyntaxError | undefined => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === "-") return fail(`expected a number, found ${shown(text[i])}`);
    i += m[0].length;
    return undefined;
  };
  /** The open containers: "]" for an array, "}" for an object. */
  const open: string[] = [];
  // Expecting a value (at the start, after `[`, `,` in an array or `:`).
  let wantValue = true;
  for (;;) {
    skip();
    if (wantValue) {
      const c = text[i];
      if (c === "{") {
        i++;
        skip();
        if (text[i] === "}") {
          i++;
          wantValue = false;
        } else {
          open.push("}");
          const key = memberKey();
          if (key) return key;
        }
        continue;
      }
      if (c === "[") {
        i++;
        skip();
        if (text[i] === "]") {
          i++;
          wantValue = false;
        } else open.push("]");
        continue;
      }
      let error: JsonSyntaxError | undefined;
      if (c === '"') error = string();
      else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) error = number();
      else {
        const word = /^(true|false|null)/.exec(text.slice(i, i + 5))?.[0];
        if (word) i += word.length;
        else
          error = fail(
            c === "'"
              ? "JSON strings use double quotes, not `'`"
              : `expected a value (text in double quotes, a number, true, false, null, an object or a list), found ${shown(c)}`,
          );
      }
      if (error) return error;
      wantValue = false;
      continue;
    }
    // After a value: close a container, go on with `,`, or the document ends.
    const close = open[open.length - 1];
    const c = text[i];
    if (close === undefined) {
      return c === undefined ? undefined : fail(`the document is complete, but more follows: ${shown(c)}`);
    }
    if (c === close) {
      open.pop();
      i++;
      continue;
    }
    if (c === ",") {
      i++;
      skip();
      if (close === "}") {
        const key = memberKey();
        if (key) return key;
      } else {
        if (text[i] === "]") return fail("a trailing `,` before `]`: remove the comma");
        wantValue = true;
      }
      continue;
    }
    return fail(`expected \`,\` or \`${close}\`, found ${shown(c)}`);
  }

  /** A member's name and its `:`; then a value is wanted. */
  function memberKey(): JsonSyntaxError | undefined {
    skip();
    const c = text[i];
    if (c === "}") return fail("a trailing `,` before `}`: remove the comma");
    if (c !== '"')
      return fail(
        c === "'"
          ? "property names use double quotes, not `'`"
          : `expected a property name in double quotes, found ${shown(c)}`,
      );
    const error = string();
    if (error) return error;
    skip();
    if (text[i] !== ":") return fail(`expected \`:\` after the property name, found ${shown(text[i])}`);
    i++;
    wantValue = true;
    return undefined;
  }
}

/** "line 3, column 3: expected …", or V8's message (first line) when the scan finds nothing. */
export function jsonSyntaxMessage(text: string, e: unknown): string {
  const found = findJsonSyntaxError(text);
  if (found) return `line ${found.line}, column ${found.column}: ${found.reason}`;
  const raw = e instanceof Error ? e.message : String(e);
  return raw.split("\n")[0] ?? raw;
}
