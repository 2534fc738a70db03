import type { AccountArrangement } from "@tessera/api";
import { unitFor } from "@tessera/ui";

type Arrangement = AccountArrangement;

const count = new Intl.NumberFormat("en-US");

/** Usage against allowance per arrangement: a native meter each, over-use said in words. */
export function UsageMeters({ arrangements }: { arrangements: readonly Arrangement[] }) {
  const withUsage = arrangements.filter((a) => a.usage.length > 0);
  return (
    <section className="ts-card" aria-labelledby="usage-title">
      <h2 id="usage-title">Usage against allowance (last billing period)</h2>
      {withUsage.length === 0 ? <p className="ts-hint">No usage reported.</p> : null}
      {withUsage.map((a) => (
        <div key={a.id} className="stack" style={{ gap: "0.4rem", marginBottom: "0.75rem" }}>
          <h3 style={{ margin: 0, fontSize: "1rem" }}>{a.packageName}</h3>
          {a.usage.map((u) => {
            const over = u.allowance !== null && u.used > u.allowance;
            const id = `usage-${a.id}-${u.component}`;
            return (
              <div key={u.component} className="usage-row">
                <label htmlFor={id}>{u.label}</label>
                {u.allowance !== null && u.allowance > 0 ? (
                  <meter
                    id={id}
                    min={0}
                    max={Math.max(u.allowance, u.used)}
                    high={u.allowance}
                    optimum={0}
                    value={u.used}
                  />
                ) : (
                  <span id={id} />
                )}
                <span className={over ? "usage-over" : "muted"}>
                  {count.format(u.used)} of {u.allowance === null ? "unlimited" : count.format(u.allowance)}{" "}
                  {unitFor(u.allowance ?? u.used, u.unit)}
                  {over ? ` — ${count.format(u.used - u.allowance!)} over` : ""}
                </span>
              </div>
            );
          })}
          {a.insights.length > 0 ? (
            <ul className="ts-hint" style={{ margin: 0 }}>
              {a.insights.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}
