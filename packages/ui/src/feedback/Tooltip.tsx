import { type ReactElement, useState } from "react";

export interface TooltipProps {
  /** Id of the element holding the text; the trigger must reference it with aria-describedby. */
  id: string;
  text: string;
  children: ReactElement;
}

/**
 * Shows `text` while the wrapped control is hovered or focused. The text is always in the DOM so
 * screen readers get it through aria-describedby; sighted keyboard users see it on focus, and
 * Escape dismisses it (WCAG 1.4.13).
 */
export function Tooltip({ id, text, children }: TooltipProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hovered || focused) && !dismissed;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the wrapper only mirrors hover/focus of its control
    <span
      className="ts-tip"
      onMouseEnter={() => {
        setHovered(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => {
        setFocused(true);
        setDismissed(false);
      }}
      onBlur={() => setFocused(false)}
      onKeyDown={(e) => {
        if (e.key === "Escape") setDismissed(true);
      }}
    >
      {children}
      <span id={id} role="tooltip" className={open ? "ts-tip__bubble" : "ts-visually-hidden"}>
        {text}
      </span>
    </span>
  );
}
