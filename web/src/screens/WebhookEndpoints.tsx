// Settings: webhook endpoints. Create one (the signing secret is shown once), change its URL, events or enabled
// state, rotate its secret (the old one keeps signing for 24 h), send a test ping, delete it; and per endpoint the
// delivery log (status code, latency, error, next retry) with redeliver.
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Empty, ErrorBox, Field, FormErrors, Loading, StatusBadge } from "../components/ui";
import { graphql } from "../gql";
import { errorFor, fieldErrors, unplacedErrors, type FieldErrors } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { DEFAULT_EVENTS, WEBHOOK_EVENTS, attemptOutcome, deliveryNext, toggleEvent } from "../lib/webhooks";

const EndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints(first: 100) {
      edges {
        node {
          id
          url
          description
          events
          enabled
          disabledReason
          failingSince
          previousSecretExpiresAt
          createdAt
        }
      }
    }
  }
`);

const EndpointCreate = graphql(`
  mutation WebhookEndpointCreate($input: WebhookEndpointCreateInput!) {
    webhookEndpointCreate(input: $input) {
      endpoint {
        id
        url
      }
      secret
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const EndpointUpdate = graphql(`
  mutation WebhookEndpointUpdate($id: ID!, $input: WebhookEndpointUpdateInput!) {
    webhookEndpointUpdate(id: $id, input: $input) {
      endpoint {
        id
        url
        events
        enabled
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const EndpointDelete = graphql(`
  mutation WebhookEndpointDelete($id: ID!) {
    webhookEndpointDelete(id: $id) {
      deletedId
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const EndpointRotate = graphql(`
  mutation WebhookEndpointRotateSecret($id: ID!) {
    webhookEndpointRotateSecret(id: $id) {
      endpoint {
        id
        previousSecretExpiresAt
      }
      secret
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const EndpointTest = graphql(`
  mutation WebhookEndpointTest($id: ID!) {
    webhookEndpointTest(id: $id) {
      delivery {
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

const Redeliver = graphql(`
  mutation WebhookRedeliver($deliveryId: ID!) {
    webhookRedeliver(deliveryId: $deliveryId) {
      delivery {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const DeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 50) {
      edges {
        node {
          id
          eventType
          eventId
          seq
          status
          attemptCount
          nextAttemptAt
          lastStatusCode
          lastError
          createdAt
          attempts {
            attemptedAt
            statusCode
            latencyMs
            error
            nextRetryAt
          }
        }
      }
    }
  }
`);

export function WebhookEndpointsSection() {
  const [result, refetch] = useQuery({ query: EndpointsQuery, requestPolicy: "network-only" });
  const reload = () => refetch({ requestPolicy: "network-only" });
  const data = result.data;
  return (
    <>
      <h2>Webhook endpoints</h2>
      <p className="hint">
        We POST the events you choose to your URL, signed as Standard Webhooks describe (<code>webhook-id</code>,{" "}
        <code>webhook-timestamp</code>, <code>webhook-signature</code>): verify them with the <code>standardwebhooks</code> library and the
        endpoint&apos;s secret. Failed deliveries are retried for about a day.
      </p>
      <CreateEndpoint onCreated={reload} />
      {result.fetching && !data && <Loading what="Loading your endpoints" />}
      <ErrorBox error={result.error} retry={reload} />
      {data &&
        (data.webhookEndpoints.edges.length === 0 ? (
          <Empty>
            <p>No webhook endpoints yet.</p>
          </Empty>
        ) : (
          <ul className="plain" data-testid="webhook-endpoints">
            {data.webhookEndpoints.edges.map(({ node }) => (
              <li key={node.id}>
                <EndpointCard endpoint={node} onChanged={reload} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

interface Endpoint {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledReason?: string | null;
  failingSince?: string | null;
  previousSecretExpiresAt?: string | null;
}

function SecretShown({ what, secret }: { what: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="success">
      <p>{what}: copy it now, it is not shown again.</p>
      <code data-testid="webhook-secret">{secret}</code>{" "}
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(secret);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}

function EventChoices({ selected, onToggle, error }: { selected: readonly string[]; onToggle: (e: string) => void; error?: string }) {
  return (
    <fieldset>
      <legend>Events</legend>
      {WEBHOOK_EVENTS.map((event) => (
        <label key={event} className="checkbox">
          <input type="checkbox" checked={selected.includes(event)} onChange={() => onToggle(event)} /> <code>{event}</code>
        </label>
      ))}
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}

function CreateEndpoint({ onCreated }: { onCreated: () => void }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<string[]>(DEFAULT_EVENTS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, create] = useMutation(EndpointCreate);
  const [shown, setShown] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { url, events, description } });
    const payload = result.data?.webhookEndpointCreate;
    setErrors(fieldErrors(payload?.userErrors));
    if (payload?.endpoint && payload.secret) {
      setShown(payload.secret);
      setUrl("");
      setDescription("");
      onCreated();
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-endpoint-title" noValidate>
      <h3 id="new-endpoint-title">New webhook endpoint</h3>
      <div className="row">
        <Field label="Endpoint URL" error={errorFor(errors, "url")}>
          {(props) => <input {...props} name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label="Description" error={errorFor(errors, "description")}>
          {(props) => <input {...props} name="description" value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </div>
      <EventChoices selected={events} onToggle={(e) => setEvents((now) => toggleEvent(now, e))} error={errorFor(errors, "events")} />
      <FormErrors messages={unplacedErrors(errors, ["url", "description", "events"])} />
      <ErrorBox error={state.error} />
      <button type="submit" className="primary" disabled={state.fetching}>
        Add endpoint
      </button>
      {shown && <SecretShown what="The endpoint's signing secret" secret={shown} />}
    </form>
  );
}

function EndpointCard({ endpoint, onChanged }: { endpoint: Endpoint; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState(endpoint.url);
  const [events, setEvents] = useState<string[]>(endpoint.events);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [secret, setSecret] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [logKey, setLogKey] = useState(0);
  const [updateState, update] = useMutation(EndpointUpdate);
  const [deleteState, remove] = useMutation(EndpointDelete);
  const [rotateState, rotate] = useMutation(EndpointRotate);
  const [testState, ping] = useMutation(EndpointTest);
  const busy = updateState.fetching || deleteState.fetching || rotateState.fetching || testState.fetching;
  const problems = [
    ...(deleteState.data?.webhookEndpointDelete.userErrors ?? []),
    ...(testState.data?.webhookEndpointTest.userErrors ?? []),
    ...(rotateState.data?.webhookEndpointRotateSecret.userErrors ?? []),
  ].map((e) => e.message);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({ id: endpoint.id, input: { url, events } });
    const payload = result.data?.webhookEndpointUpdate;
    setErrors(fieldErrors(payload?.userErrors));
    if (payload?.endpoint) {
      setEditing(false);
      onChanged();
    }
  };

  return (
    <article className="panel" aria-label={`Endpoint ${endpoint.url}`}>
      <h3>
        <code>{endpoint.url}</code> <StatusBadge status={endpoint.enabled ? "ENABLED" : "DISABLED"} />
      </h3>
      {endpoint.description && <p>{endpoint.description}</p>}
      <p className="hint">Events: {endpoint.events.join(", ")}</p>
      {endpoint.disabledReason && <p role="alert">Disabled by us: {endpoint.disabledReason}</p>}
      {endpoint.failingSince && <p className="hint">Failing since {formatDateTime(endpoint.failingSince)}</p>}
      {endpoint.previousSecretExpiresAt && (
        <p className="hint">The previous secret also signs until {formatDateTime(endpoint.previousSecretExpiresAt)}.</p>
      )}
      <div className="row">
        <button type="button" disabled={busy} onClick={() => setEditing((now) => !now)}>
          {editing ? "Close" : "Edit"}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            await update({ id: endpoint.id, input: { enabled: !endpoint.enabled } });
            onChanged();
          }}
        >
          {endpoint.enabled ? "Disable" : "Enable"}
        </button>
        <button
          type="button"
          disabled={busy || !endpoint.enabled}
          onClick={async () => {
            await ping({ id: endpoint.id });
            setShowLog(true);
            setLogKey((n) => n + 1);
          }}
        >
          Send test
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            if (!window.confirm("Rotate the secret? The old one keeps signing for 24 hours.")) return;
            const result = await rotate({ id: endpoint.id });
            const fresh = result.data?.webhookEndpointRotateSecret.secret;
            if (fresh) setSecret(fresh);
            onChanged();
          }}
        >
          Rotate secret
        </button>
        <button type="button" onClick={() => setShowLog((now) => !now)}>
          {showLog ? "Hide deliveries" : "Deliveries"}
        </button>
        <button
          type="button"
          className="link-button"
          disabled={busy}
          aria-label={`Delete ${endpoint.url}`}
          onClick={async () => {
            if (!window.confirm(`Delete the endpoint ${endpoint.url}? Its waiting deliveries are dropped.`)) return;
            await remove({ id: endpoint.id });
            onChanged();
          }}
        >
          Delete
        </button>
      </div>
      <FormErrors messages={problems} />
      <ErrorBox error={updateState.error ?? deleteState.error ?? rotateState.error ?? testState.error} />
      {secret && <SecretShown what="The new signing secret" secret={secret} />}
      {editing && (
        <form onSubmit={save} noValidate aria-label="Edit endpoint">
          <Field label="Endpoint URL" error={errorFor(errors, "url")}>
            {(props) => <input {...props} name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
          </Field>
          <EventChoices selected={events} onToggle={(e) => setEvents((now) => toggleEvent(now, e))} error={errorFor(errors, "events")} />
          <FormErrors messages={unplacedErrors(errors, ["url", "events"])} />
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </form>
      )}
      {showLog && <DeliveryLog key={logKey} endpointId={endpoint.id} />}
    </article>
  );
}

function DeliveryLog({ endpointId }: { endpointId: string }) {
  const [result, refetch] = useQuery({ query: DeliveriesQuery, variables: { endpointId }, requestPolicy: "network-only" });
  const [redeliverState, redeliver] = useMutation(Redeliver);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const edges = result.data?.webhookDeliveries?.edges ?? [];
  return (
    <section aria-label="Delivery log">
      <h4>
        Deliveries{" "}
        <button type="button" className="link-button" onClick={reload}>
          Refresh
        </button>
      </h4>
      {result.fetching && !result.data && <Loading what="Loading deliveries" />}
      <ErrorBox error={result.error ?? redeliverState.error} retry={reload} />
      {result.data && edges.length === 0 && <p className="hint">No deliveries yet.</p>}
      {edges.length > 0 && (
        <div className="table-wrap">
          <table data-testid="webhook-deliveries">
            <thead>
              <tr>
                <th>Event</th>
                <th>Status</th>
                <th>Attempts</th>
                <th>Last attempt</th>
                <th>Next</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node }) => {
                const last = node.attempts.length > 0 ? node.attempts[node.attempts.length - 1] : null;
                return (
                  <tr key={node.id}>
                    <td>
                      <code>{node.eventType}</code>
                      {node.seq != null && <small className="hint"> seq {node.seq}</small>}
                    </td>
                    <td>
                      <StatusBadge status={node.status} />
                    </td>
                    <td>{node.attemptCount}</td>
                    <td>{last ? `${formatDateTime(last.attemptedAt)}: ${attemptOutcome(last)}` : "—"}</td>
                    <td>{deliveryNext(node.status, node.nextAttemptAt, formatDateTime)}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        disabled={redeliverState.fetching}
                        onClick={async () => {
                          await redeliver({ deliveryId: node.id });
                          reload();
                        }}
                      >
                        Redeliver
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
