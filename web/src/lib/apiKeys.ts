// Pure helpers of the API keys settings: the expiry a form choice means, and how a key's state reads.

export const SCOPES = ["READ", "GENERATE", "PRESETS", "GALLERY", "WEBHOOKS", "ANALYTICS"] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_WORDS: Record<Scope, string> = {
  READ: "Read your projects, batches, presets, gallery and credits; follow progress",
  GENERATE: "Generate, upload, and manage projects (spends credits)",
  PRESETS: "Create and change style presets",
  GALLERY: "Add to and change the gallery",
  WEBHOOKS: "Manage webhook endpoints",
  ANALYTICS: "Read usage analytics",
};

/** The `expiresAt` for "expires in `days` days" from `now` (ISO 8601, UTC); null for "never" (days = 0). */
export function expiryFromDays(days: number, now: Date): string | null {
  if (!Number.isFinite(days) || days <= 0) return null;
  return new Date(now.getTime() + Math.round(days) * 86_400_000).toISOString();
}

/** "Expired", "Never expires" or "Expires <when>" for a key's `expiresAt`, as of `now`. */
export function keyExpiry(expiresAt: string | null | undefined, now: Date, format: (iso: string) => string): string {
  if (!expiresAt) return "Never expires";
  return new Date(expiresAt).getTime() <= now.getTime() ? "Expired" : `Expires ${format(expiresAt)}`;
}

/** "Never used" or "<when> from <address>" for a key's last use. */
export function keyLastUse(at: string | null | undefined, address: string | null | undefined, format: (iso: string) => string): string {
  if (!at) return "Never used";
  return address ? `${format(at)} from ${address}` : format(at);
}
