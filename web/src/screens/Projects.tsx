import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { ConnectionStates, Pager, SearchField, usePageCursor } from "../components/paging";
import { ErrorBox, Field, FormErrors, PageHeader, StatusBadge } from "../components/ui";
import { graphql } from "../gql";
import { errorFor, fieldErrors, unplacedErrors, type FieldErrors } from "../lib/errors";
import { formatDateTime } from "../lib/format";

const ProjectsQuery = graphql(`
  query Projects($first: Int!, $after: String, $filter: ProjectFilter) {
    projects(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          description
          processingStatus
          updatedAt
        }
      }
    }
  }
`);

const ProjectCreate = graphql(`
  mutation ProjectCreate($input: ProjectCreateInput!) {
    projectCreate(input: $input) {
      project {
        id
        name
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export function ProjectsScreen() {
  const [search, setSearch] = useState("");
  const { after, setAfter, restart } = usePageCursor();
  const [result, refetch] = useQuery({
    query: ProjectsQuery,
    variables: { first: 24, after, filter: search.trim() ? { search: search.trim() } : null },
  });
  const connection = result.data?.projects;

  return (
    <section>
      <PageHeader title="Projects" />
      <CreateProject onCreated={() => refetch({ requestPolicy: "network-only" })} />
      <div className="toolbar">
        <SearchField
          label="Search projects"
          value={search}
          onSearch={(text) => {
            setSearch(text);
            restart();
          }}
        />
      </div>
      <ConnectionStates
        result={result}
        refetch={refetch}
        connection={connection}
        loading="Loading projects"
        empty={search ? <p>No project matches “{search}”.</p> : <p>No projects yet. Create one above to start generating.</p>}
      />
      {connection && connection.edges.length > 0 && (
        <ul className="cards" aria-label="Your projects">
          {connection.edges.map(({ node }) => (
            <li key={node.id} className="card">
              <h2>
                <Link to={`/projects/${node.id}`}>{node.name}</Link>
              </h2>
              {node.description && <p>{node.description}</p>}
              <p className="meta">
                <StatusBadge status={node.processingStatus} /> updated {formatDateTime(node.updatedAt)}
              </p>
              <Link className="button" to={`/generate?project=${node.id}`}>
                Generate here
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager after={after} pageInfo={connection?.pageInfo} onPage={setAfter} />
    </section>
  );
}

function CreateProject({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, create] = useMutation(ProjectCreate);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { name, description: description || null } });
    const payload = result.data?.projectCreate;
    setErrors(fieldErrors(payload?.userErrors));
    if (payload?.project) {
      setCreated(payload.project);
      setName("");
      setDescription("");
      onCreated(payload.project.id);
    }
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-project-title" noValidate>
      <h2 id="new-project-title">New project</h2>
      <div className="row">
        <Field label="Name" error={errorFor(errors, "name")}>
          {(props) => <input {...props} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Description (optional)" error={errorFor(errors, "description")}>
          {(props) => <input {...props} name="description" value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </div>
      <FormErrors messages={unplacedErrors(errors, ["name", "description"])} />
      <ErrorBox error={state.error} />
      <button type="submit" className="primary" disabled={state.fetching}>
        Create project
      </button>
      {created && (
        <p role="status" className="success">
          Created <Link to={`/projects/${created.id}`}>{created.name}</Link>.{" "}
          <Link to={`/generate?project=${created.id}`}>Generate in it</Link>
        </p>
      )}
    </form>
  );
}
