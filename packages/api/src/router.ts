import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { accountsRouter } from "./accounts/router.ts";
import { approvalsRouter } from "./approvals/router.ts";
import { arrangementsRouter } from "./arrangements/router.ts";
import { auditRouter } from "./audit-router.ts";
import { interopRouter } from "./catalogs/interop-router.ts";
import { catalogsRouter } from "./catalogs/router.ts";
import { portalRouter } from "./portal/router.ts";
import { publicRouter } from "./public/router.ts";
import { quotesRouter } from "./quotes/router.ts";
import { meProcedure, tokensRouter } from "./tokens/router.ts";
import { router } from "./trpc.ts";
import { webhooksRouter } from "./webhooks/router.ts";

/** The whole API. Procedures are grouped by the thing they act on. */
export const appRouter = router({
  me: meProcedure,
  catalogs: catalogsRouter,
  interop: interopRouter,
  quotes: quotesRouter,
  approvals: approvalsRouter,
  arrangements: arrangementsRouter,
  accounts: accountsRouter,
  portal: portalRouter,
  public: publicRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
