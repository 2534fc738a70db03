/**
 * Request bodies of tRPC calls, read before tRPC so a body that is not JSON can be answered with
 * where and why, in tRPC's own error shape (the web app and tRPC clients read that shape).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Diagnostic } from "@tessera/engine";

/** JSON-RPC error numbers tRPC answers with, by tRPC error code. */
const RPC_CODE = {
  PARSE_ERROR: -32700,
  BAD_REQUEST: -32600,
  METHOD_NOT_SUPPORTED: -32005,
  PAYLOAD_TOO_LARGE: -32013,
  TOO_MANY_REQUESTS: -32029,
} as const;

/** The body as text, or `ok: false` when it is larger than `maxBytes` (known once read, up to twice that). */
export function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        // The rest of a refused body is read and dropped before answering, so a client still
        // sending gets the 413 rather than a broken pipe; past twice the limit it is cut short.
        over = true;
        chunks.length = 0;
        if (size > 2 * maxBytes) {
          done = true;
          resolve({ ok: false });
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (done) return;
      done = true;
      resolve(over ? { ok: false } : { ok: true, text: Buffer.concat(chunks).toString("utf8") });
    });
    req.on("error", (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
  });
}

/** An error answered the way tRPC answers one (a single call's response). */
export function sendTrpcError(
  res: ServerResponse,
  status: number,
  code: keyof typeof RPC_CODE,
  message: string,
  diagnostics?: Diagnostic[],
): void {
  const body = JSON.stringify({
    error: {
      message,
      code: RPC_CODE[code],
      data: { code, httpStatus: status, ...(diagnostics ? { diagnostics } : {}) },
    },
  });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}
