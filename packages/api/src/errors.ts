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
