import { describe, expect, it } from "vitest";
import { parseArgs } from "../args.ts";

describe("parseArgs", () => {
  it("separates positionals, flags and options in any order", () => {
    const r = parseArgs(["--json", "cat.json", "--out", "x.json", "-"], {
      flags: ["json"],
      options: ["out"],
    });
    expect(r).toEqual({
      ok: true,
      positionals: ["cat.json", "-"],
      flags: new Set(["json"]),
      options: new Map([["out", "x.json"]]),
    });
  });

  it("accepts --option=value and treats words after -- as positionals", () => {
    const r = parseArgs(["--as-of=2026-01-31", "--", "--json"], { flags: ["json"], options: ["as-of"] });
    expect(r.ok && r.options.get("as-of")).toBe("2026-01-31");
    expect(r.ok && r.positionals).toEqual(["--json"]);
    expect(r.ok && r.flags.has("json")).toBe(false);
  });

  it("refuses unknown options, missing values and values on flags", () => {
    expect(parseArgs(["--jsn"], { flags: ["json"] })).toEqual({ ok: false, message: "unknown option --jsn" });
    expect(parseArgs(["-x"], {})).toEqual({ ok: false, message: "unknown option -x" });
    expect(parseArgs(["--out"], { options: ["out"] })).toEqual({ ok: false, message: "--out needs a value" });
    expect(parseArgs(["--out", "--json"], { flags: ["json"], options: ["out"] })).toEqual({
      ok: false,
      message: "--out needs a value",
    });
    expect(parseArgs(["--json=yes"], { flags: ["json"] })).toEqual({
      ok: false,
      message: "--json takes no value",
    });
  });
});
