/**
 * Random sequences of what the designer's forms do to a catalog — switch a charge's model (a
 * percentage included, which must find something to apply to), change
 * what it is charged on, rename an id, duplicate an entry, delete one whose references can go
 * with it, move one — starting from the valid B2B SaaS sample. None may leave behind a dangling
 * or duplicate id, a field the charge's model ignores (hidden from the form), or a price point
 * missing the amounts its model needs: the diagnostics a form action could cause and no form
 * could then fix.
 */
import { readFileSync } from "node:fs";
import { deletion, duplicateEntry, renameId, validate } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chargeOn, MODELS, modelsFor, switchModel } from "./chargeModel.ts";
import { getIn, moveItem, type Path, setIn } from "./docEdit.ts";
import { freshId } from "./ids.ts";
import { catalogIds } from "./packageContext.ts";

const saas = JSON.parse(
  readFileSync(new URL("../../../../../schemas/examples/saas.catalog.json", import.meta.url), "utf8"),
) as Catalog;

/**
 * Diagnostics no form action may cause. (A percentage charge of a package whose only other thing is
 * a component may be left with nothing to take a percent of, `charge.percentage-target`: its own
 * form fixes that in place, by charging it on the component or picking charges; so does a
 * percentage of a charge later made a percentage itself, `charge.percent-of-invalid`.)
 */
const FORBIDDEN =
  /^(schema\.|ref\.|id\.|price\.model-fields|price\.ignored-field|charge\.block-size-ignored|charge\.block-rounding-ignored|charge\.events-component|charge\.usage-in-advance)/;

type Action =
  | { kind: "model"; pkg: number; charge: number; model: number }
  | { kind: "on"; pkg: number; charge: number; target: number }
  | { kind: "rename"; pick: number }
  | { kind: "duplicate"; pick: number }
  | { kind: "delete"; pick: number }
  | { kind: "move"; pick: number; up: boolean };

const nat = fc.nat({ max: 1000 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("model" as const), pkg: nat, charge: nat, model: nat }),
  fc.record({ kind: fc.constant("on" as const), pkg: nat, charge: nat, target: nat }),
  fc.record({ kind: fc.constant("rename" as const), pick: nat }),
  fc.record({ kind: fc.constant("duplicate" as const), pick: nat }),
  fc.record({ kind: fc.constant("delete" as const), pick: nat }),
  fc.record({ kind: fc.constant("move" as const), pick: nat, up: fc.boolean() }),
);

/** The paths of the entries a row of the forms acts on (each has row actions). */
function entries(doc: Catalog): Path[] {
  const out: Path[] = [];
  doc.services.forEach((_, i) => {
    out.push(["services", i]);
  });
  doc.packages.forEach((p, i) => {
    out.push(["packages", i]);
    p.components?.forEach((_, j) => {
      out.push(["packages", i, "components", j]);
    });
    p.optionGroups?.forEach((g, j) => {
      out.push(["packages", i, "optionGroups", j]);
      if (g.options.length > 1)
        g.options.forEach((_, k) => {
          out.push(["packages", i, "optionGroups", j, "options", k]);
        });
    });
    p.charges.forEach((_, j) => {
      out.push(["packages", i, "charges", j]);
    });
    p.rules?.forEach((_, j) => {
      out.push(["packages", i, "rules", j]);
    });
    p.quantityRules?.forEach((_, j) => {
      out.push(["packages", i, "quantityRules", j]);
    });
  });
  return out;
}

function apply(doc: Catalog, a: Action): Catalog {
  if (a.kind === "model" || a.kind === "on") {
    const pkg = doc.packages[a.pkg % doc.packages.length];
    if (!pkg || pkg.charges.length === 0) return doc;
    const j = a.charge % pkg.charges.length;
    const charge = pkg.charges[j];
    if (!charge) return doc;
    const path = ["packages", doc.packages.indexOf(pkg), "charges", j];
    if (a.kind === "model") {
      // The models the form offers this charge (percentage only with something to take a percent of).
      const models = modelsFor(charge, pkg.charges, pkg.components ?? []);
      return setIn(
        doc,
        path,
        switchModel(charge, (models[a.model % models.length] ?? MODELS[0])!.value, pkg.charges),
      );
    }
    const targets = [
      {},
      ...(pkg.components ?? []).map((c) => ({ component: c.id })),
      ...(pkg.optionGroups ?? []).flatMap((g) => g.options.map((o) => ({ option: o.id }))),
    ];
    return setIn(doc, path, chargeOn(charge, targets[a.target % targets.length] ?? {}, pkg.charges));
  }
  const all = entries(doc);
  const path = all[a.pick % all.length];
  if (!path) return doc;
  if (a.kind === "rename") {
    const id = (getIn(doc, path) as { id: string }).id;
    return renameId(doc, id, freshId(`${id} renamed`, catalogIds(doc)));
  }
  if (a.kind === "duplicate") return duplicateEntry(doc, [...path]).doc;
  if (a.kind === "delete") {
    const d = deletion(doc, [...path]);
    return d.removable ? d.remove() : doc;
  }
  const list = getIn(doc, path.slice(0, -1)) as unknown[];
  const index = path[path.length - 1] as number;
  return setIn(doc, path.slice(0, -1), moveItem(list, index, a.up ? index - 1 : index + 1));
}

describe("form actions on a catalog", () => {
  it("the sample starts without any of the diagnostics checked", () => {
    expect(validate(saas).diagnostics.filter((d) => FORBIDDEN.test(d.code))).toEqual([]);
  });

  it("never leave a diagnostic that no form could fix", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 12 }), (actions) => {
        let doc = saas;
        for (const a of actions) doc = apply(doc, a);
        const bad = validate(doc).diagnostics.filter((d) => FORBIDDEN.test(d.code));
        expect(bad.map((d) => `${d.code} ${d.pointer}: ${d.message}`)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
