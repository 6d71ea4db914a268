// The generate form's state, driven by `capabilities`: which fields a mode shows, their bounds, and the
// `GenerateInput` the form sends (to `quote` while typing, to `generate` on submit).
import type { FieldErrors } from "./errors";

export type Mode = "TEXT_TO_IMAGE" | "EDIT" | "MULTI_REFERENCE" | "SEQUENTIAL" | "EDIT_SEQUENTIAL";
export type Tier = "K1" | "K2" | "K4";

export interface CapabilitiesLike {
  modes: readonly { mode: Mode; description: string; minReferences: number; maxReferences: number; producesSet: boolean }[];
  defaultSize: { tier: string; width: number; height: number };
  aspectRatios: readonly { ratio: string; sizes: readonly { tier: string; width: number; height: number }[] }[];
  limits: { maxCountPerPrompt: number; maxSetImages: number; maxPromptLength: number; maxReferences: number };
  prices: readonly { mode: Mode; tier: string; creditsPerImage: number }[];
  providerFacts: { seedSent: boolean };
}

export interface ReferenceChoice {
  uploadId: string;
  url: string | null;
  name: string;
}

export interface PresetChoice {
  presetId: string;
  weight: number;
  /** null: the preset's own default intensity. */
  intensity: number | null;
}

export interface GenerateForm {
  projectId: string;
  mode: Mode;
  prompt: string;
  count: number;
  maxImages: number;
  sizeKind: "ratio" | "custom";
  aspectRatio: string;
  resolution: Tier;
  size: string;
  references: ReferenceChoice[];
  presets: PresetChoice[];
  seed: string;
}

export interface GenerateInputShape {
  projectId: string;
  mode: Mode;
  prompt: string;
  count: number;
  maxImages?: number;
  size?: string;
  aspectRatio?: string;
  resolution?: Tier;
  references?: { uploadId: string }[];
  presets?: { presetId: string; weight: number; intensity?: number }[];
  seed?: number;
  idempotencyKey?: string;
}

export const MAX_PRESETS = 3;

/** Capabilities name tiers "1K"/"2K"/"4K"; the input enum is K1/K2/K4. */
export function tierOf(label: string): Tier {
  const map: Record<string, Tier> = { "1K": "K1", "2K": "K2", "4K": "K4", K1: "K1", K2: "K2", K4: "K4" };
  return map[label] ?? "K2";
}

export function tierLabel(tier: Tier): string {
  return { K1: "1K", K2: "2K", K4: "4K" }[tier];
}

export function modeRules(caps: CapabilitiesLike, mode: Mode) {
  const found = caps.modes.find((m) => m.mode === mode);
  return {
    minReferences: found?.minReferences ?? 0,
    maxReferences: Math.min(found?.maxReferences ?? 0, caps.limits.maxReferences),
    producesSet: found?.producesSet ?? false,
    description: found?.description ?? "",
  };
}

export function initialForm(caps: CapabilitiesLike, projectId = ""): GenerateForm {
  const ratio = caps.aspectRatios.find((r) => r.ratio === "1:1") ?? caps.aspectRatios[0];
  return {
    projectId,
    mode: caps.modes[0]?.mode ?? "TEXT_TO_IMAGE",
    prompt: "",
    count: 1,
    maxImages: Math.min(4, caps.limits.maxSetImages),
    sizeKind: ratio ? "ratio" : "custom",
    aspectRatio: ratio?.ratio ?? "",
    resolution: tierOf(caps.defaultSize.tier),
    size: `${caps.defaultSize.width}x${caps.defaultSize.height}`,
    references: [],
    presets: [],
    seed: "",
  };
}

/** Switch mode, dropping references the new mode cannot take. */
export function withMode(form: GenerateForm, caps: CapabilitiesLike, mode: Mode): GenerateForm {
  const rules = modeRules(caps, mode);
  return { ...form, mode, references: form.references.slice(0, rules.maxReferences) };
}

/** The resolution tiers offered for the chosen aspect ratio. */
export function tiersFor(caps: CapabilitiesLike, aspectRatio: string): { tier: Tier; width: number; height: number }[] {
  const ratio = caps.aspectRatios.find((r) => r.ratio === aspectRatio);
  return (ratio?.sizes ?? []).map((s) => ({ tier: tierOf(s.tier), width: s.width, height: s.height }));
}

export function priceFor(caps: CapabilitiesLike, mode: Mode, tier: Tier): number | null {
  return caps.prices.find((p) => p.mode === mode && tierOf(p.tier) === tier)?.creditsPerImage ?? null;
}

const SIZE = /^\s*(\d{2,5})\s*[x×*]\s*(\d{2,5})\s*$/i;

/**
 * The message for a prompt over the limit, or null. The prompt is kept whole (a pasted prompt is never cut: the
 * textarea has no maxLength), so the message says by how much to shorten it.
 */
export function promptTooLong(prompt: string, max: number): string | null {
  const over = prompt.length - max;
  if (over <= 0) return null;
  return `This prompt is ${prompt.length} characters; the limit is ${max}. Shorten it by ${over} character${over === 1 ? "" : "s"} (nothing was cut).`;
}

