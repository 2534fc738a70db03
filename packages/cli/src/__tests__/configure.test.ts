import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { examples, run } from "./harness.ts";

const quote = JSON.parse(readFileSync(`${examples}saas.quote.json`, "utf8"));

describe("tessera configure", () => {
  it("prints every choice with its state and exits 0 on a valid selection", async () => {
    const r = await run([
      "configure",
      "schemas/examples/saas.catalog.json",
      "schemas/examples/saas.quote.json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("collab-business (12 months, per year, EUR): valid, complete");
    expect(r.stdout).toContain(
      "[-] biz-hipaa (HIPAA BAA) disabled — Disabled: rule `HIPAA needs US hosting` excludes it with your pick `European Union`.",
    );
    expect(r.stdout).toContain("[x] collab-sso (SSO & SCIM) selected");
    // Pick-one groups: the other options are switches, naming the picks they replace (a nested
    // region goes with its residency), with no "excluded" reason.
    expect(r.stdout).toContain(
      "[~] biz-res-us (United States) switch — replaces biz-res-eu, biz-eu-frankfurt\n",
    );
    expect(r.stdout).toContain("[~] biz-eu-dublin (Dublin (eu-west)) switch — replaces biz-eu-frankfurt\n");
    // Terms and billing periods, each with its state: a yearly period cannot bill a 1-month term.
    expect(r.stdout).toContain(
      [
        "Terms:",
        "  [-] 1 month disabled — A yearly billing period is longer than the 1-month term.",
        "  [x] 12 months selected",
        "  [ ] 36 months available",
        "Billing periods:",
        "  [ ] per month available",
        "  [x] per year selected",
      ].join("\n"),
    );
  });

  it("exits 1 and prints the violations of conflicting picks", async () => {
    const bad = { ...quote, picks: ["biz-hipaa", "biz-res-eu", "biz-support-standard"] };
    const r = await run(["configure", "schemas/examples/saas.catalog.json", "-"], {
      stdin: JSON.stringify(bad),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Violations:");
    expect(r.stdout).toMatch(
      /error config\.conflict \/picks\/1 `European Union` cannot go with your pick `HIPAA BAA`/,
    );
  });

  it("prints the configuration as JSON with --json", async () => {
    const r = await run([
      "configure",
      "--json",
      "schemas/examples/saas.catalog.json",
      "schemas/examples/saas.quote.json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(true);
    const hipaa = out.options.find((o: { id: string }) => o.id === "biz-hipaa");
    expect(hipaa.state).toBe("disabled");
    expect(hipaa.reason.picks).toEqual(["biz-res-eu"]);
    expect(hipaa.reason.rules).toEqual(["biz-hipaa-needs-us"]);
  });

  it("exits 2 on a missing file or a wrong number of arguments", async () => {
    expect((await run(["configure", "schemas/examples/saas.catalog.json"])).code).toBe(2);
    const missing = await run(["configure", "schemas/examples/saas.catalog.json", "nope.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read nope.json");
  });

  it("reports an unknown package as a violation, not a crash", async () => {
    const r = await run(["configure", "schemas/examples/saas.catalog.json", "-"], {
      stdin: JSON.stringify({ package: "no-such-package" }),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("config.unknown-package /package");
  });
});
