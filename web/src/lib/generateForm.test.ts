import { describe, expect, it } from "vitest";
import { fromRemix, initialForm, localProblems, modeRules, promptTooLong, priceFor, tierOf, tiersFor, toGenerateInput, withMode, type CapabilitiesLike } from "./generateForm";

const caps: CapabilitiesLike = {
  modes: [
    { mode: "TEXT_TO_IMAGE", description: "From text.", minReferences: 0, maxReferences: 0, producesSet: false },
    { mode: "EDIT", description: "Edit one.", minReferences: 1, maxReferences: 1, producesSet: false },
    { mode: "MULTI_REFERENCE", description: "Blend.", minReferences: 2, maxReferences: 10, producesSet: false },
    { mode: "SEQUENTIAL", description: "A set.", minReferences: 0, maxReferences: 0, producesSet: true },
  ],
  defaultSize: { tier: "2K", width: 2048, height: 2048 },
  aspectRatios: [
    { ratio: "1:1", sizes: [{ tier: "1K", width: 1024, height: 1024 }, { tier: "2K", width: 2048, height: 2048 }] },
    { ratio: "16:9", sizes: [{ tier: "2K", width: 2560, height: 1440 }, { tier: "4K", width: 4096, height: 2304 }] },
  ],
  limits: { maxCountPerPrompt: 10, maxSetImages: 15, maxPromptLength: 2000, maxReferences: 10 },
  prices: [
    { mode: "TEXT_TO_IMAGE", tier: "2K", creditsPerImage: 1 },
    { mode: "TEXT_TO_IMAGE", tier: "4K", creditsPerImage: 2 },
  ],
  providerFacts: { seedSent: false },
};

describe("the generate form from capabilities", () => {
  it("starts from the first mode, a square at the default tier and a set of four", () => {
    const form = initialForm(caps, "p1");
    expect(form).toMatchObject({ projectId: "p1", mode: "TEXT_TO_IMAGE", count: 1, maxImages: 4, sizeKind: "ratio", aspectRatio: "1:1", resolution: "K2" });
  });

  it("reads each mode's reference bounds, capped by the request limit", () => {
    expect(modeRules(caps, "EDIT")).toMatchObject({ minReferences: 1, maxReferences: 1, producesSet: false });
    expect(modeRules({ ...caps, limits: { ...caps.limits, maxReferences: 3 } }, "MULTI_REFERENCE").maxReferences).toBe(3);
    expect(modeRules(caps, "SEQUENTIAL").producesSet).toBe(true);
  });

  it("drops references a new mode cannot take", () => {
    const refs = [1, 2, 3].map((i) => ({ uploadId: `u${i}`, url: null, name: `r${i}` }));
    const form = { ...initialForm(caps, "p"), mode: "MULTI_REFERENCE" as const, references: refs };
    expect(withMode(form, caps, "EDIT").references.map((r) => r.uploadId)).toEqual(["u1"]);
    expect(withMode(form, caps, "TEXT_TO_IMAGE").references).toEqual([]);
  });

  it("offers the tiers of the chosen ratio and prices them", () => {
    expect(tiersFor(caps, "16:9").map((t) => t.tier)).toEqual(["K2", "K4"]);
    expect(priceFor(caps, "TEXT_TO_IMAGE", "K4")).toBe(2);
    expect(priceFor(caps, "EDIT", "K4")).toBeNull();
    expect(tierOf("1K")).toBe("K1");
  });

  it("finds problems before asking the server", () => {
    const form = { ...initialForm(caps, ""), prompt: " ", count: 11, mode: "EDIT" as const, sizeKind: "custom" as const, size: "big" };
    expect(Object.keys(localProblems(form, caps)).sort()).toEqual(["count", "projectId", "prompt", "references", "size"]);
    const fine = { ...initialForm(caps, "p"), prompt: "a fox" };
    expect(localProblems(fine, caps)).toEqual({});
    const badPreset = { ...fine, presets: [{ presetId: "x", weight: 0, intensity: 1.5 }] };
    expect(localProblems(badPreset, caps)).toEqual({ "presets.0.weight": "Above 0, at most 100.", "presets.0.intensity": "Between 0 and 1." });
  });

  it("sends only what the mode uses", () => {
    const text = toGenerateInput({ ...initialForm(caps, "p"), prompt: "a fox", maxImages: 7, seed: "42" }, caps, "key-1");
    expect(text).toEqual({ projectId: "p", mode: "TEXT_TO_IMAGE", prompt: "a fox", count: 1, aspectRatio: "1:1", resolution: "K2", idempotencyKey: "key-1" });
    const set = toGenerateInput({ ...initialForm(caps, "p"), mode: "SEQUENTIAL", prompt: "seasons", sizeKind: "custom", size: " 2048 × 1536 " }, caps);
    expect(set).toMatchObject({ maxImages: 4, size: "2048x1536" });
    expect(set).not.toHaveProperty("aspectRatio");
    const mixed = toGenerateInput(
      { ...initialForm(caps, "p"), prompt: "x", presets: [{ presetId: "a", weight: 2, intensity: null }, { presetId: "b", weight: 1, intensity: 0.3 }] },
      caps,
    );
    expect(mixed.presets).toEqual([{ presetId: "a", weight: 2 }, { presetId: "b", weight: 1, intensity: 0.3 }]);
    expect(toGenerateInput({ ...initialForm(caps, "p"), prompt: "x", seed: "42" }, { ...caps, providerFacts: { seedSent: true } }).seed).toBe(42);
  });

  it("fills the form from an image's remix parameters", () => {
    const form = fromRemix(
      {
        projectId: "p9",
        mode: "EDIT",
        prompt: "a harbour",
        maxImages: null,
        size: "2560x1440",
        seed: 7,
        references: [{ uploadId: "u1" }],
        presets: [{ presetId: "noir", version: 2, weight: 0.5, intensity: null }],
      },
      caps,
    );
    expect(form).toMatchObject({ projectId: "p9", mode: "EDIT", prompt: "a harbour", sizeKind: "ratio", aspectRatio: "16:9", resolution: "K2", seed: "7" });
    expect(form.references.map((r) => r.uploadId)).toEqual(["u1"]);
    expect(form.presets).toEqual([{ presetId: "noir", weight: 0.5, intensity: null }]);
    expect(fromRemix({ ...fromRemixBase, size: "1500x1000" }, caps)).toMatchObject({ sizeKind: "custom", size: "1500x1000" });
  });
});

const fromRemixBase = { projectId: "p", mode: "TEXT_TO_IMAGE" as const, prompt: "x", size: "1024x1024", references: [], presets: [] };

describe("a prompt over the limit", () => {
  it("is kept whole and named with the amount to cut", () => {
    const pasted = "a".repeat(2150);
    const form = { ...initialForm(caps, "p1"), prompt: pasted };
    expect(form.prompt).toHaveLength(2150);
    expect(localProblems(form, caps).prompt).toBe("This prompt is 2150 characters; the limit is 2000. Shorten it by 150 characters (nothing was cut).");
    expect(toGenerateInput(form, caps).prompt).toBe(pasted);
  });

  it("is no problem up to the limit, and one character over is singular", () => {
    expect(promptTooLong("a".repeat(2000), 2000)).toBeNull();
    expect(promptTooLong("a".repeat(2001), 2000)).toMatch(/Shorten it by 1 character \(/);
  });
});
