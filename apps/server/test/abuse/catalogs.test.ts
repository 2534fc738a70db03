/**
 * The catalog aggregate under concurrency and in readers' eyes (issue 11, items 3 and 4):
 * publish ‖ updateDraft × 50 answers only 200 or 409 (never a deadlock's 500), a lost race names
 * the current revision, and a reader sees published names only, with never-published catalogs
 * answered exactly like missing ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootCluster, type Cluster, call, sample, setups } from "./harness.ts";

describe.each(setups)("catalogs under concurrency on %s", (setup) => {
  let run: Cluster;

  beforeAll(async () => {
    run = await bootCluster(setup);
  });
  afterAll(async () => {
    await run.close();
    expect(run.failures).toEqual([]);
  });

  it("answers publish ‖ updateDraft × 50 with 200 or 409 only, 409 naming the current revision", async () => {
    const designer = run.tokens.designer;
    const doc = sample("saas");
    const id = doc.id as string;
    const created = await call(run.url(), "catalogs.createDraft", { from: "json", doc }, designer);
    expect(created.status).toBe(200);
    const statuses: number[] = [];
    let published = 0;
    for (let round = 0; round < 50; round++) {
      const draft = await call(run.url(), "catalogs.getDraft", { catalogId: id }, designer, "GET");
      const revision = (draft.body.result!.data as { revision: number }).revision;
      const edited = { ...doc, name: `Acme ${round}` };
      const [pub, upd] = await Promise.all([
        call(run.url(), "catalogs.publish", { catalogId: id, revision }, designer),
        call(run.url(), "catalogs.updateDraft", { catalogId: id, revision, doc: edited }, designer),
      ]);
      for (const res of [pub, upd]) {
        statuses.push(res.status);
        if (res.status === 409) {
          const now = await call(run.url(), "catalogs.getDraft", { catalogId: id }, designer, "GET");
          const current = (now.body.result!.data as { revision: number }).revision;
          expect(res.body.error?.data).toMatchObject({ code: "CONFLICT" });
          expect((res.body.error!.data as { currentRevision?: number }).currentRevision).toBe(current);
        }
      }
      if (pub.status === 200) published += 1;
      // The draft save reads the revision it was given: it always wins or loses cleanly too.
      expect([200, 409]).toContain(upd.status);
    }
    expect(statuses.filter((x) => x !== 200 && x !== 409)).toEqual([]);
    const versions = await call(run.url(), "catalogs.listVersions", { catalogId: id }, designer, "GET");
    expect((versions.body.result!.data as unknown[]).length).toBe(published);
  });

  it("shows readers published names only and hides never-published catalogs", async () => {
    const { designer, reader, seller } = run.tokens;
    const doc: Record<string, unknown> = { ...sample("hybrid"), name: "Hybrid (published)" };
    const id = doc.id as string;
    const d = await call(run.url(), "catalogs.createDraft", { from: "json", doc }, designer);
    const revision = (d.body.result!.data as { revision: number }).revision;
    expect((await call(run.url(), "catalogs.publish", { catalogId: id, revision }, designer)).status).toBe(
      200,
    );
    const renamed = await call(
      run.url(),
      "catalogs.updateDraft",
      { catalogId: id, revision, doc: { ...doc, name: "Secret new name" } },
      designer,
    );
    expect(renamed.status).toBe(200);
    await call(
      run.url(),
      "catalogs.createDraft",
      { from: "empty", catalogId: "unreleased", name: "Unreleased" },
      designer,
    );

    for (const token of [reader, seller]) {
      const list = await call(run.url(), "catalogs.list", undefined, token, "GET");
      const rows = list.body.result!.data as { id: string; name: string; draftName: string | null }[];
      expect(rows.find((r) => r.id === id)).toMatchObject({ name: "Hybrid (published)", draftName: null });
      expect(rows.map((r) => r.id)).not.toContain("unreleased");
      expect(JSON.stringify(rows)).not.toMatch(/Secret new name|Unreleased/);
      for (const [procedure, input] of [
        ["catalogs.listVersions", { catalogId: "unreleased" }],
        ["catalogs.diff", { catalogId: "unreleased", from: 1, to: 2 }],
        ["catalogs.getVersion", { catalogId: "unreleased" }],
      ] as const) {
        const unpublished = await call(run.url(), procedure, input, token, "GET");
        const missing = await call(
          run.url(),
          procedure,
          { ...input, catalogId: "nothing-here" },
          token,
          "GET",
        );
        expect(unpublished.status, procedure).toBe(404);
        expect(missing.status, procedure).toBe(404);
        expect(unpublished.body.error?.message.replace("unreleased", "X")).toBe(
          missing.body.error?.message.replace("nothing-here", "X"),
        );
      }
    }
    const designerList = await call(run.url(), "catalogs.list", undefined, designer, "GET");
    const rows = designerList.body.result!.data as { id: string; name: string; draftName: string | null }[];
    expect(rows.find((r) => r.id === id)).toMatchObject({
      name: "Hybrid (published)",
      draftName: "Secret new name",
    });
    expect(rows.find((r) => r.id === "unreleased")).toMatchObject({
      name: "Unreleased",
      draftName: "Unreleased",
    });
  });
});
