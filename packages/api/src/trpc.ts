/**
 * tRPC set-up: the request context, the error formatter (typed, located, no stack traces) and
 * `procedure(...roles)`, the only way routers build procedures, so every one checks its role.
 * @see https://trpc.io/docs/server/error-formatting
 */
import { jsonSyntaxMessage } from "@tessera/engine";
import { initTRPC, TRPCError } from "@trpc/server";
import type { Principal, Role } from "./auth/roles.ts";
import { bearerToken } from "./auth/tokens.ts";
import { sqlStateOf } from "./db/db.ts";
import { extrasOf, refusalOf } from "./errors.ts";
import type { Services } from "./services.ts";

export interface Context {
  services: Services;
  /** The caller, when a valid token was presented. */
  principal: Principal | null;
  /** Why no principal: no token, an unknown one, or a revoked one. */
  refused: "missing" | "unknown" | "revoked" | null;
  /**
   * The request body as received, when the server read it: tRPC parses it once, and only when
   * that fails is the text scanned again to say where (`jsonSyntaxMessage`).
   */
  body?: string;
  /** The client's network address, when the server knows it (the self-service request limit). */
  address?: string;
}

/** Builds the context of one request from its `Authorization` header (and its body text, if read). */
export async function createContext(
  services: Services,
  authorization: string | undefined,
  body?: string,
  address?: string,
): Promise<Context> {
  const token = bearerToken(authorization);
  const read = { ...(body === undefined ? {} : { body }), ...(address === undefined ? {} : { address }) };
  if (!token) return { services, principal: null, refused: "missing", ...read };
  const resolution = await services.tokens.resolve(token);
  if ("principal" in resolution) return { services, principal: resolution.principal, refused: null, ...read };
  return { services, principal: null, refused: resolution.refused, ...read };
}

const SAFE_MESSAGES: Partial<Record<TRPCError["code"], string>> = {
  INTERNAL_SERVER_ERROR: "Something went wrong on the server; the request was not applied.",
  PAYLOAD_TOO_LARGE: "The request body is too large.",
  METHOD_NOT_SUPPORTED: "This procedure does not accept that HTTP method.",
  PARSE_ERROR: "The request body is not valid JSON.",
};

/** The JSON-RPC number of a body that is not JSON. */
const PARSE_ERROR_CODE = -32700;

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const extras = extrasOf(error);
    const fromParser = error.code === "BAD_REQUEST" && error.cause instanceof SyntaxError;
    // A body that is not JSON, located in the text the server read (tRPC only says it is not JSON).
    const located =
      fromParser && ctx?.body !== undefined
        ? `The request body is not valid JSON: ${jsonSyntaxMessage(ctx.body, error.cause)}.`
        : undefined;
    const message =
      error.code === "PAYLOAD_TOO_LARGE" && ctx
        ? `The request body is larger than the ${ctx.services.maxBodyBytes} bytes this server accepts.`
        : (located ??
          (fromParser
            ? "The request body is not valid JSON."
            : (SAFE_MESSAGES[error.code] ??
              (error.cause && !extras ? "The request is not valid." : error.message))));
    return {
      code: located ? PARSE_ERROR_CODE : shape.code,
      message,
      data: {
        code: located ? "PARSE_ERROR" : shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path ?? null,
        diagnostics: located
          ? [{ code: "json.syntax", severity: "error", pointer: "", message: located }]
          : (extras?.diagnostics ?? null),
        currentRevision: extras?.currentRevision ?? null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The roles each kind of work admits (admin is admitted everywhere). */
export const can = {
  readPublished: ["admin", "designer", "seller", "reader", "account_manager"],
  design: ["admin", "designer"],
  sell: ["admin", "seller"],
  preview: ["admin", "designer", "seller"],
  administer: ["admin"],
  /** Open customers' accounts and arrangements and explore their paths (read-only). */
  viewAccounts: ["admin", "seller", "account_manager"],
  /** The customer portal: a customer token, scoped to its own customer. */
  portal: ["customer"],
} as const satisfies Record<string, readonly Role[]>;

/** The database refusal a request caused (a lost race, a value out of range) as a 409 or 400. */
const refusals = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const refusal = refusalOf(sqlStateOf(result.error.cause));
    if (refusal) throw refusal;
  }
  return result;
});

/**
 * A procedure anyone may call, with or without a token: only the public catalog's feed,
 * configure, price and the self-service quote request (public/router.ts) are built with it, and
 * each reads nothing but the latest version of a catalog marked public.
 */
export const publicProcedure = t.procedure.use(refusals);

/**
 * A procedure admitting only callers with one of `roles`; refuses missing and revoked tokens.
 * A database refusal the request caused (a lost race, a value out of range) becomes a 409 or 400.
 */
export function procedure(roles: readonly Role[]) {
  return t.procedure.use(async ({ ctx, next }) => {
    if (!ctx.principal) {
      const message =
        ctx.refused === "revoked"
          ? "This token has been revoked."
          : ctx.refused === "unknown"
            ? "This token is not valid."
            : "Sign in with an API token (Authorization: Bearer <token>).";
      throw new TRPCError({ code: "UNAUTHORIZED", message });
    }
    if (!roles.includes(ctx.principal.role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `The ${ctx.principal.role} role may not do this; it needs ${roles.join(" or ")}.`,
      });
    }
    const result = await next({ ctx: { ...ctx, principal: ctx.principal } });
    if (!result.ok) {
      const refusal = refusalOf(sqlStateOf(result.error.cause));
      if (refusal) throw refusal;
    }
    return result;
  });
}
