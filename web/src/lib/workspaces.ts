// Pure helpers of the workspace screens: which workspace is chosen (the personal one unless another is remembered),
// what each role may do to whom, the invitation link of the SPA, and the refusals of a link in words.
import type { UserErrorLike } from "./errors";

export const ROLES = ["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_WORDS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  EDITOR: "Editor",
  VIEWER: "Viewer",
};

export const ROLE_HINTS: Record<Role, string> = {
  OWNER: "everything, including deleting or handing over the workspace",
  ADMIN: "also renames it and manages editors, viewers and invitations",
  EDITOR: "reads and generates",
  VIEWER: "reads",
};

export interface WorkspaceLike {
  id: string;
  kind: "PERSONAL" | "TEAM";
}

/** The personal workspace first, the others in the order the API gave (newest joined first). */
export function orderWorkspaces<W extends WorkspaceLike>(workspaces: readonly W[]): W[] {
  return [...workspaces.filter((w) => w.kind === "PERSONAL"), ...workspaces.filter((w) => w.kind !== "PERSONAL")];
}

/** How the switcher names a workspace: the personal one as such, a team one with the caller's role in it. */
export function workspaceLabel(workspace: { name: string; kind: string; role: Role }): string {
  return workspace.kind === "PERSONAL" ? `${workspace.name} (personal)` : `${workspace.name} (${ROLE_WORDS[workspace.role].toLowerCase()})`;
}

/** The remembered workspace while the caller still belongs to it, else the personal one, else the first. */
export function chooseWorkspace<W extends WorkspaceLike>(workspaces: readonly W[], remembered: string | null): W | null {
  return (
    workspaces.find((w) => w.id === remembered) ?? workspaces.find((w) => w.kind === "PERSONAL") ?? workspaces[0] ?? null
  );
}

/** Where the choice is kept: one key per account, so two people sharing a browser keep their own. */
export function choiceKey(subject: string | null | undefined): string {
  return `playground.workspace.${subject ?? ""}`;
}

function rank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Whether this role may invite people and see the workspace's invitations. */
export function canInvite(role: Role): boolean {
  return role === "OWNER" || role === "ADMIN";
}

/** The roles someone with `role` may give (to a new or existing member): those below their own, admins and up only. */
export function assignableRoles(role: Role): Role[] {
  return canInvite(role) ? ROLES.filter((r) => rank(r) > rank(role)) : [];
}

/** Whether `mine` may change the role of, or remove, a member with `theirs` (someone below them, admins and up only). */
export function canManage(mine: Role, theirs: Role): boolean {
  return canInvite(mine) && rank(theirs) > rank(mine);
}

/** The link an invitee opens: the SPA's join route on this origin. */
export function invitationUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, "")}/join/${encodeURIComponent(token)}`;
}

const REFUSALS: Record<string, string> = {
  INVITATION_UNKNOWN: "This invitation link is not valid: check that it was copied whole, or ask for a new one.",
  INVITATION_ACCEPTED: "This invitation link has been used already: each link works once. Ask for a new one.",
  INVITATION_REVOKED: "This invitation was revoked by the workspace. Ask for a new one if you still need access.",
  INVITATION_EXPIRED: "This invitation link has expired. Ask for a new one.",
  INVITATION_OTHER_ACCOUNT: "This invitation is for another account: sign in with the email address it was sent to.",
  ALREADY_MEMBER: "You are a member of this workspace already.",
};

/** Why a link was refused, in words (by the error's `reason`, else its message). */
export function invitationRefusal(errors: readonly (UserErrorLike & { reason?: string })[] | null | undefined): string | null {
  const first = errors?.[0];
  if (!first) return null;
  return REFUSALS[first.reason ?? ""] ?? REFUSALS[first.code] ?? first.message;
}

/** An invitation's state in words, as of `now` (an open link past its expiry reads as expired). */
export function invitationState(
  invitation: { status: string; expiresAt: string; acceptedBy?: { displayName: string } | null },
  now: Date,
  format: (iso: string) => string,
): string {
  switch (invitation.status) {
    case "ACCEPTED":
      return invitation.acceptedBy ? `Used by ${invitation.acceptedBy.displayName}` : "Used";
    case "REVOKED":
      return "Revoked";
    case "EXPIRED":
      return "Expired";
    default:
      return new Date(invitation.expiresAt).getTime() <= now.getTime() ? "Expired" : `Open until ${format(invitation.expiresAt)}`;
  }
}
