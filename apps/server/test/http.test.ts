/**
 * Hostile HTTP input: oversized bodies, broken JSON, deep nesting and prototype keys get clear
 * errors without stack traces, the server keeps serving, and the database is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, boot, type Running } from "./harness.ts";

describe.each(backends)("hostile requests on %s", (backend) => {
  let run: Running;
  let before: string;

  const post = (path: string, body: string | Uint8Array, token = run.tokens.admin) =>
    fetch(`${run.url}/trpc/${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    });

  const snapshot = async () => {
    const parts: string[] = [];
    for (const table of [
      "catalogs",
      "drafts",
      "catalog_versions",
      "quotes",
      "arrangements",
      "audit_log",
      "api_tokens",
    ])
      parts.push(JSON.stringify(await run.server.services.db.query(`SELECT * FROM ${table} ORDER BY 1`)));
    return parts.join("\n");
  };

  beforeAll(async () => {
    run = await boot(backend);
    await run
      .client(run.tokens.designer)
      .catalogs.createDraft.mutate({ from: "empty", catalogId: "c1", name: "C1" });
    before = await snapshot();
  });
  afterAll(() => run.close());

  it("refuses a body over the limit with 413 and a clear message", async () => {
    const huge = JSON.stringify({ from: "json", doc: { id: "big", name: "x".repeat(11 * 1024 * 1024) } });
    const res = await post("catalogs.createDraft", huge);
    expect(res.status).toBe(413);
    const text = await res.text();
    expect(text).toMatch(/limit|larger/);
    expect(text).not.toMatch(/node_modules|\.ts:\d+/);
  });

  it("refuses a streamed body over the limit (no Content-Length) with 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0)
          controller.enqueue(new TextEncoder().encode('{"from":"json","doc":{"id":"big","name":"'));
        if (sent >= 12) {
          controller.enqueue(new TextEncoder().encode('"}}'));
          controller.close();
          return;
        }
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${run.url}/trpc/catalogs.createDraft`, {
      method: "POST",
      headers: { authorization: `Bearer ${run.tokens.admin}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/larger than/);
  });

  it("answers broken JSON, deep nesting and __proto__ keys with 400 and located diagnostics", async () => {
    const broken = await post("catalogs.updateDraft", '{"catalogId": "c1", "revision": 1, "doc": {');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error).toMatchObject({
      message:
        "The request body is not valid JSON: line 1, column 44: expected a property name in double quotes, found the end of the text.",
      data: { code: "PARSE_ERROR", httpStatus: 400, diagnostics: [{ code: "json.syntax", pointer: "" }] },
    });

    const deep = `{"catalogId":"c1","revision":1,"doc":{"id":"c1","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    const deepRes = await post("catalogs.updateDraft", deep);
    expect(deepRes.status).toBe(400);
    const deepErr = (await deepRes.json()) as { error: { data: { diagnostics: { code: string }[] } } };
    expect(deepErr.error.data.diagnostics[0]!.code).toBe("input.too-deep");

    const proto = await post(
      "catalogs.updateDraft",
      '{"catalogId":"c1","revision":1,"doc":{"id":"c1","name":"C1","__proto__":{"polluted":true}}}',
    );
    expect(proto.status).toBe(400);
    const protoErr = (await proto.json()) as {
      error: { message: string; data: { diagnostics: { pointer: string }[] } };
    };
    expect(protoErr.error.data.diagnostics[0]!.pointer).toBe("/doc/__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const wrongType = await post(
      "catalogs.updateDraft",
      '{"catalogId":"c1","revision":"2","doc":{"id":"c1"}}',
    );
    expect(wrongType.status).toBe(400);
    const wrongErr = (await wrongType.json()) as {
      error: { message: string; data: { diagnostics: { pointer: string }[] } };
    };
    expect(wrongErr.error.data.diagnostics[0]!.pointer).toBe("/revision");
    expect(JSON.stringify(wrongErr)).not.toMatch(/stack|\.ts:\d+/);
  });

  it("keeps serving afterwards, with the database unchanged", async () => {
    expect(await snapshot()).toBe(before);
    const health = await fetch(`${run.url}/healthz`);
    expect(health.status).toBe(200);
    const me = await run.client(run.tokens.reader).me.query();
    expect(me.role).toBe("reader");
  });

  it("answers unknown procedures and addresses with 404", async () => {
    expect((await post("catalogs.nothing", "{}")).status).toBe(404);
    expect((await fetch(`${run.url}/nowhere`)).status).toBe(404);
  });
});
