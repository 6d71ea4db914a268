import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useClient, useMutation, useQuery } from "urql";
import { Empty, ErrorBox, Field, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import type { PresetVisibility } from "../gql/graphql";
import { fieldErrors, firstProblem, type FieldErrors } from "../lib/errors";
import { formatDateTime, formatMs, formatPercent, modeLabel } from "../lib/format";
import { exportFileName } from "../lib/presetDocument";
import { PresetFields, draftInput, type PresetDraft } from "./presetFields";
import { usePresetFork } from "./presetFork";

const PresetQuery = graphql(`
  query StylePreset($id: ID!) {
    stylePreset(id: $id) {
      id
      name
      description
      tags
      promptTemplate
      promptSuffix
      defaultMode
      defaultIntensity
      version
      visibility
      shareCode
      builtIn
      createdAt
      owner {
        displayName
      }
      forkedFrom {
        id
        name
      }
      preview {
        url
      }
      stats {
        uses
        imagesDelivered
        imagesFailed
        successRate
        medianProcessingMs
      }
      versions {
        version
        name
        promptTemplate
        promptSuffix
        defaultIntensity
        createdAt
      }
    }
  }
`);

// The schema tells no reader whether they own a preset; their own list (MINE) does.
const MineCheck = graphql(`
  query StylePresetMineCheck($search: String!) {
    stylePresets(scope: MINE, search: $search, first: 100) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

const PresetUpdate = graphql(`
  mutation StylePresetUpdate($id: ID!, $input: StylePresetUpdateInput!) {
    stylePresetUpdate(id: $id, input: $input) {
      stylePreset {
        id
        version
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const PresetShare = graphql(`
  mutation StylePresetShare($id: ID!, $visibility: PresetVisibility!) {
    stylePresetShare(id: $id, visibility: $visibility) {
      stylePreset {
        id
        visibility
        shareCode
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const PresetDelete = graphql(`
  mutation StylePresetDelete($id: ID!) {
    stylePresetDelete(id: $id) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const PresetExport = graphql(`
  query StylePresetExport($id: ID!) {
    stylePresetExport(id: $id)
  }
`);

export function PresetDetailScreen() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const client = useClient();
  const [result, refetch] = useQuery({ query: PresetQuery, variables: { id } });
  const name = result.data?.stylePreset?.name ?? "";
  const [mineCheck] = useQuery({ query: MineCheck, variables: { search: name }, pause: !name });
  const [updateState, update] = useMutation(PresetUpdate);
  const [shareState, share] = useMutation(PresetShare);
  const [forkState, fork] = usePresetFork();
  const [, remove] = useMutation(PresetDelete);
  const [editErrors, setEditErrors] = useState<FieldErrors>({});
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  if (result.fetching && !result.data) return <Loading what="Loading the preset" />;
  if (result.error && !result.data) return <ErrorBox error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />;
  const preset = result.data?.stylePreset;
  if (!preset)
    return (
      <Empty>
        <h1>Preset not found</h1>
        <p>
          It was deleted or is not shared with you. <Link to="/presets">All presets</Link>
        </p>
      </Empty>
    );
  const mine = !preset.builtIn && !!mineCheck.data?.stylePresets.edges.some((e) => e.node.id === preset.id);

  const save = async (draft: PresetDraft) => {
    const outcome = await update({ id: preset.id, input: draftInput(draft) });
    const payload = outcome.data?.stylePresetUpdate;
    setEditErrors(fieldErrors(payload?.userErrors));
    if (payload?.stylePreset) {
      setEditing(false);
      setMessage(payload.stylePreset.version === preset.version ? "Nothing changed: no new version." : `Saved as version ${payload.stylePreset.version}.`);
      refetch({ requestPolicy: "network-only" });
    }
  };
  const changeVisibility = async (visibility: PresetVisibility) => {
    const outcome = await share({ id: preset.id, visibility });
    setActionError(firstProblem(outcome.data?.stylePresetShare.userErrors, outcome.error, null));
    refetch({ requestPolicy: "network-only" });
  };
  const doFork = async () => {
    const outcome = await fork({ id: preset.id });
    if (!outcome.forked) setActionError(firstProblem(outcome.userErrors, outcome.error, "Fork failed."));
  };
  const doExport = async () => {
    const outcome = await client.query(PresetExport, { id: preset.id }, { requestPolicy: "network-only" }).toPromise();
    if (outcome.error || !outcome.data) {
      setActionError(outcome.error?.message ?? "Export failed.");
      return;
    }
    const text = JSON.stringify(outcome.data.stylePresetExport, null, 2);
    setExported(text);
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(preset.name, preset.version);
    link.click();
    URL.revokeObjectURL(url);
  };
  const doDelete = async () => {
    if (!window.confirm(`Delete “${preset.name}”? Batches that used it still show it.`)) return;
    const outcome = await remove({ id: preset.id });
    if (outcome.data?.stylePresetDelete.deletedId) navigate("/presets");
    else setActionError(firstProblem(outcome.data?.stylePresetDelete.userErrors, outcome.error, "Delete failed."));
  };
  const shareLink = preset.shareCode ? `${location.origin}/presets?code=${preset.shareCode}` : null;

  return (
    <section>
      <PageHeader title={preset.name}>
        <Link className="button primary" to={`/generate?preset=${preset.id}`}>
          Use in a generation
        </Link>
        <button type="button" onClick={doFork} disabled={forkState.fetching}>
          Fork
        </button>
        <button type="button" onClick={doExport}>
          Export
        </button>
        {mine && (
          <button type="button" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            Edit
          </button>
        )}
        {mine && (
          <button type="button" className="danger" onClick={doDelete}>
            Delete
          </button>
        )}
      </PageHeader>
      <p className="meta">
        Version {preset.version} · {preset.builtIn ? "built-in" : `by ${preset.owner.displayName}`} · created {formatDateTime(preset.createdAt)}
        {preset.forkedFrom && (
          <>
            {" "}
            · forked from <Link to={`/presets/${preset.forkedFrom.id}`}>{preset.forkedFrom.name}</Link>
          </>
        )}
      </p>
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
      <ErrorBox error={actionError} />
      {editing ? (
        <div className="panel">
          <h2>Edit (saves a new version)</h2>
          <ErrorBox error={updateState.error} />
          <PresetFields
            initial={{
              name: preset.name,
              description: preset.description,
              tags: preset.tags.join(", "),
              promptTemplate: preset.promptTemplate,
              promptSuffix: preset.promptSuffix,
              defaultMode: preset.defaultMode ?? "",
              defaultIntensity: preset.defaultIntensity,
            }}
            errors={editErrors}
            busy={updateState.fetching}
            submitLabel="Save new version"
            onSubmit={save}
          />
        </div>
      ) : (
        <dl className="settings">
          <dt>Template</dt>
          <dd>
            <code>{preset.promptTemplate}</code>
          </dd>
          {preset.promptSuffix && (
            <>
              <dt>Suffix</dt>
              <dd>
                <code>{preset.promptSuffix}</code>
              </dd>
            </>
          )}
          {preset.description && (
            <>
              <dt>Description</dt>
              <dd>{preset.description}</dd>
            </>
          )}
          <dt>Default mode</dt>
          <dd>{preset.defaultMode ? modeLabel(preset.defaultMode) : "none"}</dd>
          <dt>Default intensity</dt>
          <dd>{preset.defaultIntensity}</dd>
          <dt>Tags</dt>
          <dd>{preset.tags.join(", ") || "none"}</dd>
        </dl>
      )}
      {mine && (
        <div className="panel">
          <h2>Sharing</h2>
          <Field label="Who may read it" hint="Unlisted: anyone with the share code. Public: listed for everyone. Private revokes the code.">
            {(props) => (
              <select {...props} value={preset.visibility} disabled={shareState.fetching} onChange={(e) => changeVisibility(e.target.value as PresetVisibility)}>
                <option value="PRIVATE">Private</option>
                <option value="UNLISTED">Unlisted (share code)</option>
                <option value="PUBLIC">Public</option>
              </select>
            )}
          </Field>
          {preset.shareCode && (
            <p>
              Share code: <code data-testid="share-code">{preset.shareCode}</code>
              {shareLink && (
                <>
                  {" "}
                  · <button type="button" className="link-button" onClick={() => void navigator.clipboard?.writeText(shareLink)}>Copy link</button>
                </>
              )}
            </p>
          )}
        </div>
      )}
      <h2>Statistics</h2>
      <dl className="facts">
        <div>
          <dt>Uses</dt>
          <dd>{preset.stats.uses}</dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd>{preset.stats.imagesDelivered}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd>{preset.stats.imagesFailed}</dd>
        </div>
        <div>
          <dt>Success</dt>
          <dd>{formatPercent(preset.stats.successRate)}</dd>
        </div>
        <div>
          <dt>Median time</dt>
          <dd>{formatMs(preset.stats.medianProcessingMs)}</dd>
        </div>
      </dl>
      <h2>Version history</h2>
      <ul className="versions" aria-label="Versions, newest first">
        {preset.versions.map((v) => (
          <li key={v.version}>
            <strong>v{v.version}</strong> {v.name} · <code>{v.promptTemplate}</code>
            {v.promptSuffix && <> + <code>{v.promptSuffix}</code></>} · intensity {v.defaultIntensity} · {formatDateTime(v.createdAt)}
          </li>
        ))}
      </ul>
      {exported && (
        <details>
          <summary>Exported document</summary>
          <pre className="export">{exported}</pre>
        </details>
      )}
    </section>
  );
}
