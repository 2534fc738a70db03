import { useQuery, useQueryClient } from "@tanstack/react-query";
import { AppShell, ErrorBoundary, ErrorState, LoadingState, type NavLink, TokenSignIn } from "@tessera/ui";
import { useEffect, useState } from "react";
import { errorCode, errorMessage, makeTrpcClient, useTRPC } from "./api/trpc.ts";
import { matchPath, navigate, useNavigation } from "./navigation/store.ts";
import { AccountScreen } from "./screens/accounts/AccountScreen.tsx";
import { AccountsScreen } from "./screens/accounts/AccountsScreen.tsx";
import { TokensScreen } from "./screens/admin/TokensScreen.tsx";
import { CatalogsScreen } from "./screens/designer/CatalogsScreen.tsx";
import { DraftScreen } from "./screens/designer/DraftScreen.tsx";
import { ArrangementsScreen } from "./screens/paths/ArrangementsScreen.tsx";
import { PathExplorer } from "./screens/paths/PathExplorer.tsx";
import { PortalScreen } from "./screens/portal/PortalScreen.tsx";
import { PublicConfigurator } from "./screens/public/PublicConfigurator.tsx";
import { ApprovalsScreen } from "./screens/quotes/ApprovalsScreen.tsx";
import { QuoteBuilder } from "./screens/quotes/QuoteBuilder.tsx";
import { QuoteDetail } from "./screens/quotes/QuoteDetail.tsx";
import { QuotePrint } from "./screens/quotes/QuotePrint.tsx";
import { QuotesScreen } from "./screens/quotes/QuotesScreen.tsx";
import { abilities, type Me, type Role, useSession } from "./session/store.ts";

/** Navigation a role is offered: what it may not do is not shown. */
export function linksFor(role: Role, approver = false): NavLink[] {
  const can = abilities(role, approver);
  const links: NavLink[] = [];
  if (can.portal) return [{ href: "/portal", label: "My subscriptions" }];
  links.push({ href: "/catalogs", label: can.design ? "Catalog designer" : "Catalogs" });
  if (can.sell) links.push({ href: "/quotes", label: "Quote builder" });
  if (can.accounts) {
    links.push({ href: "/accounts", label: "Accounts" });
    links.push({ href: "/arrangements", label: "Path explorer" });
  }
  if (can.approve) links.push({ href: "/approvals", label: "Approvals" });
  if (can.administer) links.push({ href: "/admin/tokens", label: "Users & tokens" });
  return links;
}

function SignInScreen() {
  const signIn = useSession((s) => s.signIn);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  return (
    <TokenSignIn
      pending={pending}
      {...(error ? { error } : {})}
      onSubmit={async (token) => {
        setPending(true);
        setError(undefined);
        try {
          // A client of its own: the session only takes the token once the server accepted it.
          const me = (await makeTrpcClient(() => token).me.query()) as Me;
          signIn(token, me);
        } catch (e) {
          setError(
            errorCode(e) === "UNAUTHORIZED" ? "That token is not valid or was revoked." : errorMessage(e),
          );
        } finally {
          setPending(false);
        }
      }}
    />
  );
}

interface Route {
  pattern: string;
  allowed: (can: ReturnType<typeof abilities>) => boolean;
  render: (params: Record<string, string>, role: Role) => React.ReactNode;
}

