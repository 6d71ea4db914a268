import { Link, useParams } from "react-router-dom";
import { useQuery } from "urql";
import { Empty, ErrorBox, Loading, PageHeader, StatusBadge } from "../components/ui";
import { graphql } from "../gql";
import type { BatchRowFieldsFragment } from "../gql/graphql";
import { formatDateTime, modeLabel, plural } from "../lib/format";

const ProjectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      id
      name
      description
      processingStatus
      createdAt
      batchJobs(first: 20) {
        totalCount
        edges {
          node {
            ...BatchRowFields
          }
        }
      }
      imageEdits(first: 24) {
        edges {
          node {
            id
            status
            url
            prompt
            width
            height
          }
        }
      }
    }
  }
`);

export function ProjectDetailScreen() {
  const { id = "" } = useParams();
  const [result, refetch] = useQuery({ query: ProjectQuery, variables: { id } });
  if (result.fetching && !result.data) return <Loading what="Loading the project" />;
  if (result.error) return <ErrorBox error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />;
  const project = result.data?.project;
  if (!project)
    return (
      <Empty>
        <h1>Project not found</h1>
        <p>
          It does not exist or is not yours. <Link to="/projects">Back to your projects</Link>
        </p>
      </Empty>
    );
  const images = project.imageEdits.edges.map((e) => e.node).filter((i) => i.url);
  return (
    <section>
      <PageHeader title={project.name}>
        <Link className="button primary" to={`/generate?project=${project.id}`}>
          Generate
        </Link>
      </PageHeader>
      {project.description && <p>{project.description}</p>}
      <p className="meta">
        <StatusBadge status={project.processingStatus} /> created {formatDateTime(project.createdAt)}
      </p>
      <h2>Batches</h2>
      {project.batchJobs.totalCount === 0 ? (
        <Empty>
          <p>
            No batches yet. <Link to={`/generate?project=${project.id}`}>Generate the first images</Link>.
          </p>
        </Empty>
      ) : (
        <BatchList batches={project.batchJobs.edges.map((e) => e.node)} />
      )}
      <h2>Images</h2>
      {images.length === 0 ? (
        <Empty>
          <p>No delivered images yet.</p>
        </Empty>
      ) : (
        <ul className="thumbs" aria-label="Images of this project">
          {images.map((image) => (
            <li key={image.id}>
              <img src={image.url ?? ""} alt={image.prompt} loading="lazy" width={image.width ?? undefined} height={image.height ?? undefined} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What a row of `BatchList` shows: every query that lists batches spreads it into its nodes. */
export const BatchRowFields = graphql(`
  fragment BatchRowFields on BatchJob {
    id
    mode
    status
    prompts
    totalImages
    completedImages
    createdAt
  }
`);

export type BatchRow = BatchRowFieldsFragment;

export function BatchList({ batches }: { batches: readonly BatchRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Batches, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Prompt</th>
            <th scope="col">Mode</th>
            <th scope="col">Status</th>
            <th scope="col">Images</th>
            <th scope="col">Submitted</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => (
            <tr key={batch.id}>
              <td>
                <Link to={`/batches/${batch.id}`}>{batch.prompts[0] ?? "(no prompt)"}</Link>
                {batch.prompts.length > 1 && <span className="meta"> +{batch.prompts.length - 1} more</span>}
              </td>
              <td>{modeLabel(batch.mode)}</td>
              <td>
                <StatusBadge status={batch.status} />
              </td>
              <td>
                {batch.completedImages} of {plural(batch.totalImages, "image")}
              </td>
              <td>{formatDateTime(batch.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
