// The chosen workspace (the switcher in the top bar chooses it): its members with their roles (change a role or
// remove someone below you), invitation links (made with a role, an optional email and an expiry; the link is shown
// once with a copy button; open ones can be revoked), leaving it, and a form for a new team workspace.
import { useState, type FormEvent } from "react";
import { useLocation } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { Empty, ErrorBox, Field, FormErrors, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import type { WorkspaceRole } from "../gql/graphql";
import { errorFor, fieldErrors, firstProblem, unplacedErrors, type FieldErrors } from "../lib/errors";
import { formatDateTime } from "../lib/format";
import { ROLE_HINTS, ROLE_WORDS, assignableRoles, canInvite, canManage, invitationState, invitationUrl } from "../lib/workspaces";
import { useWorkspaces, type WorkspaceSummary } from "../workspace";

const WorkspaceDetail = graphql(`
  query WorkspaceDetail($id: ID!) {
    workspace(id: $id) {
      id
      name
      kind
      role
      owner {
        displayName
      }
      members(first: 100) {
        totalCount
        edges {
          node {
            id
            role
            joinedAt
            isYou
            user {
              displayName
            }
          }
        }
      }
      invitations(first: 100) {
        totalCount
        edges {
          node {
            id
            role
            email
            status
            expiresAt
            createdAt
            createdBy {
              displayName
            }
            acceptedBy {
              displayName
            }
          }
        }
      }
    }
  }
`);

const WorkspaceCreate = graphql(`
  mutation WorkspaceCreate($input: WorkspaceCreateInput!) {
    workspaceCreate(input: $input) {
      workspace {
        id
        name
        kind
        role
      }
      userErrors {
        field
        code
        reason
        message
      }
    }
  }
`);

const WorkspaceInvite = graphql(`
  mutation WorkspaceInvite($id: ID!, $input: WorkspaceInviteInput!) {
    workspaceInvite(id: $id, input: $input) {
      invitation {
        id
        role
        email
        expiresAt
      }
      token
      userErrors {
        field
        code
        reason
        message
      }
    }
  }
`);

const WorkspaceInvitationRevoke = graphql(`
  mutation WorkspaceInvitationRevoke($id: ID!) {
    workspaceInvitationRevoke(id: $id) {
      invitation {
        id
        status
      }
      userErrors {
        field
        code
        reason
        message
      }
    }
  }
`);

const WorkspaceMemberRoleChange = graphql(`
  mutation WorkspaceMemberRoleChange($id: ID!, $role: WorkspaceRole!) {
    workspaceMemberRoleChange(id: $id, role: $role) {
      member {
        id
        role
      }
      userErrors {
        field
        code
        reason
        message
      }
    }
  }
`);

const WorkspaceMemberRemove = graphql(`
  mutation WorkspaceMemberRemove($id: ID!) {
    workspaceMemberRemove(id: $id) {
      removedMemberId
      userErrors {
        field
        code
        reason
        message
      }
    }
  }
`);

const WorkspaceLeave = graphql(`
  mutation WorkspaceLeave($id: ID!) {
    workspaceLeave(id: $id) {
      workspaceId
      userErrors {
        field
        code
        reason
        message
      }
    }
  }
`);

export function WorkspaceScreen() {
  const { current, fetching, error, refresh } = useWorkspaces();
  const joined = (useLocation().state as { joined?: string } | null)?.joined;
  return (
    <section>
      <PageHeader title="Workspace" />
      {joined && (
        <p role="status" className="success" data-testid="joined">
          You joined “{joined}”.
        </p>
      )}
      {!current && fetching && <Loading what="Loading your workspaces" />}
      <ErrorBox error={error} retry={refresh} />
      {current && <WorkspaceMembers key={current.id} workspace={current} />}
      <CreateWorkspace />
    </section>
  );
}

function WorkspaceMembers({ workspace }: { workspace: WorkspaceSummary }) {
  const { refresh: refreshList } = useWorkspaces();
  const [result, refetch] = useQuery({ query: WorkspaceDetail, variables: { id: workspace.id }, requestPolicy: "network-only" });
  const [changeState, changeRole] = useMutation(WorkspaceMemberRoleChange);
  const [removeState, remove] = useMutation(WorkspaceMemberRemove);
  const [revokeState, revoke] = useMutation(WorkspaceInvitationRevoke);
  const [leaveState, leave] = useMutation(WorkspaceLeave);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: "network-only" });
  const data = result.data?.workspace;
  const now = new Date();

  const act = async (run: () => Promise<{ userErrors?: readonly { code: string; message: string }[] | null; error?: Error | null }>) => {
    setProblem(null);
    const outcome = await run();
    const message = firstProblem(outcome.userErrors, outcome.error, null);
    setProblem(message);
    reload();
    return message === null;
  };

  if (result.fetching && !data) return <Loading what="Loading the members" />;
  if (result.error) return <ErrorBox error={result.error} retry={reload} />;
  if (!data) return <Empty><p>This workspace is no longer yours.</p></Empty>;

  const role = data.role;
  const team = data.kind === "TEAM";
  const busy = changeState.fetching || removeState.fetching || revokeState.fetching || leaveState.fetching;
  return (
    <>
      <h2 data-testid="workspace-name">{data.name}</h2>
      <p className="hint">
        {team ? "A team workspace" : "Your personal workspace"}, owned by {data.owner.displayName}. Your role:{" "}
        <strong data-testid="workspace-role">{ROLE_WORDS[role]}</strong> ({ROLE_HINTS[role]}).
      </p>
      <FormErrors messages={problem ? [problem] : []} />
      <h3>Members</h3>
      <div className="table-wrap">
        <table data-testid="workspace-members">
          <thead>
            <tr>
              <th>Member</th>
              <th>Role</th>
              <th>Joined</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.members.edges.map(({ node }) => {
              const manageable = team && canManage(role, node.role);
              const name = node.isYou ? `${node.user.displayName} (you)` : node.user.displayName;
              return (
                <tr key={node.id}>
                  <td>{name}</td>
                  <td>
                    {manageable ? (
                      <select
                        aria-label={`Role of ${node.user.displayName}`}
                        value={node.role}
                        disabled={busy}
                        onChange={(e) => {
                          const next = e.target.value as WorkspaceRole;
                          void act(async () => {
                            const r = await changeRole({ id: node.id, role: next });
                            return { userErrors: r.data?.workspaceMemberRoleChange.userErrors, error: r.error };
                          });
                        }}
                      >
                        {[node.role, ...assignableRoles(role).filter((r) => r !== node.role)].map((r) => (
                          <option key={r} value={r}>
                            {ROLE_WORDS[r]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      ROLE_WORDS[node.role]
                    )}
                  </td>
                  <td>{formatDateTime(node.joinedAt)}</td>
                  <td>
                    {manageable && (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Remove ${node.user.displayName}`}
                        disabled={busy}
                        onClick={() => {
                          if (!window.confirm(`Remove ${node.user.displayName} from “${data.name}”? Their access ends at once.`)) return;
                          void act(async () => {
                            const r = await remove({ id: node.id });
                            return { userErrors: r.data?.workspaceMemberRemove.userErrors, error: r.error };
                          });
                        }}
                      >
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {team && canInvite(role) && (
        <>
          <h3>Invitations</h3>
          <InviteForm workspaceId={data.id} role={role} onCreated={reload} />
          {data.invitations.totalCount === 0 ? (
            <Empty>
              <p>No invitations yet.</p>
            </Empty>
          ) : (
            <div className="table-wrap">
              <table data-testid="workspace-invitations">
                <thead>
                  <tr>
                    <th>Role</th>
                    <th>For</th>
                    <th>Made</th>
                    <th>State</th>
                    <th>
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.invitations.edges.map(({ node }) => {
                    const state = invitationState(node, now, formatDateTime);
                    return (
                      <tr key={node.id}>
                        <td>{ROLE_WORDS[node.role]}</td>
                        <td>{node.email ?? "Whoever has the link"}</td>
                        <td>
                          {formatDateTime(node.createdAt)}
                          {node.createdBy ? ` by ${node.createdBy.displayName}` : ""}
                        </td>
                        <td>{state}</td>
                        <td>
                          {node.status === "PENDING" && !state.startsWith("Expired") && (
                            <button
                              type="button"
                              className="link-button"
                              disabled={busy}
                              aria-label={`Revoke the ${ROLE_WORDS[node.role].toLowerCase()} invitation made ${formatDateTime(node.createdAt)}`}
                              onClick={() => {
                                if (!window.confirm("Revoke this invitation? Its link stops working at once.")) return;
                                void act(async () => {
                                  const r = await revoke({ id: node.id });
                                  return { userErrors: r.data?.workspaceInvitationRevoke.userErrors, error: r.error };
                                });
                              }}
                            >
                              Revoke
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {team && role !== "OWNER" && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(`Leave “${data.name}”? You need a new invitation to come back.`)) return;
              void act(async () => {
                const r = await leave({ id: data.id });
                return { userErrors: r.data?.workspaceLeave.userErrors, error: r.error };
              }).then((left) => {
                if (left) refreshList();
              });
            }}
          >
            Leave this workspace
          </button>
        </p>
      )}
    </>
  );
}

function InviteForm({ workspaceId, role, onCreated }: { workspaceId: string; role: WorkspaceRole; onCreated: () => void }) {
  const roles = assignableRoles(role);
  const [inviteRole, setInviteRole] = useState<WorkspaceRole>(roles.includes("EDITOR") ? "EDITOR" : (roles[0] ?? "VIEWER"));
  const [email, setEmail] = useState("");
  const [days, setDays] = useState("7");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, invite] = useMutation(WorkspaceInvite);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCopied(false);
    setLink(null);
    const input = { role: inviteRole, email: email.trim() || null, expiresInDays: Number(days) };
    const result = await invite({ id: workspaceId, input });
    const payload = result.data?.workspaceInvite;
    setErrors(fieldErrors(payload?.userErrors));
    if (payload?.invitation && payload.token) {
      setLink(invitationUrl(window.location.origin, payload.token));
      setEmail("");
      onCreated();
    }
  };

  const copy = async () => {
    if (!link) return;
    await navigator.clipboard.writeText(link);
    setCopied(true);
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-invitation-title" noValidate>
      <h4 id="new-invitation-title">New invitation link</h4>
      <div className="row">
        <Field label="Role" error={errorFor(errors, "role")} hint={ROLE_HINTS[inviteRole]}>
          {(props) => (
            <select {...props} name="role" value={inviteRole} onChange={(e) => setInviteRole(e.target.value as WorkspaceRole)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_WORDS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Only for this email (optional)" error={errorFor(errors, "email")} hint="Only the account with this email may use the link.">
          {(props) => <input {...props} name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Works for (days, 1-30)" error={errorFor(errors, "expiresInDays")}>
          {(props) => <input {...props} name="days" type="number" min={1} max={30} value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
      </div>
      <FormErrors messages={unplacedErrors(errors, ["role", "email", "expiresInDays"])} />
      <ErrorBox error={state.error} />
      <button type="submit" className="primary" disabled={state.fetching}>
        Create link
      </button>
      {link && (
        <div role="status" className="success">
          <p>Send this link to the person you invite: copy it now, it is not shown again. It works once.</p>
          <code data-testid="invitation-link">{link}</code>{" "}
          <button type="button" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      )}
    </form>
  );
}

function CreateWorkspace() {
  const { choose, refresh } = useWorkspaces();
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, create] = useMutation(WorkspaceCreate);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { name } });
    const payload = result.data?.workspaceCreate;
    setErrors(fieldErrors(payload?.userErrors));
    if (payload?.workspace) {
      setName("");
      choose(payload.workspace.id);
      refresh();
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-workspace-title" noValidate>
      <h2 id="new-workspace-title">New team workspace</h2>
      <p className="hint">A place to share with others: you are its owner, and invite people with links.</p>
      <Field label="Workspace name" error={errorFor(errors, "name")}>
        {(props) => <input {...props} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <FormErrors messages={unplacedErrors(errors, ["name"])} />
      <ErrorBox error={state.error} />
      <button type="submit" className="primary" disabled={state.fetching}>
        Create workspace
      </button>
    </form>
  );
}
