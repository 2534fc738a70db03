/**
 * A charge's name, id, price model, what it is charged on, and — where the model uses them — its
 * block size, billing timing and whether term commitment discounts apply. Changing the model or
 * what it is charged on re-shapes the price points (see chargeModel.ts).
 */
import { renameId } from "@tessera/engine";
import type { Catalog, Charge } from "@tessera/schema";
import {
  BLOCK_MODELS,
  chargeOn,
  isKnownModel,
  isRecurring,
  MODELS,
  type Model,
  modelsFor,
  switchModel,
  withBlockSize,
  withEventsComponent,
} from "./chargeModel.ts";
import { type Path, pointer } from "./docEdit.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { IdField } from "./IdField.tsx";
import { PickList } from "./PickList.tsx";

export interface ChargeTarget {
  value: string;
  label: string;
}

export function ChargeSettings({
  doc,
  charge,
  path,
  targets,
  taken,
  set,
  readOnly,
}: {
  doc: Catalog;
  charge: Charge;
  path: Path;
  /** Components and options of the package ("component:id", "option:id"). */
  targets: readonly ChargeTarget[];
  taken: ReadonlySet<string>;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
}) {
  const on = charge.component
    ? `component:${charge.component}`
    : charge.option
      ? `option:${charge.option}`
      : "";
  const recurring = isRecurring(charge.model);
  // The package's other charges (what a percentage applies to) and its components.
  const pkg = doc.packages[path[1] as number];
  const siblings = pkg?.charges ?? [];
  const percentOfOptions = siblings
    .filter((c) => c.id !== charge.id && c.model !== "percentage")
    .map((c) => ({ value: c.id, label: c.name ?? c.id }));
  const components = (pkg?.components ?? []).map((c) => ({ value: c.id, label: c.name ?? c.id }));
  const offered = modelsFor(charge, siblings, pkg?.components ?? []);
  return (
    <>
      <div className="grid-4">
        <TextField
          label="Charge name"
          pointer={pointer([...path, "name"])}
          value={charge.name}
          readOnly={readOnly}
          onChange={(v) => set([...path, "name"], v || undefined)}
        />
        <IdField
          label="Charge id"
          id={charge.id}
          pointer={pointer([...path, "id"])}
          taken={taken}
          readOnly={readOnly}
          onRename={(to) => set([], renameId(doc, charge.id, to))}
        />
        <SelectField
          label="Price model"
          pointer={pointer([...path, "model"])}
          value={charge.model}
          options={
            isKnownModel(charge.model)
              ? modelsFor(charge, siblings, pkg?.components ?? []).concat(
                  charge.model === "percentage" && !offered.some((m) => m.value === "percentage")
                    ? MODELS.filter((m) => m.value === "percentage")
                    : [],
                )
              : [...MODELS, { value: charge.model, label: `${charge.model} (kept as it is)` }]
          }
          readOnly={readOnly}
          onChange={(v) => set(path, switchModel(charge, v as Model, siblings))}
        />
        <SelectField
          label="Charged on"
          pointer={pointer([...path, charge.option ? "option" : "component"])}
          value={on}
          options={[{ value: "", label: "the package" }, ...targets]}
          readOnly={readOnly}
          onChange={(v) => {
            const [kind, id] = v.split(":");
            set(
              path,
              chargeOn(
                charge,
                {
                  ...(kind === "component" && id ? { component: id } : {}),
                  ...(kind === "option" && id ? { option: id } : {}),
                },
                siblings,
              ),
            );
          }}
        />
      </div>
      {charge.model === "percentage" ? (
        <div className="grid-2">
          {charge.component === undefined ? (
            <PickList
              label="A percent of these charges"
              pointer={pointer([...path, "percentOf"])}
              options={percentOfOptions}
              value={charge.percentOf ?? []}
              readOnly={readOnly}
              hint="Their amounts each period, e.g. support at 20% of the licence fees. Or charge it on a component: a percent of the transaction volume it counts."
              onChange={(ids) => set([...path, "percentOf"], ids.length > 0 ? ids : undefined)}
            />
          ) : (
            <SelectField
              label="Transactions counted by"
              pointer={pointer([...path, "eventsComponent"])}
              value={charge.eventsComponent ?? ""}
              options={[{ value: "", label: "none: no fee or bounds per transaction" }, ...components]}
              readOnly={readOnly}
              hint="A metered component counting the transactions, for a fee, minimum and maximum per transaction."
              onChange={(v) => set(path, withEventsComponent(charge, v || undefined))}
            />
          )}
        </div>
      ) : null}
      <div className="grid-4">
        {BLOCK_MODELS.has(charge.model) ? (
          <NumberField
            label="Block size"
            pointer={pointer([...path, "blockSize"])}
            value={charge.blockSize}
            readOnly={readOnly}
            hint="Quantities are charged in whole blocks of this many units."
            onChange={(v) => set(path, withBlockSize(charge, v))}
          />
        ) : null}
        {BLOCK_MODELS.has(charge.model) && (charge.blockSize ?? 1) > 1 ? (
          <SelectField
            label="A started block"
            pointer={pointer([...path, "blockRounding"])}
            value={charge.blockRounding ?? ""}
            options={[
              { value: "", label: "is charged (rounded up, default)" },
              { value: "up", label: "is charged (rounded up, stated)" },
              { value: "down", label: "is free (only full blocks are charged)" },
            ]}
            readOnly={readOnly}
            onChange={(v) => set([...path, "blockRounding"], v || undefined)}
          />
        ) : null}
        {recurring ? (
          <SelectField
            label="Billed"
            pointer={pointer([...path, "timing"])}
            value={charge.timing ?? ""}
            options={
              charge.model === "usage"
                ? [
                    { value: "", label: "in arrear (usage always is)" },
                    { value: "in_arrear", label: "in arrear (stated)" },
                  ]
                : [
                    { value: "", label: "in advance (default)" },
                    { value: "in_advance", label: "in advance (stated)" },
                    { value: "in_arrear", label: "in arrear (stated)" },
                  ]
            }
            readOnly={readOnly}
            onChange={(v) => set([...path, "timing"], v || undefined)}
          />
        ) : null}
        {recurring ? (
          <SelectField
            label="Commitment discounts"
            pointer={pointer([...path, "commitmentDiscounts"])}
            value={charge.commitmentDiscounts === undefined ? "" : String(charge.commitmentDiscounts)}
            options={[
              { value: "", label: "apply (default)" },
              { value: "true", label: "apply (stated)" },
              { value: "false", label: "do not apply" },
            ]}
            readOnly={readOnly}
            hint="The term's discount off this charge."
            onChange={(v) => set([...path, "commitmentDiscounts"], v === "" ? undefined : v === "true")}
          />
        ) : null}
      </div>
    </>
  );
}
