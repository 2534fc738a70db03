import { useState } from "react";
import { formatDelta, formatMoney, PERIOD_LABEL } from "../format/money.ts";

export interface ProrationLineView {
  label: string;
  /** Decimal string; negative for credits. */
  amount: string;
}

export interface MoveView {
  /** Stable key of the move (what onApply receives). */
  key: string;
  /** renew, upgrade, downgrade, crossgrade, add_on, remove_add_on, terminate, retention… */
  kind: string;
  /** "Upgrade to Business", "Renew for 12 months". */
  title: string;
  valid: boolean;
  /** Why a blocked move is blocked (or notes on a valid one). */
  reasons: readonly string[];
  effectiveDate?: string;
  proration?: readonly ProrationLineView[];
  /** Sum of the proration lines: the net amount the move bills (negative: credited). */
  prorationNet?: string;
  /** New recurring price per billing period after the move. */
  newRecurring?: string;
  /** The billing period `newRecurring` is per ("month", "year"…), shown after the price. */
  newPeriod?: string;
  mrrDelta?: string;
  termRestarts?: boolean;
  /** What happens to each add-on: "Analytics: carried", "Backup: becomes included". */
  addOns?: readonly string[];
  /** How the move takes effect, in words: "at once, unused time credited (path rule sso-cancel)". */
  policy?: string;
  /** The price book the arrangement moves to, when the move changes it. */
  priceBook?: string;
  /** Terminate only: the earliest end date the notice allows (a chosen date may not be before it). */
  earliestDate?: string;
  /** Terminate only: offers presented before the cancellation is confirmed. */
  retention?: readonly MoveView[];
  /**
   * Add-on removal: the end dates to choose from (the policy's own first, without a date), and
   * any later date on or after `earliestDate` may be typed in.
   */
  endChoices?: readonly { label: string; date?: string }[];
}

export interface MoveListProps {
  currency: string;
  moves: readonly MoveView[];
  /** Applies a move; a termination or an add-on removal may carry a chosen end date. */
  onApply: (key: string, options?: { date: string }) => void;
  /** Key of the move being applied (its button shows progress). */
  applyingKey?: string;
  /** Explore only: no Apply buttons (a role that may not move arrangements). */
  readOnly?: boolean;
}

