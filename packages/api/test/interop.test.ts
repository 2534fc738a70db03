/** The interop procedures: formats of a published version, the breaking diff, a CSV preview on the draft. */
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

describe.each(backends)("interop on %s", (backend) => {
  let t: TestDb;
  let services: Services;
  let tokens: Tokens;

  beforeAll(async () => {
    t = await openTestDb(backend);
    services = servicesFor(t.db);
    tokens = await seedTokens(t.db);
  });
  afterAll(() => t.close());

  it("exports a published version, diffs the draft against it and previews a price sheet", async () => {
    const designer = await callerFor(services, tokens.designer);
    const doc = sampleCatalog("saas");
    const draft = await designer.catalogs.createDraft({ from: "json", doc });
    await designer.catalogs.publish({ catalogId: draft.catalogId, revision: 1 });
    const reader = await callerFor(services, tokens.reader);

    const kb = await reader.interop.exportVersion({ catalogId: draft.catalogId, format: "killbill" });
    expect(kb.contentType).toBe("application/xml");
    expect(kb.text).toContain(`<catalogName>${draft.catalogId}</catalogName>`);
    expect(kb.losses.length).toBeGreaterThan(0);
    const csv = await reader.interop.exportVersion({ catalogId: draft.catalogId, version: 1, format: "csv" });
    expect(csv.text.split("\n")[0]).toBe(
      "package,charge,model,currency,billing_period,price_book,amount,unit_amount,included_units,tiers,steps,percent,fixed_amount,min_amount,max_amount",
    );
    const bad = await errorOf(reader.interop.exportVersion({ catalogId: draft.catalogId, format: "yaml" }));
    expect(bad.code).toBe("BAD_REQUEST");

    const preview = await designer.interop.previewPriceSheet({
      catalogId: draft.catalogId,
      csv: csv.text.replace("10=12.00; 50=10.00; inf=8.00", "10=13.00; 50=10.00; inf=8.00"),
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview.diagnostics));
    expect(preview.diff.changes.map((c) => c.code)).toEqual(["price.changed"]);
    const current = await designer.catalogs.getDraft({ catalogId: draft.catalogId });
    await designer.catalogs.updateDraft({
      catalogId: draft.catalogId,
      revision: current.revision,
      doc: preview.catalog as unknown as Record<string, unknown>,
    });
    const diff = await reader.interop
      .breakingDiff({ catalogId: draft.catalogId, from: 1, to: "draft" })
      .catch((e) => e);
    expect(diff.code).toBe("FORBIDDEN");
    const forDesigner = await designer.interop.breakingDiff({
      catalogId: draft.catalogId,
      from: 1,
      to: "draft",
    });
    expect(forDesigner).toMatchObject({ breaking: false, changes: [{ code: "price.changed" }] });

    expect(
      (await errorOf(reader.interop.previewPriceSheet({ catalogId: draft.catalogId, csv: "" }))).code,
    ).toBe("FORBIDDEN");
  });
});
