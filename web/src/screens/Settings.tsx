// Settings: API keys and webhook endpoints (./WebhookEndpoints.tsx). Create a key with scopes and an expiry (the key is shown once, with a copy button), list keys
// with their last use, revoke one.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Empty, ErrorBox, Field, FormErrors, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import { SCOPES, SCOPE_WORDS, expiryFromDays, keyExpiry, keyLastUse, type Scope } from "../lib/apiKeys";
import { errorFor, fieldErrors, unplacedErrors, type FieldErrors } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { WebhookEndpointsSection } from "./WebhookEndpoints";

const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          prefix
          scopes
          createdAt
          expiresAt
          lastUsedAt
          lastUsedAddress
        }
      }
    }
  }
`);

const ApiKeyCreate = graphql(`
  mutation ApiKeyCreate($input: ApiKeyCreateInput!) {
    apiKeyCreate(input: $input) {
      apiKey {
        id
        name
        prefix
      }
      key
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const ApiKeyRevoke = graphql(`
  mutation ApiKeyRevoke($id: ID!) {
    apiKeyRevoke(id: $id) {
      apiKey {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export function SettingsScreen() {
  const [result, refetch] = useQuery({ query: ApiKeysQuery, requestPolicy: "network-only" });
  const [revokeState, revoke] = useMutation(ApiKeyRevoke);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const now = new Date();
  const data = result.data;
  return (
    <section>
      <PageHeader title="Settings" />
      <h2>API keys</h2>
      <p className="hint">
        A key lets your servers call the API without a session: send it as <code>Authorization: Bearer ppk_…</code>. It reaches only the scopes you give
        it, never administrator fields or these settings.
      </p>
      <CreateApiKey onCreated={reload} />
      {result.fetching && !data && <Loading what="Loading your keys" />}
      <ErrorBox error={result.error ?? revokeState.error} retry={reload} />
      {data &&
        (data.apiKeys.totalCount === 0 ? (
          <Empty>
            <p>No API keys yet.</p>
          </Empty>
        ) : (
          <div className="table-wrap">
            <table data-testid="api-keys">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Key</th>
                  <th>Scopes</th>
                  <th>Created</th>
                  <th>Last used</th>
                  <th>Expiry</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.apiKeys.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>{node.name}</td>
                    <td>
                      <code>{node.prefix}…</code>
                    </td>
                    <td>{node.scopes.join(", ")}</td>
                    <td>{formatDateTime(node.createdAt)}</td>
                    <td>{keyLastUse(node.lastUsedAt, node.lastUsedAddress, formatDateTime)}</td>
                    <td>{keyExpiry(node.expiresAt, now, formatDateTime)}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Revoke ${node.name}`}
                        disabled={revokeState.fetching}
                        onClick={async () => {
                          if (!window.confirm(`Revoke “${node.name}”? Servers using it stop working at once.`)) return;
                          await revoke({ id: node.id });
                          reload();
                        }}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <WebhookEndpointsSection />
    </section>
  );
}

function CreateApiKey({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["READ"]);
  const [days, setDays] = useState("90");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, create] = useMutation(ApiKeyCreate);
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const toggle = (scope: Scope) => setScopes((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCopied(false);
    const input = { name, scopes, expiresAt: expiryFromDays(Number(days), new Date()) };
    const result = await create({ input });
    const payload = result.data?.apiKeyCreate;
    setErrors(fieldErrors(payload?.userErrors));
    if (payload?.apiKey && payload.key) {
      setShown({ name: payload.apiKey.name, key: payload.key });
      setName("");
      onCreated();
    }
  };

  const copy = async () => {
    if (!shown) return;
    await navigator.clipboard.writeText(shown.key);
    setCopied(true);
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-key-title" noValidate>
      <h3 id="new-key-title">New API key</h3>
      <div className="row">
        <Field label="Key name" error={errorFor(errors, "name")}>
          {(props) => <input {...props} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Expires after (days, 0 for never)" error={errorFor(errors, "expiresAt")}>
          {(props) => <input {...props} name="days" type="number" min={0} value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
      </div>
      <fieldset>
        <legend>Scopes</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scope}{" "}
            <small className="hint">{SCOPE_WORDS[scope]}</small>
          </label>
        ))}
        {errorFor(errors, "scopes") && (
          <small className="field-error" role="alert">
            {errorFor(errors, "scopes")}
          </small>
        )}
      </fieldset>
      <FormErrors messages={unplacedErrors(errors, ["name", "scopes", "expiresAt"])} />
      <ErrorBox error={state.error} />
      <button type="submit" className="primary" disabled={state.fetching}>
        Create key
      </button>
      {shown && (
        <div role="status" className="success">
          <p>
            Your new key “{shown.name}”: copy it now, it is not shown again.
          </p>
          <code data-testid="new-api-key">{shown.key}</code>{" "}
          <button type="button" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      )}
    </form>
  );
}
