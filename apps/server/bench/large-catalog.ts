/**
 * Catalogs of a chosen size for the engine-limit tests and the service benchmark: the SaaS sample
 * with the pick-one group of its "Team" package grown to `options` options (the shape
 * that made validation quadratic, issue 11) and, optionally, `rules` pick rules between neighbours.
 */
import { readFileSync } from "node:fs";

const SAMPLE = new URL("../../../schemas/examples/saas.catalog.json", import.meta.url);

/** Index of the package that is made large (`/packages/1`, "Team"). */
export const LARGE_PACKAGE = 1;

export function largeCatalog(options: number, rules = 0, id = "big"): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(SAMPLE, "utf8")) as Record<string, unknown> & {
    packages: { optionGroups?: unknown[]; rules?: unknown[] }[];
  };
  delete doc.$schema;
  doc.id = id;
  // Short ids keep a 350,000-option document under the 10 MB body limit, as in the issue.
  const optionId = (i: number) => `o${i.toString(36)}`;
  const pkg = doc.packages[LARGE_PACKAGE]!;
  // The group keeps its two sample options (a charge refers to one) and grows to `options`.
  const group = pkg.optionGroups![0] as { options: { id: string; name: string }[] };
  for (let i = group.options.length; i < options; i++) group.options.push({ id: optionId(i), name: "x" });
  pkg.rules = Array.from({ length: rules }, (_, i) => ({
    id: `r${i.toString(36)}`,
    when: { allOf: [optionId(2 + (i % (options - 2)))] },
    // biome-ignore lint/suspicious/noThenProperty: the catalog schema names a rule's consequence `then`
    then: { requireNone: [optionId(2 + ((i + 1) % (options - 2)))] },
  }));
  return doc;
}
