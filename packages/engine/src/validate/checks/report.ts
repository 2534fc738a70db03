/**
 * How checks phrase a finding: the subject is named from the pointer (see `describeAt`), so every
 * message starts with what it is about and where, then says what is wrong in plain words.
 */
import type { Severity } from "../../diagnostic.ts";
import type { CheckContext } from "../check.ts";
import { describeAt } from "../describe.ts";

/** Reports `<subject at pointer> <text>`; call only once the defect is found (messages cost). */
export function flag(
  ctx: CheckContext,
  code: string,
  severity: Severity,
  pointer: string,
  text: string,
): void {
  ctx.report({ code, severity, pointer, message: `${describeAt(ctx.doc, pointer)} ${text}` });
}

/** `a`, `a` and `b`, `a`, `b` and `c` — names in backticks for messages. */
export function names(ids: readonly string[]): string {
  const q = ids.map((i) => `\`${i}\``);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}
