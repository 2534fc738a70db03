/**
 * XML text to a small element tree that remembers where each element starts, so every problem
 * found later can be reported at a line and column. Parsing is saxes' (a maintained, strict,
 * well-formedness-checking SAX parser); this module only assembles its events into a tree.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Text directly inside the element, trimmed (comments excluded). */
  text: string;
  /** 1-based line and column of the element's start tag. */
  readonly line: number;
  readonly column: number;
  /** Slash path with 1-based indexes among same-named siblings, e.g. `/catalog/plans/plan[2]`. */
  readonly path: string;
}

export type XmlParseResult =
  | { ok: true; root: XmlElement }
  | { ok: false; line: number; column: number; message: string };

/** Parses `text` into a tree, or reports the first well-formedness error with its position. */
export function parseXml(text: string): XmlParseResult {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  const counts: Map<string, number>[] = [new Map()];
  let root: XmlElement | undefined;
  let failure: { line: number; column: number; message: string } | undefined;
  let startLine = 1;
  let startColumn = 1;
  parser.on("opentagstart", () => {
    // Position just after `<name`; the tag itself began at the `<` before the name.
    startLine = parser.line;
    startColumn = parser.column;
  });
  parser.on("opentag", (tag) => {
    const parent = stack.at(-1);
    const siblings = counts.at(-1)!;
    const n = (siblings.get(tag.name) ?? 0) + 1;
    siblings.set(tag.name, n);
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attributes[k] = typeof v === "string" ? v : v.value;
    const element: XmlElement = {
      name: tag.name,
      attributes,
      children: [],
      text: "",
      line: startLine,
      column: Math.max(1, startColumn - tag.name.length - 1),
      path: `${parent ? parent.path : ""}/${tag.name}${parent && n > 1 ? `[${n}]` : ""}`,
    };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
    counts.push(new Map());
  });
  parser.on("text", (t) => {
    const current = stack.at(-1);
    if (current) current.text += t;
  });
  parser.on("cdata", (t) => {
    const current = stack.at(-1);
    if (current) current.text += t;
  });
  parser.on("closetag", () => {
    const done = stack.pop();
    counts.pop();
    if (done) done.text = done.text.trim();
  });
  parser.on("error", (e) => {
    if (failure) return;
    // saxes prefixes its messages with "line:column: ".
    const m = /^(\d+):(\d+): (.*)$/s.exec(e.message);
    failure = m
      ? { line: Number(m[1]), column: Number(m[2]), message: m[3]! }
      : { line: parser.line, column: parser.column, message: e.message };
  });
  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= { line: parser.line, column: parser.column, message: String(e) };
  }
  // saxes counts columns from 0 at the start of a line; people count from 1.
  if (failure) return { ok: false, ...failure, column: Math.max(1, failure.column) };
  if (!root) return { ok: false, line: 1, column: 1, message: "the document has no root element" };
  return { ok: true, root };
}

/** The first child named `name`, if any. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Every child named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The trimmed text of the first child named `name`, if present. */
export function childText(element: XmlElement, name: string): string | undefined {
  return child(element, name)?.text;
}
