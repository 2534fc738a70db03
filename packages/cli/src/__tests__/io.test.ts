import { describe, expect, it } from "vitest";
import { userCwd } from "../io.ts";

describe("userCwd", () => {
  it("uses INIT_CWD when run through the `tessera` package script", () => {
    expect(
      userCwd({ npm_lifecycle_event: "tessera", INIT_CWD: "/home/me/catalogs" }, "/repo/packages/cli"),
    ).toBe("/home/me/catalogs");
  });

  it("keeps the process directory otherwise, even when another script set INIT_CWD", () => {
    expect(userCwd({ npm_lifecycle_event: "test", INIT_CWD: "/repo" }, "/tmp/work")).toBe("/tmp/work");
    expect(userCwd({}, "/tmp/work")).toBe("/tmp/work");
  });
});
