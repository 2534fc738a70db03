/**
 * Price books: at most one default, and fallback chains that end (a book falling back to itself,
 * directly or through others, would leave a missing price unresolvable).
 */
import type { Check } from "../check.ts";
import { flag } from "./report.ts";

export const priceBooksCheck: Check = {
  id: "price-books",
  codes: ["pricebook.multiple-defaults", "pricebook.fallback-cycle"],
  run(ctx) {
    const books = ctx.doc.priceBooks ?? [];
    let firstDefault: string | undefined;
    const fallback = new Map<string, string>();
    const index = new Map<string, number>();
    books.forEach((b, i) => {
      if (b.default) {
        if (firstDefault === undefined) firstDefault = b.id;
        else
          flag(
            ctx,
            "pricebook.multiple-defaults",
            "error",
            `/priceBooks/${i}/default`,
            `is marked default, but \`${firstDefault}\` already is: keep one default price book.`,
          );
      }
      if (!index.has(b.id)) index.set(b.id, i);
      if (b.fallback !== undefined && !fallback.has(b.id)) fallback.set(b.id, b.fallback);
    });
    // Each book has at most one fallback: walk each chain once, colouring books as done.
    const done = new Set<string>();
    for (const start of fallback.keys()) {
      const path: string[] = [];
      const onPath = new Set<string>();
      let cur: string | undefined = start;
      while (cur !== undefined && !done.has(cur) && !onPath.has(cur)) {
        onPath.add(cur);
        path.push(cur);
        cur = fallback.get(cur);
      }
      if (cur !== undefined && onPath.has(cur)) {
        const cycle = path.slice(path.indexOf(cur));
        flag(
          ctx,
          "pricebook.fallback-cycle",
          "error",
          `/priceBooks/${index.get(cur)}/fallback`,
          `falls back in a circle (${cycle.map((b) => `\`${b}\``).join(" → ")} → \`${cur}\`): end the chain at a book with no fallback.`,
        );
      }
      for (const b of path) done.add(b);
    }
  },
};
