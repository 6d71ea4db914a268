import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { ConnectionStates, NextPageButton, SearchField, usePageCursor } from "../components/paging";
import { ErrorBox, Field, FormErrors, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import type { PresetScope } from "../gql/graphql";
import { fieldErrors, type FieldErrors } from "../lib/errors";
import { formatPercent } from "../lib/format";
import { parseDocument } from "../lib/presetDocument";
import { PresetFields, draftInput, emptyDraft } from "./presetFields";
import { usePresetFork } from "./presetFork";

const PresetsQuery = graphql(`
  query StylePresets($scope: PresetScope!, $search: String, $first: Int!, $after: String) {
    stylePresets(scope: $scope, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          description
          tags
          version
          visibility
          builtIn
          owner {
            displayName
          }
          preview {
            url
          }
          stats {
            uses
            successRate
          }
        }
      }
    }
  }
`);

const PresetCreate = graphql(`
  mutation StylePresetCreate($input: StylePresetInput!) {
    stylePresetCreate(input: $input) {
      stylePreset {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const PresetImport = graphql(`
  mutation StylePresetImport($document: JSON!) {
    stylePresetImport(document: $document) {
      stylePreset {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SharedPreset = graphql(`
  query StylePresetByShareCode($code: String!) {
    stylePresetByShareCode(code: $code) {
      id
      name
      description
      promptTemplate
      promptSuffix
      version
      owner {
        displayName
      }
    }
  }
`);

const SCOPES: { scope: PresetScope; label: string }[] = [
  { scope: "MINE", label: "Mine" },
  { scope: "BUILT_IN", label: "Built-in" },
  { scope: "PUBLIC", label: "Shared by others" },
];

export function PresetsScreen() {
  const navigate = useNavigate();
  const [scope, setScope] = useState<PresetScope>("MINE");
  const [search, setSearch] = useState("");
  const { after, setAfter, restart } = usePageCursor();
  const [result, refetch] = useQuery({
    query: PresetsQuery,
    variables: { scope, search: search.trim() || null, first: 30, after },
  });
  const [createState, create] = useMutation(PresetCreate);
  const [createErrors, setCreateErrors] = useState<FieldErrors>({});
  const [showCreate, setShowCreate] = useState(false);
  const connection = result.data?.stylePresets;

  const submitCreate = async (draft: typeof emptyDraft) => {
    const outcome = await create({ input: draftInput(draft) });
    const payload = outcome.data?.stylePresetCreate;
    setCreateErrors(fieldErrors(payload?.userErrors));
    if (payload?.stylePreset) navigate(`/presets/${payload.stylePreset.id}`);
  };

  return (
    <section>
      <PageHeader title="Style presets">
        <button type="button" className="primary" aria-expanded={showCreate} onClick={() => setShowCreate((s) => !s)}>
          New preset
        </button>
      </PageHeader>
      <SharedWithYou />
      {showCreate && (
        <div className="panel">
          <h2>New preset</h2>
          <ErrorBox error={createState.error} />
          <PresetFields initial={emptyDraft} errors={createErrors} busy={createState.fetching} submitLabel="Create preset" onSubmit={submitCreate} />
        </div>
      )}
      <div className="tabs" role="tablist" aria-label="Which presets">
        {SCOPES.map((s) => (
          <button key={s.scope} type="button" role="tab" aria-selected={scope === s.scope} onClick={() => { setScope(s.scope); restart(); }}>
            {s.label}
          </button>
        ))}
      </div>
      <div className="toolbar">
        <SearchField label="Search presets" value={search} onSearch={(text) => { setSearch(text); restart(); }} />
      </div>
      <ConnectionStates
        result={result}
        refetch={refetch}
        connection={connection}
        loading="Loading presets"
        empty={<p>{scope === "MINE" ? "You have no presets yet: create one, import one, or fork a built-in one." : "No presets here."}</p>}
      />
      {connection && connection.edges.length > 0 && (
        <ul className="cards" aria-label="Presets">
          {connection.edges.map(({ node }) => (
            <li key={node.id} className="card">
              {node.preview?.url && <img src={node.preview.url} alt="" className="card-image" />}
              <h2>
                <Link to={`/presets/${node.id}`}>{node.name}</Link> <span className="meta">v{node.version}</span>
              </h2>
              {node.description && <p>{node.description}</p>}
              <p className="meta">
                {node.builtIn ? "Built-in" : `${node.visibility.toLowerCase()} · by ${node.owner.displayName}`} · used {node.stats.uses}× · success{" "}
                {formatPercent(node.stats.successRate)}
              </p>
              {node.tags.length > 0 && (
                <ul className="tags" aria-label="Tags">
                  {node.tags.map((t) => (
                    <li key={t}>{t}</li>
                  ))}
                </ul>
              )}
              <Link className="button" to={`/generate?preset=${node.id}`}>
                Use
              </Link>
            </li>
          ))}
        </ul>
      )}
      <NextPageButton pageInfo={connection?.pageInfo} onNext={setAfter} />
      <div className="two-col">
        <ForkByCode />
        <ImportPreset />
      </div>
    </section>
  );
}

/** A share link (`/presets?code=…`) opens the shared preset, ready to fork. */
function SharedWithYou() {
  const [params] = useSearchParams();
  const code = params.get("code");
  const [result] = useQuery({ query: SharedPreset, variables: { code: code ?? "" }, pause: !code });
  if (!code) return null;
  if (result.fetching && !result.data) return <Loading what="Opening the shared preset" />;
  const preset = result.data?.stylePresetByShareCode;
  if (!preset) return <ErrorBox error={result.error ?? "This share code does not open any preset (it may have been revoked)."} />;
  return (
    <section className="panel" aria-labelledby="shared-title">
      <h2 id="shared-title">
        Shared with you: {preset.name} <span className="meta">v{preset.version} by {preset.owner.displayName}</span>
      </h2>
      <p>
        <code>{preset.promptTemplate}</code>
        {preset.promptSuffix && <> + <code>{preset.promptSuffix}</code></>}
      </p>
      {preset.description && <p>{preset.description}</p>}
      <ForkByCode initialCode={code} />
    </section>
  );
}

function ForkByCode({ initialCode = "" }: { initialCode?: string }) {
  const [code, setCode] = useState(initialCode);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, fork] = usePresetFork();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await fork({ shareCode: code.trim() });
    setErrors(fieldErrors(outcome.userErrors, []));
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="fork-title" noValidate>
      <h2 id="fork-title">Fork a shared preset</h2>
      <Field label="Share code" error={errors.shareCode ?? errors[""]} hint="Someone gave you a code for an unlisted preset: make your own copy.">
        {(props) => <input {...props} name="shareCode" value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <ErrorBox error={state.error} />
      <button type="submit" disabled={state.fetching || !code.trim()}>
        Fork
      </button>
    </form>
  );
}

function ImportPreset() {
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, importPreset] = useMutation(PresetImport);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDocument(text);
    if ("error" in parsed) {
      setErrors({ "": parsed.error });
      return;
    }
    const outcome = await importPreset({ document: parsed.document });
    const payload = outcome.data?.stylePresetImport;
    // Paths look like ["document", "preset", "promptTemplate"]: show each with where it points.
    setErrors(fieldErrors(payload?.userErrors, ["document"]));
    if (payload?.stylePreset) navigate(`/presets/${payload.stylePreset.id}`);
  };
  const problems = Object.entries(errors).map(([key, message]) => (key ? `${key}: ${message}` : message));
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="import-title" noValidate>
      <h2 id="import-title">Import a preset</h2>
      <Field label="Exported JSON" hint="From a preset's Export button.">
        {(props) => <textarea {...props} name="document" rows={4} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field label="Or a file">
        {(props) => (
          <input
            {...props}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setText);
            }}
          />
        )}
      </Field>
      <FormErrors messages={problems} />
      <ErrorBox error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Import
      </button>
    </form>
  );
}
