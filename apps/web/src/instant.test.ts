import { formatInstant } from "@tessera/ui";
import { describe, expect, it } from "vitest";

describe("formatInstant", () => {
  it("shows the ISO date and the minute in UTC, whatever the offset it was written with", () => {
    expect(formatInstant("2026-12-07T06:22:41.123Z")).toBe("2026-12-07 06:22 UTC");
    expect(formatInstant("2026-12-07T08:22:41+02:00")).toBe("2026-12-07 06:22 UTC");
  });
  it("leaves text that is not a moment as it is", () => {
    expect(formatInstant("yesterday")).toBe("yesterday");
  });
});