function MoveFacts({ move, currency }: { move: MoveView; currency: string }) {
  return (
    <>
      <dl className="ts-move__facts">
        {move.effectiveDate ? (
          <div>
            <dt>Effective</dt>
            <dd>{move.effectiveDate}</dd>
          </div>
        ) : null}
        {move.policy ? (
          <div>
            <dt>Policy</dt>
            <dd>{move.policy}</dd>
          </div>
        ) : null}
        {move.priceBook ? (
          <div>
            <dt>Price book</dt>
            <dd>{move.priceBook}</dd>
          </div>
        ) : null}
        {move.newRecurring !== undefined ? (
          <div>
            <dt>New price</dt>
            <dd>
              {formatMoney(move.newRecurring, currency)}
              {move.newPeriod ? ` / ${PERIOD_LABEL[move.newPeriod] ?? move.newPeriod}` : ""}
            </dd>
          </div>
        ) : null}
        {move.mrrDelta !== undefined ? (
          <div>
            <dt>MRR change</dt>
            <dd>{formatDelta(move.mrrDelta, currency)}</dd>
          </div>
        ) : null}
        {move.termRestarts !== undefined ? (
          <div>
            <dt>Term</dt>
            <dd>{move.termRestarts ? "restarts" : "continues"}</dd>
          </div>
        ) : null}
      </dl>
      {move.proration && move.proration.length > 0 ? (
        <table className="ts-table" style={{ marginTop: "0.5rem" }}>
          <caption className="ts-hint" style={{ textAlign: "left" }}>
            Proration
          </caption>
          <tbody>
            {move.proration.map((p) => (
              <tr key={p.label}>
                <td>{p.label}</td>
                <td className="ts-num">{formatMoney(p.amount, currency)}</td>
              </tr>
            ))}
          </tbody>
          {move.prorationNet !== undefined ? (
            <tfoot>
              <tr>
                <th scope="row" style={{ textAlign: "left" }}>
                  {move.prorationNet.startsWith("-") ? "Net credit" : "Net due"}
                </th>
                <td className="ts-num">
                  <strong>
                    {formatMoney(
                      move.prorationNet.startsWith("-") ? move.prorationNet.slice(1) : move.prorationNet,
                      currency,
                    )}
                  </strong>
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      ) : null}
      {move.addOns && move.addOns.length > 0 ? (
        <p className="ts-hint" style={{ margin: "0.4rem 0 0" }}>
          Add-ons: {move.addOns.join(" · ")}
        </p>
      ) : null}
    </>
  );
}

/**
 * When a removed add-on ends: the policy's date, at once, the end of the billing period, the end
 * of the term, or a date typed in (never before the earliest date the notice allows).
 */
function EndChoice({
  move,
  busy,
  disabled,
  onApply,
  onCancel,
}: {
  move: MoveView;
  busy: boolean;
  disabled: boolean;
  onApply: MoveListProps["onApply"];
  onCancel: () => void;
}) {
  const choices = move.endChoices ?? [];
  /** Index of the choice picked; choices.length = a typed date. */
  const [picked, setPicked] = useState(0);
  const [typed, setTyped] = useState("");
  const name = `end-${move.key}`;
  const date = picked < choices.length ? choices[picked]?.date : typed || undefined;
  const tooEarly = date !== undefined && move.earliestDate !== undefined && date < move.earliestDate;
  return (
    <section className="ts-retention" aria-label={`When ${move.title.replace(/^Remove /, "")} ends`}>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>Ends</legend>
        {choices.map((c, i) => (
          <label key={c.label} style={{ display: "block" }}>
            <input type="radio" name={name} checked={picked === i} onChange={() => setPicked(i)} /> {c.label}
          </label>
        ))}
        <label style={{ display: "block" }}>
          <input
            type="radio"
            name={name}
            checked={picked === choices.length}
            onChange={() => setPicked(choices.length)}
          />{" "}
          On another date
        </label>
        {picked === choices.length ? (
          <input
            type="date"
            aria-label="End date"
            className="ts-input"
            value={typed}
            {...(move.earliestDate ? { min: move.earliestDate } : {})}
            onChange={(e) => setTyped(e.target.value)}
          />
        ) : null}
      </fieldset>
      {move.earliestDate ? (
        <p className="ts-hint" style={{ margin: 0 }}>
          The earliest possible end date is {move.earliestDate}.
        </p>
      ) : null}
      <div className="ts-row" style={{ marginTop: "0.6rem" }}>
        <button
          type="button"
          className="ts-button ts-button--primary"
          disabled={disabled || tooEarly || (picked === choices.length && typed === "")}
          onClick={() => (date !== undefined ? onApply(move.key, { date }) : onApply(move.key))}
        >
          {busy ? "Applying…" : date !== undefined ? `Remove on ${date}` : "Remove as the policy says"}
        </button>
        <button type="button" className="ts-button" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </section>
  );
}

/**
 * Every lifecycle move from an arrangement. Blocked moves say why and offer no button; terminate
 * first shows its retention offers and asks for a confirmation.
 */
export function MoveList({ currency, moves, onApply, applyingKey, readOnly = false }: MoveListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  /** A chosen end date for the termination being confirmed ("" = the policy's date). */
  const [endDate, setEndDate] = useState("");
  return (
    <ul className="ts-moves" aria-label="Moves">
      {moves.map((move) => {
        const headingId = `move-${move.key}`;
        const busy = applyingKey === move.key;
        const isTerminate = move.kind === "terminate";
        const choosesEnd = move.endChoices !== undefined && move.endChoices.length > 0;
        return (
          <li key={move.key} className="ts-move" data-valid={move.valid} aria-labelledby={headingId}>
            <div className="ts-move__head">
              <span className={move.valid ? "ts-badge ts-badge--accent" : "ts-badge"}>
                {move.kind.replace(/_/g, " ")}
              </span>
              <span id={headingId} className="ts-move__title">
                {move.title}
              </span>
              {move.valid && readOnly ? (
                <span className="ts-badge ts-badge--ok">possible</span>
              ) : move.valid ? (
                <button
                  type="button"
                  className={isTerminate ? "ts-button ts-button--danger" : "ts-button ts-button--primary"}
                  disabled={applyingKey !== undefined}
                  aria-expanded={isTerminate || choosesEnd ? confirming === move.key : undefined}
                  onClick={() => (isTerminate || choosesEnd ? setConfirming(move.key) : onApply(move.key))}
                >
                  {busy ? "Applying…" : isTerminate ? "Terminate…" : choosesEnd ? "Remove…" : "Apply"}
                </button>
              ) : (
                <span className="ts-badge ts-badge--danger">blocked</span>
              )}
            </div>
            {move.valid ? <MoveFacts move={move} currency={currency} /> : null}
            {move.reasons.length > 0 ? (
              <ul className="ts-move__reasons" aria-label={move.valid ? "Notes" : "Why it is blocked"}>
                {move.reasons.map((r) => (
                  <li key={r} style={move.valid ? { color: "var(--ts-muted)" } : undefined}>
                    {r}
                  </li>
                ))}
              </ul>
            ) : null}
            {choosesEnd && confirming === move.key ? (
              <EndChoice
                move={move}
                busy={busy}
                disabled={applyingKey !== undefined}
                onApply={onApply}
                onCancel={() => setConfirming(null)}
              />
            ) : null}
            {isTerminate && confirming === move.key ? (
              <section className="ts-retention" aria-label="Before you terminate">
                <h3>Before you terminate</h3>
                {move.retention && move.retention.length > 0 ? (
                  <ul className="ts-moves">
                    {move.retention.map((offer) => (
                      <li key={offer.key} className="ts-move" data-valid={offer.valid}>
                        <div className="ts-move__head">
                          <span className="ts-badge ts-badge--ok">offer</span>
                          <span className="ts-move__title">{offer.title}</span>
                          {offer.valid ? (
                            <button
                              type="button"
                              className="ts-button ts-button--primary"
                              disabled={applyingKey !== undefined}
                              onClick={() => onApply(offer.key)}
                            >
                              {applyingKey === offer.key ? "Applying…" : "Accept offer"}
                            </button>
                          ) : (
                            <span className="ts-badge ts-badge--danger">not available</span>
                          )}
                        </div>
                        {offer.valid ? <MoveFacts move={offer} currency={currency} /> : null}
                        {offer.reasons.length > 0 ? (
                          <ul className="ts-move__reasons">
                            {offer.reasons.map((r) => (
                              <li key={r} style={offer.valid ? { color: "var(--ts-muted)" } : undefined}>
                                {r}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="ts-hint">No retention offers apply to this customer.</p>
                )}
                <div className="ts-field" style={{ marginTop: "0.6rem" }}>
                  <label htmlFor={`${headingId}-date`}>End on another date (optional)</label>
                  <input
                    id={`${headingId}-date`}
                    type="date"
                    className="ts-input"
                    value={endDate}
                    {...(move.earliestDate ? { min: move.earliestDate } : {})}
                    onChange={(e) => setEndDate(e.target.value)}
                  />
                  <p className="ts-hint" style={{ margin: 0 }}>
                    Without a date it ends on {move.effectiveDate ?? "the date the policy gives"}
                    {move.earliestDate ? `; the earliest possible is ${move.earliestDate}` : ""}.
                  </p>
                </div>
                <div className="ts-row" style={{ marginTop: "0.6rem" }}>
                  <button
                    type="button"
                    className="ts-button ts-button--danger"
                    disabled={applyingKey !== undefined}
                    onClick={() => (endDate ? onApply(move.key, { date: endDate }) : onApply(move.key))}
                  >
                    {busy ? "Terminating…" : "Confirm termination"}
                  </button>
                  <button type="button" className="ts-button" onClick={() => setConfirming(null)}>
                    Keep the subscription
                  </button>
                </div>
              </section>
            ) : null}
          </li>
        );
      })}
      {moves.length === 0 ? <li className="ts-hint">No moves are possible from this arrangement.</li> : null}
    </ul>
  );
}
