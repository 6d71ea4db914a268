import { describe, expect, it } from "vitest";
import { expiryFromDays, keyExpiry, keyLastUse } from "./apiKeys";

const NOW = new Date("2026-12-05T10:00:00Z");
const fmt = (iso: string) => `<${iso.slice(0, 10)}>`;

describe("expiryFromDays", () => {
  it("adds whole days in UTC", () => {
    expect(expiryFromDays(30, NOW)).toBe("2027-01-04T10:00:00.000Z");
  });
  it("means never for zero, negative or non-numbers", () => {
    expect(expiryFromDays(0, NOW)).toBeNull();
    expect(expiryFromDays(-3, NOW)).toBeNull();
    expect(expiryFromDays(Number.NaN, NOW)).toBeNull();
  });
});

describe("keyExpiry", () => {
  it("tells never, expired and a future expiry apart", () => {
    expect(keyExpiry(null, NOW, fmt)).toBe("Never expires");
    expect(keyExpiry("2026-12-05T10:00:00Z", NOW, fmt)).toBe("Expired");
    expect(keyExpiry("2027-01-01T00:00:00Z", NOW, fmt)).toBe("Expires <2027-01-01>");
  });
});

describe("keyLastUse", () => {
  it("shows the time and the client address", () => {
    expect(keyLastUse(null, null, fmt)).toBe("Never used");
    expect(keyLastUse("2026-12-04T09:00:00Z", "203.0.113.9", fmt)).toBe("<2026-12-04> from 203.0.113.9");
    expect(keyLastUse("2026-12-04T09:00:00Z", null, fmt)).toBe("<2026-12-04>");
  });
});
