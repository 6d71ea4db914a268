import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  canInvite,
  canManage,
  choiceKey,
  chooseWorkspace,
  invitationRefusal,
  invitationState,
  invitationUrl,
  orderWorkspaces,
  workspaceLabel,
} from "./workspaces";

const personal = { id: "w-p", kind: "PERSONAL" as const };
const teamA = { id: "w-a", kind: "TEAM" as const };
const teamB = { id: "w-b", kind: "TEAM" as const };

describe("orderWorkspaces", () => {
  it("puts the personal workspace first and keeps the others' order", () => {
    expect(orderWorkspaces([teamA, personal, teamB]).map((w) => w.id)).toEqual(["w-p", "w-a", "w-b"]);
  });
});

describe("chooseWorkspace", () => {
  it("takes the remembered one while it is still listed", () => {
    expect(chooseWorkspace([personal, teamA], "w-a")).toBe(teamA);
  });
  it("falls back to the personal one when the remembered one is gone (left or removed)", () => {
    expect(chooseWorkspace([teamA, personal], "w-gone")).toBe(personal);
    expect(chooseWorkspace([teamA, personal], null)).toBe(personal);
  });
  it("takes the first without a personal one, and nothing from an empty list", () => {
    expect(chooseWorkspace([teamB, teamA], null)).toBe(teamB);
    expect(chooseWorkspace([], "w-a")).toBeNull();
  });
});

describe("workspaceLabel", () => {
  it("names the personal workspace as such and a team one with the caller's role", () => {
    expect(workspaceLabel({ name: "Alice", kind: "PERSONAL", role: "OWNER" })).toBe("Alice (personal)");
    expect(workspaceLabel({ name: "Studio", kind: "TEAM", role: "EDITOR" })).toBe("Studio (editor)");
  });
});

describe("choiceKey", () => {
  it("is per account", () => {
    expect(choiceKey("alice")).not.toBe(choiceKey("bob"));
  });
});

describe("roles", () => {
  it("lets only admins and the owner invite", () => {
    expect(["OWNER", "ADMIN", "EDITOR", "VIEWER"].map((r) => canInvite(r as "OWNER"))).toEqual([true, true, false, false]);
  });
  it("offers the roles below one's own", () => {
    expect(assignableRoles("OWNER")).toEqual(["ADMIN", "EDITOR", "VIEWER"]);
    expect(assignableRoles("ADMIN")).toEqual(["EDITOR", "VIEWER"]);
    expect(assignableRoles("EDITOR")).toEqual([]);
    expect(assignableRoles("VIEWER")).toEqual([]);
  });
  it("manages only members below", () => {
    expect(canManage("OWNER", "ADMIN")).toBe(true);
    expect(canManage("ADMIN", "ADMIN")).toBe(false);
    expect(canManage("ADMIN", "OWNER")).toBe(false);
    expect(canManage("ADMIN", "VIEWER")).toBe(true);
    expect(canManage("EDITOR", "VIEWER")).toBe(false);
  });
});

describe("invitationUrl", () => {
  it("points at the join route of this origin, the token escaped", () => {
    expect(invitationUrl("http://127.0.0.1:8000/", "pwi_a/b+c")).toBe("http://127.0.0.1:8000/join/pwi_a%2Fb%2Bc");
  });
});

describe("invitationRefusal", () => {
  it("says each refusal in words by its reason", () => {
    const refusal = (reason: string) => invitationRefusal([{ code: "CONFLICT", reason, message: "raw" }]);
    expect(refusal("INVITATION_EXPIRED")).toMatch(/expired/);
    expect(refusal("INVITATION_ACCEPTED")).toMatch(/used already/);
    expect(refusal("INVITATION_REVOKED")).toMatch(/revoked/);
    expect(refusal("INVITATION_OTHER_ACCOUNT")).toMatch(/another account/);
    expect(refusal("INVITATION_UNKNOWN")).toMatch(/not valid/);
  });
  it("falls back to the API's message, and is null without errors", () => {
    expect(invitationRefusal([{ code: "INVALID", reason: "TOO_LONG", message: "token is too long" }])).toBe("token is too long");
    expect(invitationRefusal([])).toBeNull();
  });
});

describe("invitationState", () => {
  const now = new Date("2026-12-05T10:00:00Z");
  const fmt = (iso: string) => `<${iso.slice(0, 10)}>`;
  it("reads open, used, revoked and expired", () => {
    expect(invitationState({ status: "PENDING", expiresAt: "2026-12-12T10:00:00Z" }, now, fmt)).toBe("Open until <2026-12-12>");
    expect(invitationState({ status: "PENDING", expiresAt: "2026-12-05T09:00:00Z" }, now, fmt)).toBe("Expired");
    expect(invitationState({ status: "ACCEPTED", expiresAt: "2026-12-12T10:00:00Z", acceptedBy: { displayName: "Bob" } }, now, fmt)).toBe("Used by Bob");
    expect(invitationState({ status: "REVOKED", expiresAt: "2026-12-12T10:00:00Z" }, now, fmt)).toBe("Revoked");
    expect(invitationState({ status: "EXPIRED", expiresAt: "2026-12-01T10:00:00Z" }, now, fmt)).toBe("Expired");
  });
});
