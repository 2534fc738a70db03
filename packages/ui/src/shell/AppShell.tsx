import type { ReactNode } from "react";

export interface NavLink {
  href: string;
  label: string;
}

export interface AppShellProps {
  /** Navigation entries; pass only what the signed-in role may use. */
  links: readonly NavLink[];
  /** The href of the current screen (marked with aria-current). */
  current?: string;
  /** Who is signed in, e.g. "designer". Absent: no user area. */
  role?: string;
  onSignOut?: () => void;
  /** Client-side navigation; links still work as plain anchors without it. */
  onNavigate?: (href: string) => void;
  children: ReactNode;
}

/** The frame of every screen: brand, role-filtered navigation, who is signed in, content. */
export function AppShell({ links, current, role, onSignOut, onNavigate, children }: AppShellProps) {
  return (
    <div className="ts-shell">
      <header className="ts-shell__bar">
        <span className="ts-shell__brand">Tessera</span>
        <nav className="ts-shell__nav" aria-label="Main">
          {links.map((link) => (
            <a
              key={link.href}
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              onClick={(event) => {
                if (!onNavigate || event.metaKey || event.ctrlKey || event.button !== 0) return;
                event.preventDefault();
                onNavigate(link.href);
              }}
            >
              {link.label}
            </a>
          ))}
        </nav>
        {role ? (
          <div className="ts-shell__user">
            <span>
              Signed in as <strong>{role}</strong>
            </span>
            {onSignOut ? (
              <button type="button" className="ts-button ts-button--small" onClick={onSignOut}>
                Sign out
              </button>
            ) : null}
          </div>
        ) : null}
      </header>
      <main className="ts-shell__main">{children}</main>
    </div>
  );
}
