// Opening an invitation link (/join/<token>) while signed in joins the workspace as yourself and switches to it;
// a refused link (unknown, used, revoked, expired, meant for another account) is explained in words. Signed out, the
// app asks for a sign-in first and comes back here.
import { useEffect, useRef, useState } from "react";
import { NavLink, useNavigate, useParams } from "react-router-dom";
import { useMutation } from "urql";
import { ErrorBox, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import { invitationRefusal } from "../lib/workspaces";
import { useWorkspaces } from "../workspace";

const WorkspaceInvitationAccept = graphql(`
  mutation WorkspaceInvitationAccept($token: String!) {
    workspaceInvitationAccept(token: $token) {
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

export function JoinScreen() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const { choose, refresh } = useWorkspaces();
  const [state, accept] = useMutation(WorkspaceInvitationAccept);
  const [refusal, setRefusal] = useState<string | null>(null);
  // A link works once: send it once per visit, even when React runs the effect twice (StrictMode).
  const sent = useRef<string | null>(null);

  useEffect(() => {
    if (sent.current === token) return;
    sent.current = token;
    void accept({ token }).then((result) => {
      const payload = result.data?.workspaceInvitationAccept;
      if (payload?.workspace) {
        choose(payload.workspace.id);
        refresh();
        navigate("/workspace", { replace: true, state: { joined: payload.workspace.name } });
      } else if (payload) {
        setRefusal(invitationRefusal(payload.userErrors) ?? "This invitation could not be used.");
      }
    });
  }, [token, accept, choose, refresh, navigate]);

  return (
    <section>
      <PageHeader title="Join a workspace" />
      {state.fetching && <Loading what="Joining" />}
      <ErrorBox error={state.error} />
      {refusal && (
        <div className="state state-error" role="alert" data-testid="join-refusal">
          <p>{refusal}</p>
        </div>
      )}
      {(refusal || state.error) && (
        <p>
          <NavLink to="/workspace">Go to your workspaces</NavLink>
        </p>
      )}
    </section>
  );
}
