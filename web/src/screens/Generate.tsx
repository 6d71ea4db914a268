import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { ErrorBox, Field, FormErrors, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import type { GenerateInput, GenerateSetupQuery } from "../gql/graphql";
import { errorFor, fieldErrors, firstProblem, inputErrors, unplacedErrors, type FieldErrors } from "../lib/errors";
import { formatCredits, modeLabel, quoteSummary } from "../lib/format";
import {
  MAX_PRESETS,
  fromRemix,
  initialForm,
  localProblems,
  promptTooLong,
  modeRules,
  newIdempotencyKey,
  priceFor,
  tierLabel,
  tiersFor,
  toGenerateInput,
  withMode,
  type GenerateForm,
  type Mode,
} from "../lib/generateForm";

const GenerateSetup = graphql(`
  query GenerateSetup {
    capabilities {
      provider
      modes {
        mode
        description
        minReferences
        maxReferences
        producesSet
      }
      defaultSize {
        tier
        width
        height
      }
      aspectRatios {
        ratio
        sizes {
          tier
          width
          height
        }
      }
      sizeBounds {
        minSide
        maxSide
      }
      limits {
        maxCountPerPrompt
        maxSetImages
        maxPromptLength
        maxReferences
        maxReferenceBytes
        referenceContentTypes
      }
      prices {
        mode
        tier
        creditsPerImage
      }
      providerFacts {
        seedSent
        seedReproducible
        notes
      }
    }
    projects(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
    stylePresets(scope: VISIBLE, first: 100) {
      edges {
        node {
          id
          name
          version
          builtIn
          defaultIntensity
        }
      }
    }
  }
`);

const RemixQuery = graphql(`
  query Remix($id: ID!) {
    imageEdit(id: $id) {
      id
      url
      remix {
        projectId
        mode
        prompt
        maxImages
        size
        seed
        references {
          uploadId
        }
        presets {
          presetId
          version
          weight
          intensity
        }
      }
    }
  }
`);

const QuoteQuery = graphql(`
  query Quote($input: GenerateInput!) {
    quote(input: $input) {
      totalImages
      providerCalls
      width
      height
      sizeTier
      creditsPerImage
      totalCredits
      balance
      covered
    }
  }
`);

const GenerateMutation = graphql(`
  mutation Generate($input: GenerateInput!) {
    generate(input: $input) {
      created
      batchJob {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const UploadMutation = graphql(`
  mutation ImageUpload($file: Upload!) {
    imageUpload(file: $file) {
      image {
        id
        url
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Fields the form shows (errors of any other field go to the top of the form). */
const SHOWN = ["projectId", "mode", "prompt", "prompts", "count", "maxImages", "size", "aspectRatio", "resolution", "references", "presets", "stylePresetId", "seed"];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const handle = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(handle);
  }, [value, ms]);
  return debounced;
}

export function GenerateScreen() {
  const [params] = useSearchParams();
  const [setup, refetchSetup] = useQuery({ query: GenerateSetup });
  const remixId = params.get("remix");
  const [remix] = useQuery({ query: RemixQuery, variables: { id: remixId ?? "" }, pause: !remixId });

  if (setup.fetching && !setup.data) return <Loading what="Loading what this service can do" />;
  if (setup.error || !setup.data) return <ErrorBox error={setup.error ?? "No data."} retry={() => refetchSetup({ requestPolicy: "network-only" })} />;
  if (remixId && remix.fetching && !remix.data) return <Loading what="Loading the image to remix" />;
  if (setup.data.projects.edges.length === 0)
    return (
      <section>
        <PageHeader title="Generate" />
        <div className="state state-empty">
          <p>
            Images belong to a project. <Link to="/projects">Create a project</Link> first.
          </p>
        </div>
      </section>
    );

  const caps = setup.data.capabilities;
  const projects = setup.data.projects.edges.map((e) => e.node);
  let start = initialForm(caps, params.get("project") ?? projects[0]?.id ?? "");
  if (remix.data?.imageEdit) start = fromRemix(remix.data.imageEdit.remix, caps);
  const presetParam = params.get("preset");
  if (presetParam && start.presets.length === 0) start = { ...start, presets: [{ presetId: presetParam, weight: 1, intensity: null }] };
  return (
    <GenerateFormView
      key={`${remixId ?? ""}:${presetParam ?? ""}`}
      caps={caps}
      projects={projects}
      presets={setup.data.stylePresets.edges.map((e) => e.node)}
      start={start}
      remixOf={remix.data?.imageEdit?.url ?? null}
      remixImageId={remix.data?.imageEdit ? remixId : null}
      remixMissing={!!remixId && !remix.data?.imageEdit}
    />
  );
}

type Caps = GenerateSetupQuery["capabilities"];

interface ViewProps {
  caps: Caps;
  projects: { id: string; name: string }[];
  presets: { id: string; name: string; version: number; builtIn: boolean; defaultIntensity: number }[];
  start: GenerateForm;
  remixOf: string | null;
  /** The image being remixed: sent as `remixOfImageId`, so the batch records where it came from. */
  remixImageId: string | null;
  remixMissing: boolean;
}

function GenerateFormView({ caps, projects, presets, start, remixOf, remixImageId, remixMissing }: ViewProps) {
  const navigate = useNavigate();
  const [form, setForm] = useState<GenerateForm>(start);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [uploading, setUploading] = useState(false);
  const [generateState, generate] = useMutation(GenerateMutation);
  const [, upload] = useMutation(UploadMutation);
  // One key per distinct request: resubmitting the same form (a double click, a retry after a network error) is
  // charged once; any change makes a new key.
  const key = useRef(newIdempotencyKey());
  useEffect(() => {
    key.current = newIdempotencyKey();
  }, [form]);

  const rules = modeRules(caps, form.mode);
  const local = localProblems(form, caps);
  const input = useMemo(() => toGenerateInput(form, caps), [form, caps]);
  const quoteInput = useDebounced(input, 300);
  const quotable = Object.keys(local).length === 0;
  const [quote] = useQuery({ query: QuoteQuery, variables: { input: quoteInput as GenerateInput }, pause: !quotable, requestPolicy: "network-only" });
  const quoteErrors = inputErrors(quote.error);
  const errors: FieldErrors = { ...quoteErrors, ...serverErrors };
  const [touched, setTouched] = useState(false);
  const shownLocal = touched ? local : {};
  const err = (k: string) => errorFor(serverErrors, k) ?? errorFor(quoteErrors, k) ?? errorFor(shownLocal, k);

  const update = (patch: Partial<GenerateForm>) => {
    setServerErrors({});
    setForm((f) => ({ ...f, ...patch }));
  };

  const addReferences = async (files: FileList | null) => {
    if (!files) return;
    setUploading(true);
    const added: GenerateForm["references"] = [];
    const problems: string[] = [];
    for (const file of Array.from(files).slice(0, rules.maxReferences - form.references.length)) {
      const result = await upload({ file });
      const payload = result.data?.imageUpload;
      if (payload?.image) added.push({ uploadId: payload.image.id, url: payload.image.url, name: file.name });
      else problems.push(`${file.name}: ${firstProblem(payload?.userErrors, result.error, "upload failed")}`);
    }
    setUploading(false);
    setForm((f) => ({ ...f, references: [...f.references, ...added] }));
    setServerErrors(problems.length ? { references: problems.join(" ") } : {});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.keys(local).length > 0) return;
    const input = { ...toGenerateInput(form, caps, key.current), ...(remixImageId ? { remixOfImageId: remixImageId } : {}) };
    const result = await generate({ input: input as GenerateInput });
    const payload = result.data?.generate;
    if (payload?.batchJob) {
      navigate(`/batches/${payload.batchJob.id}`);
      return;
    }
    setServerErrors(fieldErrors(payload?.userErrors));
  };

  const summary = quote.data && quotable ? quoteSummary(quote.data.quote) : null;
  const tiers = tiersFor(caps, form.aspectRatio);
  const perImage = priceFor(caps, form.mode, form.resolution);

  return (
    <section>
      <PageHeader title="Generate" />
      {remixMissing && <ErrorBox error="The image to remix was not found; starting from an empty form." />}
      {remixOf && (
        <p className="remix-note">
          <img src={remixOf} alt="" width={48} height={48} /> Remixing an image: its settings are filled in below. Change what you like.
        </p>
      )}
      <form className="generate-form" onSubmit={submit} noValidate aria-describedby="price">
        <div className="row">
          <Field label="Project" error={err("projectId")}>
            {(props) => (
              <select {...props} name="project" value={form.projectId} onChange={(e) => update({ projectId: e.target.value })}>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Mode" error={err("mode")} hint={rules.description}>
            {(props) => (
              <select {...props} name="mode" value={form.mode} onChange={(e) => { setServerErrors({}); setForm((f) => withMode(f, caps, e.target.value as Mode)); }}>
                {caps.modes.map((m) => (
                  <option key={m.mode} value={m.mode}>
                    {modeLabel(m.mode)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <Field
          label="Prompt"
          error={err("prompt") ?? err("prompts") ?? promptTooLong(form.prompt, caps.limits.maxPromptLength) ?? undefined}
          hint={`${form.prompt.length} / ${caps.limits.maxPromptLength} characters`}
        >
          {(props) => (
            // No maxLength: the browser would cut a pasted prompt silently; an over-long one is kept and named above.
            <textarea {...props} name="prompt" rows={3} value={form.prompt} onChange={(e) => update({ prompt: e.target.value })} />
          )}
        </Field>

        <div className="row">
          <Field label={rules.producesSet ? "Sets" : "Images"} error={err("count")} hint={`1 to ${caps.limits.maxCountPerPrompt}`}>
            {(props) => (
              <input {...props} name="count" type="number" inputMode="numeric" min={1} max={caps.limits.maxCountPerPrompt} value={form.count} onChange={(e) => update({ count: e.target.valueAsNumber })} />
            )}
          </Field>
          {rules.producesSet && (
            <Field label="Images per set" error={err("maxImages")} hint={`1 to ${caps.limits.maxSetImages}`}>
              {(props) => (
                <input {...props} name="maxImages" type="number" inputMode="numeric" min={1} max={caps.limits.maxSetImages} value={form.maxImages} onChange={(e) => update({ maxImages: e.target.valueAsNumber })} />
              )}
            </Field>
          )}
        </div>

        <fieldset>
          <legend>Size</legend>
          <div className="segmented" role="radiogroup" aria-label="How to give the size">
            <label>
              <input type="radio" name="sizeKind" checked={form.sizeKind === "ratio"} onChange={() => update({ sizeKind: "ratio" })} /> Aspect ratio
            </label>
            <label>
              <input type="radio" name="sizeKind" checked={form.sizeKind === "custom"} onChange={() => update({ sizeKind: "custom" })} /> Exact size
            </label>
          </div>
          {form.sizeKind === "ratio" ? (
            <div className="row">
              <Field label="Aspect ratio" error={err("aspectRatio")}>
                {(props) => (
                  <select {...props} name="aspectRatio" value={form.aspectRatio} onChange={(e) => update({ aspectRatio: e.target.value })}>
                    {caps.aspectRatios.map((r) => (
                      <option key={r.ratio} value={r.ratio}>
                        {r.ratio}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Resolution" error={err("resolution")}>
                {(props) => (
                  <select {...props} name="resolution" value={form.resolution} onChange={(e) => update({ resolution: e.target.value as GenerateForm["resolution"] })}>
                    {tiers.map((t) => (
                      <option key={t.tier} value={t.tier}>
                        {tierLabel(t.tier)} ({t.width}×{t.height})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          ) : (
            <Field label="Width × height" error={err("size")} hint={`Each side ${caps.sizeBounds.minSide}–${caps.sizeBounds.maxSide} px, e.g. 2048x2048`}>
              {(props) => <input {...props} name="size" value={form.size} onChange={(e) => update({ size: e.target.value })} />}
            </Field>
          )}
          {perImage !== null && form.sizeKind === "ratio" && (
            <p className="hint">
              {modeLabel(form.mode)} at {tierLabel(form.resolution)}: {formatCredits(perImage)} per delivered image.
            </p>
          )}
        </fieldset>

        {rules.maxReferences > 0 && (
          <fieldset>
            <legend>
              Reference images ({rules.minReferences === rules.maxReferences ? rules.minReferences : `${rules.minReferences}–${rules.maxReferences}`})
            </legend>
            {form.references.length > 0 && (
              <ul className="references">
                {form.references.map((r, i) => (
                  <li key={r.uploadId}>
                    {r.url ? <img src={r.url} alt={r.name} width={64} height={64} /> : <span className="ref-placeholder">{r.name}</span>}
                    <button type="button" className="link-button" aria-label={`Remove ${r.name}`} onClick={() => update({ references: form.references.filter((_, j) => j !== i) })}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <Field
              label="Upload"
              error={err("references")}
              hint={`${caps.limits.referenceContentTypes.join(", ")}; up to ${Math.round(caps.limits.maxReferenceBytes / 1048576)} MiB each`}
            >
              {(props) => (
                <input
                  {...props}
                  type="file"
                  name="references"
                  multiple
                  accept={caps.limits.referenceContentTypes.join(",")}
                  disabled={uploading || form.references.length >= rules.maxReferences}
                  onChange={(e) => {
                    void addReferences(e.target.files);
                    e.target.value = "";
                  }}
                />
              )}
            </Field>
            {uploading && <Loading what="Uploading" />}
          </fieldset>
        )}

        <fieldset>
          <legend>Style presets (up to {MAX_PRESETS}, mixed by weight)</legend>
          {form.presets.map((choice, i) => {
            const preset = presets.find((p) => p.id === choice.presetId);
            return (
              <div className="preset-choice" key={i}>
                <Field label={`Preset ${i + 1}`} error={err(`presets.${i}.presetId`) ?? err(`presets.${i}`)}>
                  {(props) => (
                    <select {...props} value={choice.presetId} onChange={(e) => update({ presets: form.presets.map((p, j) => (j === i ? { ...p, presetId: e.target.value } : p)) })}>
                      {!preset && <option value={choice.presetId}>(a preset you may not use any more)</option>}
                      {presets.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name} v{p.version}
                          {p.builtIn ? " (built-in)" : ""}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Weight" error={err(`presets.${i}.weight`)}>
                  {(props) => (
                    <input {...props} type="number" step="0.1" min={0.1} max={100} value={choice.weight} onChange={(e) => update({ presets: form.presets.map((p, j) => (j === i ? { ...p, weight: e.target.valueAsNumber } : p)) })} />
                  )}
                </Field>
                <Field label={`Intensity ${choice.intensity === null ? `(preset default ${preset?.defaultIntensity ?? ""})` : choice.intensity.toFixed(2)}`} error={err(`presets.${i}.intensity`)}>
                  {(props) => (
                    <input {...props} type="range" min={0} max={1} step={0.05} value={choice.intensity ?? preset?.defaultIntensity ?? 0.75} onChange={(e) => update({ presets: form.presets.map((p, j) => (j === i ? { ...p, intensity: e.target.valueAsNumber } : p)) })} />
                  )}
                </Field>
                <button type="button" className="link-button" onClick={() => update({ presets: form.presets.filter((_, j) => j !== i) })}>
                  Remove preset {i + 1}
                </button>
              </div>
            );
          })}
          {err("presets") && <p className="field-error" role="alert">{err("presets")}</p>}
          {presets.length === 0 ? (
            <p className="hint">
              No presets yet. <Link to="/presets">Create one</Link>.
            </p>
          ) : (
            form.presets.length < MAX_PRESETS && (
              <button type="button" onClick={() => update({ presets: [...form.presets, { presetId: presets[0]?.id ?? "", weight: 1, intensity: null }] })}>
                Add a preset
              </button>
            )
          )}
        </fieldset>

        {caps.providerFacts.seedSent && (
          <Field label="Seed (optional)" error={err("seed")} hint={caps.providerFacts.seedReproducible ? "The same seed reproduces an image." : "Sent, but the same seed does not reproduce an image."}>
            {(props) => <input {...props} name="seed" inputMode="numeric" value={form.seed} onChange={(e) => update({ seed: e.target.value })} />}
          </Field>
        )}

        <FormErrors messages={unplacedErrors(errors, SHOWN)} />
        <ErrorBox error={generateState.error} />

        <div className="submit-bar">
          <div id="price" className={`price${summary && !summary.covered ? " price-short" : ""}`} aria-live="polite" data-testid="price">
            {!quotable ? (
              <span>Fill in the form to see the price.</span>
            ) : quote.fetching && !quote.data ? (
              <span>Pricing…</span>
            ) : summary ? (
              <>
                <strong>{summary.price}</strong> <span className="meta">{summary.detail}</span>
                {!summary.covered && <span className="field-error"> Not enough credits.</span>}
              </>
            ) : (
              <span>{Object.keys(quoteErrors).length ? "Fix the fields marked above." : quote.error ? "The price is not available." : ""}</span>
            )}
          </div>
          <button type="submit" className="primary" disabled={generateState.fetching || uploading}>
            {generateState.fetching ? "Submitting…" : "Generate"}
          </button>
        </div>
      </form>
    </section>
  );
}