/** Every screen, with who may open it. */
const ROUTES: Route[] = [
  { pattern: "/catalogs", allowed: (c) => c.read, render: (_, role) => <CatalogsScreen role={role} /> },
  {
    pattern: "/catalogs/:id/draft",
    allowed: (c) => c.design,
    render: (p) => <DraftScreen catalogId={p.id!} />,
  },
  {
    pattern: "/catalogs/:id/versions/:version",
    allowed: (c) => c.read,
    render: (p) => <DraftScreen catalogId={p.id!} version={Number(p.version)} />,
  },
  { pattern: "/quotes", allowed: (c) => c.sell, render: () => <QuotesScreen /> },
  { pattern: "/quotes/new", allowed: (c) => c.sell, render: () => <QuoteBuilder /> },
  { pattern: "/quotes/:id", allowed: (c) => c.sell, render: (p) => <QuoteDetail quoteId={p.id!} /> },
  {
    pattern: "/quotes/:id/revise",
    allowed: (c) => c.sell,
    render: (p) => <QuoteBuilder key={p.id} revising={p.id!} />,
  },
  { pattern: "/quotes/:id/print", allowed: (c) => c.sell, render: (p) => <QuotePrint quoteId={p.id!} /> },
  { pattern: "/approvals", allowed: (c) => c.approve, render: () => <ApprovalsScreen /> },
  { pattern: "/arrangements", allowed: (c) => c.accounts, render: () => <ArrangementsScreen /> },
  {
    pattern: "/arrangements/:id",
    allowed: (c) => c.accounts,
    render: (p, role) => <PathExplorer arrangementId={p.id!} role={role} />,
  },
  { pattern: "/accounts", allowed: (c) => c.accounts, render: () => <AccountsScreen /> },
  {
    pattern: "/accounts/:customer",
    allowed: (c) => c.accounts,
    render: (p, role) => <AccountScreen customer={p.customer!} role={role} />,
  },
  { pattern: "/portal", allowed: (c) => c.portal, render: () => <PortalScreen /> },
  { pattern: "/admin/tokens", allowed: (c) => c.administer, render: () => <TokensScreen /> },
];

function Screen({ role, approver, path }: { role: Role; approver: boolean; path: string }) {
  const can = abilities(role, approver);
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params && route.allowed(can))
      return (
        <ErrorBoundary label="this screen" resetKey={path} onError={(e) => console.warn(e)}>
          {route.render(params, role)}
        </ErrorBoundary>
      );
  }
  return (
    <ErrorState
      title="Nothing here"
      message="This page does not exist, or your role may not open it."
      retryLabel="Go to your start page"
      onRetry={() => navigate("/")}
    />
  );
}

export function App() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { token, me, signIn, signOut } = useSession();
  const path = useNavigation((s) => s.path);
  const meQuery = useQuery({ ...trpc.me.queryOptions(), enabled: token !== null && me === null });

  useEffect(() => {
    if (token && !me && meQuery.data) signIn(token, meQuery.data as Me);
  }, [token, me, meQuery.data, signIn]);
  useEffect(() => {
    if (meQuery.error && errorCode(meQuery.error) === "UNAUTHORIZED") signOut();
  }, [meQuery.error, signOut]);

  const role = me?.role;
  const links = role ? linksFor(role, me?.approver === true) : [];
  useEffect(() => {
    if (role && (path === "/" || path === "")) navigate(links[0]?.href ?? "/catalogs", { replace: true });
  }, [role, path, links]);

  let body: React.ReactNode;
  if (!token) body = <SignInScreen />;
  else if (!me)
    body = meQuery.error ? (
      <ErrorState
        title="Could not sign in"
        message={errorMessage(meQuery.error)}
        onRetry={() => meQuery.refetch()}
      />
    ) : (
      <LoadingState label="Signing in" />
    );
  else body = <Screen role={me.role} approver={me.approver === true} path={path} />;

  // The self-service configurator is public: anyone opens it, signed in or not, without the app frame.
  const publicPage = matchPath("/configure/:catalogId", path);
  if (publicPage)
    return (
      <ErrorBoundary label="this page" resetKey={path} onError={(e) => console.warn(e)}>
        <PublicConfigurator catalogId={publicPage.catalogId!} />
      </ErrorBoundary>
    );

  const current = links.find((l) => path.startsWith(l.href))?.href;
  return (
    <AppShell
      links={links}
      {...(current ? { current } : {})}
      {...(role ? { role } : {})}
      onSignOut={() => {
        signOut();
        queryClient.clear();
        navigate("/");
      }}
      onNavigate={(href) => navigate(href)}
    >
      {body}
    </AppShell>
  );
}
