/**
 * A link inside the app: a real `<a href>` (so it can be copied, opened in a new tab with
 * Ctrl/⌘-click or the middle button, and read as a link), whose plain left click moves the app's
 * router instead of reloading the page.
 */
import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate } from "./store.ts";

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** Whether a click is a plain left click the app should route itself (not a new tab or window). */
export function isPlainClick(e: MouseEvent): boolean {
  return !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

export function Link({ href, onClick, target, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={href}
      target={target}
      onClick={(e) => {
        onClick?.(e);
        if (target !== undefined && target !== "_self") return;
        if (!isPlainClick(e)) return;
        e.preventDefault();
        navigate(href);
      }}
    />
  );
}