/** Problems the form can tell without asking the server (the server still checks everything). */
export function localProblems(form: GenerateForm, caps: CapabilitiesLike): FieldErrors {
  const problems: FieldErrors = {};
  const rules = modeRules(caps, form.mode);
  if (!form.projectId) problems.projectId = "Choose a project.";
  if (!form.prompt.trim()) problems.prompt = "Write a prompt.";
  else {
    const tooLong = promptTooLong(form.prompt, caps.limits.maxPromptLength);
    if (tooLong) problems.prompt = tooLong;
  }
  if (!Number.isInteger(form.count) || form.count < 1 || form.count > caps.limits.maxCountPerPrompt)
    problems.count = `Between 1 and ${caps.limits.maxCountPerPrompt}.`;
  if (rules.producesSet && (!Number.isInteger(form.maxImages) || form.maxImages < 1 || form.maxImages > caps.limits.maxSetImages))
    problems.maxImages = `Between 1 and ${caps.limits.maxSetImages}.`;
  if (form.references.length < rules.minReferences)
    problems.references = `This mode needs at least ${rules.minReferences} reference image${rules.minReferences === 1 ? "" : "s"}.`;
  if (form.sizeKind === "custom" && !SIZE.test(form.size)) problems.size = "Write the size as WIDTHxHEIGHT, e.g. 2048x2048.";
  if (form.seed.trim() && !/^-?\d+$/.test(form.seed.trim())) problems.seed = "A whole number.";
  if (form.presets.length > MAX_PRESETS) problems.presets = `At most ${MAX_PRESETS} presets.`;
  form.presets.forEach((p, i) => {
    if (!(p.weight > 0 && p.weight <= 100)) problems[`presets.${i}.weight`] = "Above 0, at most 100.";
    if (p.intensity !== null && !(p.intensity >= 0 && p.intensity <= 1)) problems[`presets.${i}.intensity`] = "Between 0 and 1.";
  });
  return problems;
}

/** What the form sends. Fields the mode does not use are left out, so the server's defaults (and presets') apply. */
export function toGenerateInput(form: GenerateForm, caps: CapabilitiesLike, idempotencyKey?: string): GenerateInputShape {
  const rules = modeRules(caps, form.mode);
  const input: GenerateInputShape = { projectId: form.projectId, mode: form.mode, prompt: form.prompt, count: form.count };
  if (rules.producesSet) input.maxImages = form.maxImages;
  if (form.sizeKind === "custom") {
    const match = SIZE.exec(form.size);
    input.size = match ? `${match[1]}x${match[2]}` : form.size.trim();
  } else {
    input.aspectRatio = form.aspectRatio;
    input.resolution = form.resolution;
  }
  if (rules.maxReferences > 0 && form.references.length > 0)
    input.references = form.references.map((r) => ({ uploadId: r.uploadId }));
  if (form.presets.length > 0)
    input.presets = form.presets.map((p) => ({
      presetId: p.presetId,
      weight: p.weight,
      ...(p.intensity === null ? {} : { intensity: p.intensity }),
    }));
  if (caps.providerFacts.seedSent && /^-?\d+$/.test(form.seed.trim())) input.seed = Number(form.seed.trim());
  if (idempotencyKey) input.idempotencyKey = idempotencyKey;
  return input;
}

export interface RemixLike {
  projectId: string;
  mode: Mode;
  prompt: string;
  maxImages?: number | null;
  size: string;
  seed?: number | null;
  references: readonly { uploadId: string }[];
  presets: readonly { presetId: string; version?: number | null; weight?: number | null; intensity?: number | null }[];
}

/** The form for an image's `remix` parameters: the same call, ready to tweak. */
export function fromRemix(remix: RemixLike, caps: CapabilitiesLike): GenerateForm {
  const base = initialForm(caps, remix.projectId);
  const match = SIZE.exec(remix.size);
  let sizeKind: GenerateForm["sizeKind"] = "custom";
  let aspectRatio = base.aspectRatio;
  let resolution = base.resolution;
  if (match) {
    const [w, h] = [Number(match[1]), Number(match[2])];
    for (const ratio of caps.aspectRatios) {
      const size = ratio.sizes.find((s) => s.width === w && s.height === h);
      if (size) {
        sizeKind = "ratio";
        aspectRatio = ratio.ratio;
        resolution = tierOf(size.tier);
        break;
      }
    }
  }
  return {
    ...base,
    mode: remix.mode,
    prompt: remix.prompt,
    maxImages: remix.maxImages ?? base.maxImages,
    sizeKind,
    aspectRatio,
    resolution,
    size: remix.size,
    references: remix.references.map((r, i) => ({ uploadId: r.uploadId, url: null, name: `Reference ${i + 1}` })),
    presets: remix.presets.slice(0, MAX_PRESETS).map((p) => ({
      presetId: p.presetId,
      weight: p.weight ?? 1,
      intensity: p.intensity ?? null,
    })),
    seed: remix.seed === null || remix.seed === undefined ? "" : String(remix.seed),
  };
}

/** A fresh idempotency key per distinct submission: a double click sends the same key and is charged once. */
export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}
