/**
 * Typed, located errors. A procedure throws `TRPCError` with an `ErrorDetails` cause; the error
 * formatter copies the details into the error's `data` so clients get them whole (catalog
 * diagnostics, the current revision on a conflict), and never a stack trace.
 */
import type { Diagnostic } from "@tessera/engine";
import { TRPCError } from "@trpc/server";

export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "PAYLOAD_TOO_LARGE"
  | "TOO_MANY_REQUESTS"
  | "UNPROCESSABLE_CONTENT";

/** Extra, client-facing facts about an error. */
export interface ErrorExtras {
  /** Every problem found, each located by a JSON Pointer (publish and input validation). */
  diagnostics?: Diagnostic[];
  /** The revision the draft is at now (on a stale-revision conflict). */
  currentRevision?: number;
}

/** Carries `ErrorExtras` through tRPC as the error's cause. */
export class ErrorDetails extends Error {
  constructor(
    message: string,
    readonly extras: ErrorExtras,
  ) {
    super(message);
    this.name = "ErrorDetails";
  }
}

/** Throws a typed error with a one-sentence message and optional located details. */
export function fail(code: ErrorCode, message: string, extras: ErrorExtras = {}): never {
  throw new TRPCError({ code, message, cause: new ErrorDetails(message, extras) });
}

/** The extras of an error, whether it was thrown by `fail` or by an input parser. */
export function extrasOf(error: TRPCError): ErrorExtras | undefined {
  const cause = error.cause;
  return cause instanceof ErrorDetails ? cause.extras : undefined;
}

/**
 * The client-facing error for a database refusal that the request caused, or `undefined` for a
 * real failure. Routers check input and take locks in one order so these should not happen; this
 * is the net under them, so a lost race is a 409 and a value the database cannot hold a 400,
 * never a 500. SQLSTATE class 22 is "data exception"; 40001 and 40P01 are a serialization
 * failure and a deadlock (the transaction was rolled back whole); 55P03 is a lock not available.
 * @see https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export function refusalOf(state: string | undefined): TRPCError | undefined {
  if (state === undefined) return undefined;
  if (state === "40001" || state === "40P01" || state === "55P03" || state === "23505") {
    const message =
      "Someone else changed this at the same moment; nothing was applied. Reload and try again.";
    return new TRPCError({ code: "CONFLICT", message, cause: new ErrorDetails(message, {}) });
  }
  if (state.startsWith("22")) {
    const message =
      "The request holds a value the database cannot store (a number out of range or text it cannot encode).";
    return new TRPCError({ code: "BAD_REQUEST", message, cause: new ErrorDetails(message, {}) });
  }
  return undefined;
}
