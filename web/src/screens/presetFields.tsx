// The preset settings form, shared by "new preset" and "edit" (which saves a new version).
import { useState, type FormEvent } from "react";
import { ChoiceField, Field, FormErrors } from "../components/ui";
import type { GenerationMode } from "../gql/graphql";
import { errorFor, unplacedErrors, type FieldErrors } from "../lib/errors";
import { GENERATION_MODES, modeLabel } from "../lib/format";

export interface PresetDraft {
  name: string;
  description: string;
  tags: string;
  promptTemplate: string;
  promptSuffix: string;
  defaultMode: GenerationMode | "";
  defaultIntensity: number;
}

export const emptyDraft: PresetDraft = {
  name: "",
  description: "",
  tags: "",
  promptTemplate: "{prompt}",
  promptSuffix: "",
  defaultMode: "",
  defaultIntensity: 0.75,
};

export function draftInput(draft: PresetDraft) {
  return {
    name: draft.name,
    description: draft.description,
    tags: draft.tags.split(",").map((t) => t.trim()).filter(Boolean),
    promptTemplate: draft.promptTemplate,
    promptSuffix: draft.promptSuffix,
    defaultMode: draft.defaultMode || null,
    defaultIntensity: draft.defaultIntensity,
  };
}

const SHOWN = ["name", "description", "tags", "promptTemplate", "promptSuffix", "defaultMode", "defaultIntensity"];

export function PresetFields({
  initial,
  errors,
  busy,
  submitLabel,
  onSubmit,
}: {
  initial: PresetDraft;
  errors: FieldErrors;
  busy: boolean;
  submitLabel: string;
  onSubmit: (draft: PresetDraft) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const set = (patch: Partial<PresetDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  return (
    <form onSubmit={submit} noValidate className="preset-form">
      <div className="row">
        <Field label="Name" error={errorFor(errors, "name")}>
          {(props) => <input {...props} name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <Field label="Tags (comma-separated)" error={errorFor(errors, "tags")}>
          {(props) => <input {...props} name="tags" value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />}
        </Field>
      </div>
      <Field label="Prompt template" error={errorFor(errors, "promptTemplate")} hint="{prompt} is where the user's prompt goes.">
        {(props) => <input {...props} name="promptTemplate" value={draft.promptTemplate} onChange={(e) => set({ promptTemplate: e.target.value })} />}
      </Field>
      <Field label="Suffix (added at full intensity)" error={errorFor(errors, "promptSuffix")}>
        {(props) => <input {...props} name="promptSuffix" value={draft.promptSuffix} onChange={(e) => set({ promptSuffix: e.target.value })} />}
      </Field>
      <Field label="Description" error={errorFor(errors, "description")}>
        {(props) => <textarea {...props} name="description" rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} />}
      </Field>
      <div className="row">
        <ChoiceField
          label="Default mode"
          blank="None"
          choices={GENERATION_MODES}
          describe={modeLabel}
          value={draft.defaultMode}
          error={errorFor(errors, "defaultMode")}
          onChange={(defaultMode) => set({ defaultMode })}
        />
        <Field label={`Default intensity ${draft.defaultIntensity.toFixed(2)}`} error={errorFor(errors, "defaultIntensity")}>
          {(props) => (
            <input {...props} type="range" min={0} max={1} step={0.05} value={draft.defaultIntensity} onChange={(e) => set({ defaultIntensity: e.target.valueAsNumber })} />
          )}
        </Field>
      </div>
      <FormErrors messages={unplacedErrors(errors, SHOWN)} />
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
