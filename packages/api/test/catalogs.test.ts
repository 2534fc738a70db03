import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../src/services.ts";
import { sampleCatalog } from "./fixtures.ts";
import {
  backends,
  callerFor,
  errorOf,
  openTestDb,
  seedTokens,
  servicesFor,
  type TestDb,
  type Tokens,
} from "./harness.ts";

describe.each(backends)("catalogs on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db);
    tokens = await seedTokens(t.db);
  });
  afterAll(() => t.close());

  it("creates a draft from JSON, publishes it as version 1 and serves it unchanged", async () => {
    const designer = await callerFor(services, tokens.designer);
    const doc = sampleCatalog("saas");
    const draft = await designer.catalogs.createDraft({ from: "json", doc });
    expect(draft).toMatchObject({ catalogId: doc.id, revision: 1, basedOn: null });
    const v = await designer.catalogs.publish({ catalogId: draft.catalogId, revision: 1 });
    expect(v.version).toBe(1);
    expect(v.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const reader = await callerFor(services, tokens.reader);
    const got = await reader.catalogs.getVersion({ catalogId: draft.catalogId });
    expect(got.version).toBe(1);
    expect(got.doc).toEqual({ ...doc, version: 1 });
    const list = await reader.catalogs.list();
    expect(list.find((c) => c.id === doc.id)).toMatchObject({
      latestVersion: 1,
      draftRevision: null,
      retired: false,
    });
    const designed = await designer.catalogs.list();
    expect(designed.find((c) => c.id === doc.id)).toMatchObject({ latestVersion: 1, draftRevision: 1 });
    const audit = await t.db.query<{ action: string; actor: string }>(
      "SELECT action, actor FROM audit_log WHERE subject = $1 ORDER BY id",
      [`catalog:${doc.id}`],
    );
    expect(audit.map((a) => a.action)).toEqual(["draft.create", "catalog.publish"]);
    expect(audit.every((a) => a.actor === tokens.ids.designer)).toBe(true);
  });

  it("refuses a stale revision with CONFLICT and keeps the winning edit", async () => {
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({
      from: "empty",
      catalogId: "stale-test",
      name: "Stale test",
      currencies: ["EUR"],
    });
    const first = await designer.catalogs.updateDraft({
      catalogId: "stale-test",
      revision: draft.revision,
      doc: { ...draft.doc, name: "First" },
    });
    expect(first.revision).toBe(2);
    const err = await errorOf(
      designer.catalogs.updateDraft({
        catalogId: "stale-test",
        revision: 1,
        doc: { ...draft.doc, name: "Second" },
      }),
    );
    expect(err.code).toBe("CONFLICT");
    const now = await designer.catalogs.getDraft({ catalogId: "stale-test" });
    expect(now).toMatchObject({ revision: 2, doc: { name: "First", currencies: ["EUR"] } });
  });

  it("lets exactly one of two concurrent edits of one draft win", async () => {
    const a = await callerFor(services, tokens.designer);
    const b = await callerFor(services, tokens.admin);
    const draft = await a.catalogs.createDraft({ from: "empty", catalogId: "race", name: "Race" });
    const results = await Promise.allSettled([
      a.catalogs.updateDraft({
        catalogId: "race",
        revision: draft.revision,
        doc: { ...draft.doc, name: "By A" },
      }),
      b.catalogs.updateDraft({
        catalogId: "race",
        revision: draft.revision,
        doc: { ...draft.doc, name: "By B" },
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason as TRPCError;
    expect(reason.code).toBe("CONFLICT");
    const winner = results[0]!.status === "fulfilled" ? "By A" : "By B";
    const stored = await a.catalogs.getDraft({ catalogId: "race" });
    expect(stored).toMatchObject({ revision: 2, doc: { name: winner } });
    // The loser re-reads and reapplies: nothing is lost.
    const loserName = winner === "By A" ? "By B" : "By A";
    const retried = await b.catalogs.updateDraft({
      catalogId: "race",
      revision: stored.revision,
      doc: { ...stored.doc, description: loserName },
    });
    expect(retried.revision).toBe(3);
    expect((await a.catalogs.getDraft({ catalogId: "race" })).doc).toMatchObject({
      name: winner,
      description: loserName,
    });
  });

  it("refuses to publish an invalid draft with every diagnostic, and publishes nothing", async () => {
    const designer = await callerFor(services, tokens.designer);
    const doc = sampleCatalog("hybrid");
    const draft = await designer.catalogs.createDraft({ from: "json", doc: { ...doc, currencies: [] } });
    const err = await errorOf(
      designer.catalogs.publish({ catalogId: draft.catalogId, revision: draft.revision }),
    );
    expect(err.code).toBe("UNPROCESSABLE_CONTENT");
    const details = (err.cause as { extras?: { diagnostics?: unknown[] } }).extras;
    expect(details?.diagnostics?.length).toBeGreaterThan(0);
    expect(details?.diagnostics?.[0]).toMatchObject({ severity: "error", pointer: expect.any(String) });
    const versions = await designer.catalogs.listVersions({ catalogId: draft.catalogId });
    expect(versions).toEqual([]);
    const validation = await designer.catalogs.validate({ catalogId: draft.catalogId });
    expect(validation.valid).toBe(false);
  });

  it("refuses branding that would carry CSS or a script URL, each at its field", async () => {
    const designer = await callerFor(services, tokens.designer);
    const doc = { ...sampleCatalog("saas"), id: "hostile-branding" } as Record<string, unknown>;
    const hostile = [
      ["red; background:url(https://evil.example/x)", "javascript:alert(1)"],
      ["#3b5bdb;}body{display:none", "data:text/html;base64,PHNjcmlwdD4="],
      ["var(--x)", "http://cdn.example/logo.png"],
      ["#3b5bdb", "data:image/svg+xml,<svg onload=alert(1)>"],
    ];
    for (const [accentColor, logoUrl] of hostile) {
      const branding = { ...(doc.branding as object), accentColor, logoUrl };
      const { valid, diagnostics } = await designer.catalogs.validate({ doc: { ...doc, branding } });
      expect(valid).toBe(false);
      const at = diagnostics.filter((d) => d.severity === "error").map((d) => d.pointer);
      if (accentColor !== "#3b5bdb") expect(at).toContain("/branding/accentColor");
      expect(at).toContain("/branding/logoUrl");
    }
  });

  it("publishes successive versions, keeps old ones immutable and diffs them", async () => {
    const designer = await callerFor(services, tokens.designer);
    const doc = sampleCatalog("connectivity");
    const id = doc.id as string;
    const d1 = await designer.catalogs.createDraft({ from: "json", doc });
    const v1 = await designer.catalogs.publish({ catalogId: id, revision: d1.revision });
    const d2 = await designer.catalogs.updateDraft({
      catalogId: id,
      revision: d1.revision,
      doc: { ...doc, name: "Connectivity v2" },
    });
    const v2 = await designer.catalogs.publish({ catalogId: id, revision: d2.revision });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2.contentHash).not.toBe(v1.contentHash);
    const old = await designer.catalogs.getVersion({ catalogId: id, version: 1 });
    expect(old.doc.name).toBe(doc.name);
    expect(old.contentHash).toBe(v1.contentHash);
    const { changes } = await designer.catalogs.diff({ catalogId: id, from: 1, to: 2 });
    expect(changes).toEqual([
      { kind: "changed", pointer: "/name", before: doc.name, after: "Connectivity v2" },
      { kind: "changed", pointer: "/version", before: 1, after: 2 },
    ]);
    await expect(
      t.db.query("UPDATE catalog_versions SET body = '{}' WHERE catalog_id = $1", [id]),
    ).rejects.toThrow(/immutable/);
    const versions = await designer.catalogs.listVersions({ catalogId: id });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    // A draft started again from version 1 carries the old document.
    const back = await designer.catalogs.createDraft({
      from: "version",
      catalogId: id,
      version: 1,
      revision: d2.revision,
    });
    expect(back).toMatchObject({ basedOn: 1, doc: { name: doc.name } });
    const reader = await callerFor(services, tokens.reader);
    const draftDiff = await errorOf(reader.catalogs.diff({ catalogId: id, from: 2, to: "draft" }));
    expect(draftDiff.code).toBe("FORBIDDEN");
  });

  it("publishes one version when the same draft revision is published twice at once", async () => {
    const a = await callerFor(services, tokens.designer);
    const b = await callerFor(services, tokens.admin);
    const draft = await a.catalogs.createDraft({
      from: "json",
      doc: { ...sampleCatalog("saas"), id: "double-click" },
    });
    const results = await Promise.allSettled([
      a.catalogs.publish({ catalogId: "double-click", revision: draft.revision }),
      b.catalogs.publish({ catalogId: "double-click", revision: draft.revision }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as TRPCError).code).toBe("CONFLICT");
    expect((await a.catalogs.listVersions({ catalogId: "double-click" })).map((v) => v.version)).toEqual([1]);
  });

  it("retires a catalog: no more edits, versions still readable", async () => {
    const designer = await callerFor(services, tokens.designer);
    const draft = await designer.catalogs.createDraft({
      from: "empty",
      catalogId: "old-line",
      name: "Old line",
    });
    await designer.catalogs.retire({ catalogId: "old-line" });
    const err = await errorOf(
      designer.catalogs.updateDraft({ catalogId: "old-line", revision: draft.revision, doc: draft.doc }),
    );
    expect(err.code).toBe("PRECONDITION_FAILED");
    const list = await designer.catalogs.list();
    expect(list.some((c) => c.id === "old-line")).toBe(false);
    const all = await designer.catalogs.list({ includeRetired: true });
    expect(all.find((c) => c.id === "old-line")?.retired).toBe(true);
  });
});
