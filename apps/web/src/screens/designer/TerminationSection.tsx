/**
 * How a customer leaves: notice, when it takes effect, the early termination fee (a flat amount
 * per currency or a percentage of what is left of the term), and the retention offers.
 */
import type { EarlyTerminationFee, Termination } from "@tessera/schema";
import { type Patch, patchObject } from "./docEdit.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import type { PackageCtx } from "./packageContext.ts";
import { RetentionOffers } from "./RetentionOffers.tsx";

type FeeKind = EarlyTerminationFee["kind"];

/** The fee as `kind` (or none): only the fields that kind uses; flat gets a zero in every currency. */
export function feeAs(
  fee: EarlyTerminationFee | undefined,
  kind: FeeKind | undefined,
  currencies: readonly string[],
): EarlyTerminationFee | undefined {
  if (kind === undefined) return undefined;
  if (kind === "remaining_percent") return { kind, percent: fee?.percent ?? "100" };
  const amounts = currencies.map(
    (currency) => fee?.amounts?.find((a) => a.currency === currency) ?? { currency, amount: "0.00" },
  );
  return { kind, amounts };
}

export function TerminationSection({ ctx }: { ctx: PackageCtx }) {
  const { doc, pkg, p, set, readOnly, at } = ctx;
  const t = pkg.termination;
  const fee = t?.earlyTerminationFee;
  const patch = (x: Patch<Termination>) => set([...at, "termination"], patchObject(t, x));
  return (
    <section className="ts-card" aria-labelledby="pkg-termination">
      <h2 id="pkg-termination">Termination</h2>
      <div className="grid-3">
        <NumberField
          label="Notice (days)"
          pointer={p("termination", "noticeDays")}
          value={t?.noticeDays}
          readOnly={readOnly}
          hint="Empty: no notice."
          onChange={(v) => patch({ noticeDays: v === undefined ? undefined : Math.max(0, v) })}
        />
        <SelectField
          label="Takes effect"
          pointer={p("termination", "effective")}
          value={t?.effective ?? ""}
          options={[
            { value: "", label: "at the end of the term (default)" },
            { value: "end_of_term", label: "at the end of the term (stated)" },
            { value: "end_of_period", label: "at the end of the billing period" },
            { value: "immediate", label: "immediately" },
          ]}
          readOnly={readOnly}
          onChange={(v) => patch({ effective: (v || undefined) as Termination["effective"] })}
        />
        <SelectField
          label="Early termination fee"
          pointer={p("termination", "earlyTerminationFee", "kind")}
          value={fee?.kind ?? ""}
          options={[
            { value: "", label: "none" },
            { value: "flat", label: "a flat fee" },
            { value: "remaining_percent", label: "a share of the rest of the term" },
          ]}
          readOnly={readOnly}
          onChange={(v) =>
            patch({
              earlyTerminationFee: feeAs(fee, (v || undefined) as FeeKind | undefined, doc.currencies),
            })
          }
        />
      </div>
      {fee?.kind === "remaining_percent" ? (
        <TextField
          label="Fee: percent of the recurring charges left in the term"
          pointer={p("termination", "earlyTerminationFee", "percent")}
          value={fee.percent}
          readOnly={readOnly}
          onChange={(v) => patch({ earlyTerminationFee: { ...fee, percent: v.trim() } })}
        />
      ) : null}
      {fee?.kind === "flat" ? (
        <div className="grid-4" data-pointer={p("termination", "earlyTerminationFee", "amounts")}>
          {doc.currencies.map((currency) => {
            const k = (fee.amounts ?? []).findIndex((a) => a.currency === currency);
            return (
              <TextField
                key={currency}
                label={`Fee in ${currency}`}
                pointer={p("termination", "earlyTerminationFee", "amounts", k < 0 ? "-" : k, "amount")}
                value={fee.amounts?.[k]?.amount ?? ""}
                readOnly={readOnly}
                onChange={(v) => {
                  // Every currency of the catalog gets an amount, in the catalog's order.
                  const amounts = feeAs(fee, "flat", doc.currencies)?.amounts ?? [];
                  patch({
                    earlyTerminationFee: {
                      ...fee,
                      amounts: amounts.map((a) =>
                        a.currency === currency ? { currency, amount: v.trim() } : a,
                      ),
                    },
                  });
                }}
              />
            );
          })}
        </div>
      ) : null}
      <RetentionOffers ctx={ctx} />
    </section>
  );
}
