import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { print } from "graphql";
import { Link, useNavigate, useParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { Empty, ErrorBox, Field, Loading, PageHeader, StatusBadge } from "../components/ui";
import { graphql } from "../gql";
import type { BatchProgressSubscription } from "../gql/graphql";
import { createSocket, isAuthClose, subscribeWith } from "../lib/client";
import { socketText } from "../lib/persisted";
import { errorFor, fieldErrors, firstProblem, type FieldErrors } from "../lib/errors";
import { formatCredits, formatEta, formatPercent, modeLabel, plural, secondsUntil } from "../lib/format";
import { applyEvent, emptyProgress, followBatch, withImages, type ConnectionState, type ProgressState } from "../lib/progress";
import { useSession } from "../session";

const BatchQuery = graphql(`
  query BatchJob($id: ID!) {
    batchJob(id: $id) {
      id
      projectId
      mode
      status
      prompts
      width
      height
      totalImages
      completedImages
      failedImages
      creditsReserved
      creditsCaptured
      creditsRefunded
      creditsHeld
      retriedFromId
      remixedFrom {
        imageEditId
        galleryItemId
        author
      }
      errorMessage
      createdAt
      presetsUsed {
        name
        version
        weight
        intensity
      }
      images {
        id
        batchIndex
        status
        url
        width
        height
        prompt
        errorCategory
        errorMessage
      }
    }
  }
`);

const ProgressSubscription = graphql(`
  subscription BatchProgress($batchJobId: ID!, $afterSeq: Int) {
    batchProgress(batchJobId: $batchJobId, afterSeq: $afterSeq) {
      seq
      status
      terminal
      total
      completed
      failed
      cancelled
      fraction
      queuePosition
      etaSeconds
      creditsHeld
      creditsCaptured
      creditsRefunded
      kind
      etaAt
      image {
        imageEditId
        batchIndex
        url
        width
        height
      }
      images {
        imageEditId
        batchIndex
        url
        width
        height
      }
    }
  }
`);

const CancelMutation = graphql(`
  mutation BatchJobCancel($id: ID!) {
    batchJobCancel(id: $id) {
      keptImages
      refundedImages
      refundedCredits
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RetryMutation = graphql(`
  mutation BatchJobRetry($id: ID!, $onlyFailed: Boolean!) {
    batchJobRetry(id: $id, onlyFailed: $onlyFailed) {
      batchJob {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const GalleryAddMutation = graphql(`
  mutation GalleryAdd($input: GalleryAddInput!) {
    galleryAdd(input: $input) {
      galleryItem {
        id
        title
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const PROGRESS_QUERY = print(ProgressSubscription);
const OPEN = new Set(["QUEUED", "RUNNING", "CANCEL_REQUESTED"]);

/** The current time, re-read every `everyMs` while `active` (the ETA counts down from `etaAt` between events). */
function useNow(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [active, everyMs]);
  return now;
}

/** Live progress of one batch over its own socket, resumed with `afterSeq` after a drop. */
function useBatchProgress(batchId: string, onGap: () => void) {
  const { token, authExpired } = useSession();
  const [state, setState] = useState<ProgressState>(emptyProgress);
  const [connection, setConnection] = useState<{ state: ConnectionState; detail?: string | undefined }>({ state: "connecting" });
  useEffect(() => {
    if (!token) return;
    const socket = createSocket({ token, onAuthExpired: authExpired, retry: false });
    // Production builds send the manifest's text, which an API running only trusted documents accepts.
    const query = import.meta.env.PROD ? socketText(ProgressSubscription, PROGRESS_QUERY) : PROGRESS_QUERY;
    const stop = followBatch(
      (afterSeq, sink) =>
        subscribeWith<BatchProgressSubscription>(
          socket,
          query,
          { query: PROGRESS_QUERY, variables: { batchJobId: batchId, afterSeq } },
          {
            next: (result) => {
              if (result.data) sink.next(result.data.batchProgress);
              else if (result.errors) sink.error(result.errors);
            },
            error: sink.error,
            complete: sink.complete,
          },
        ),
      {
        onEvent: (event) => setState((s) => applyEvent(s, event)),
        onConnection: (state, detail) => setConnection({ state, detail }),
        onGap,
        isFatal: (error) => isAuthClose(error) || Array.isArray(error),
      },
    );
    return () => {
      stop();
      void socket.dispose();
    };
  }, [batchId, token, authExpired, onGap]);
  return { state, setState, connection };
}

export function BatchTrackerScreen() {
  const { id = "" } = useParams();
  // Keyed by the batch: another batch starts from empty progress.
  return <BatchTracker key={id} id={id} />;
}

function BatchTracker({ id }: { id: string }) {
  const navigate = useNavigate();
  const [batch, refetch] = useQuery({ query: BatchQuery, variables: { id } });
  const reread = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  const { state, setState, connection } = useBatchProgress(id, reread);
  const [cancelState, cancel] = useMutation(CancelMutation);
  const [retryState, retry] = useMutation(RetryMutation);
  const [cancelled, setCancelled] = useState<{ keptImages: number; refundedImages: number; refundedCredits: number } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const job = batch.data?.batchJob;
  // Images read from the batch fill what the events did not carry (a page opened late, a gap after a drop).
  useEffect(() => {
    if (job)
      setState((s) =>
        withImages(
          s,
          job.images.map((i) => ({ imageEditId: i.id, batchIndex: i.batchIndex, url: i.url ?? null, width: i.width ?? null, height: i.height ?? null })),
        ),
      );
  }, [job, setState]);
  // At the end, read the batch once more for the final statuses of every image.
  const terminal = state.event?.terminal ?? false;
  useEffect(() => {
    if (terminal) reread();
  }, [terminal, reread]);

  const event = state.event;
  const status = event?.status ?? job?.status ?? "QUEUED";
  const total = event?.total ?? job?.totalImages ?? 0;
  const completed = event?.completed ?? job?.completedImages ?? 0;
  const images = useMemo(() => Object.values(state.images).sort((a, b) => a.batchIndex - b.batchIndex), [state.images]);
  const now = useNow(OPEN.has(status) && Boolean(event?.etaAt));

  if (batch.fetching && !job) return <Loading what="Loading the batch" />;
  if (batch.error && !job) return <ErrorBox error={batch.error} retry={reread} />;
  if (!job)
    return (
      <Empty>
        <h1>Batch not found</h1>
        <p>
          It does not exist or is not yours. <Link to="/batches">Your batches</Link>
        </p>
      </Empty>
    );

  const doCancel = async () => {
    setActionError(null);
    const result = await cancel({ id: job.id });
    const payload = result.data?.batchJobCancel;
    if (payload && payload.userErrors.length === 0) setCancelled(payload);
    else setActionError(firstProblem(payload?.userErrors, result.error, "Cancel failed."));
  };
  const doRetry = async (onlyFailed: boolean) => {
    setActionError(null);
    const result = await retry({ id: job.id, onlyFailed });
    const payload = result.data?.batchJobRetry;
    if (payload?.batchJob) navigate(`/batches/${payload.batchJob.id}`);
    else setActionError(firstProblem(payload?.userErrors, result.error, "Retry failed."));
  };

  const open = OPEN.has(status);
  const failedImages = job.images.filter((i) => i.status === "FAILED" || i.status === "CANCELLED");
  return (
    <section>
      <PageHeader title="Batch">
        {open && (
          <button type="button" className="danger" onClick={doCancel} disabled={cancelState.fetching || status === "CANCEL_REQUESTED"}>
            {cancelState.fetching ? "Cancelling…" : "Cancel batch"}
          </button>
        )}
        {!open && (event?.failed ?? job.failedImages) + (event?.cancelled ?? 0) + failedImages.length > 0 && (
          <button type="button" onClick={() => doRetry(true)} disabled={retryState.fetching}>
            Retry failed images
          </button>
        )}
        {!open && (
          <button type="button" onClick={() => doRetry(false)} disabled={retryState.fetching}>
            Run again
          </button>
        )}
      </PageHeader>
      <p className="prompt-line">
        “{job.prompts[0]}”{job.prompts.length > 1 && ` and ${plural(job.prompts.length - 1, "more prompt")}`} · {modeLabel(job.mode)} · {job.width}×{job.height}
        {job.presetsUsed.length > 0 && ` · ${job.presetsUsed.map((p) => `${p.name} v${p.version}`).join(" + ")}`} ·{" "}
        <Link to={`/projects/${job.projectId}`}>project</Link>
        {job.retriedFromId && (
          <>
            {" "}
            · retry of <Link to={`/batches/${job.retriedFromId}`}>an earlier batch</Link>
          </>
        )}
        {job.remixedFrom && (
          <span data-testid="remixed-from">
            {" "}
            · remix of {job.remixedFrom.author ? `${job.remixedFrom.author}'s public image` : "your image"}
          </span>
        )}
      </p>
      <ErrorBox error={actionError} />
      {cancelled && (
        <p className="success" role="status" data-testid="cancel-result">
          Cancelled: {plural(cancelled.keptImages, "image")} kept, {plural(cancelled.refundedImages, "image")} refunded ({formatCredits(cancelled.refundedCredits)} returned).
        </p>
      )}
      <div className="progress-panel" aria-live="polite">
        <div className="progress-head">
          <StatusBadge status={status} />
          <strong data-testid="progress-count">
            {completed} of {total}
          </strong>{" "}
          images delivered
          {(event?.failed ?? 0) > 0 && <span className="meta"> · {event?.failed} failed</span>}
          {(event?.cancelled ?? 0) > 0 && <span className="meta"> · {event?.cancelled} cancelled</span>}
        </div>
        <progress max={1} value={event?.fraction ?? (total ? completed / total : 0)} aria-label="Batch progress">
          {formatPercent(event?.fraction)}
        </progress>
        <dl className="facts">
          <div>
            <dt>ETA</dt>
            <dd data-testid="eta">{open ? formatEta(secondsUntil(event?.etaAt, now, event?.etaSeconds)) : "done"}</dd>
          </div>
          {event?.queuePosition ? (
            <div>
              <dt>Queue position</dt>
              <dd data-testid="queue-position">{event.queuePosition}</dd>
            </div>
          ) : null}
          <div>
            <dt>Credits held</dt>
            <dd data-testid="credits-held">{event?.creditsHeld ?? job.creditsHeld}</dd>
          </div>
          <div>
            <dt>Charged</dt>
            <dd>{event?.creditsCaptured ?? job.creditsCaptured}</dd>
          </div>
          <div>
            <dt>Refunded</dt>
            <dd data-testid="credits-refunded">{event?.creditsRefunded ?? job.creditsRefunded}</dd>
          </div>
        </dl>
        <p className={`connection connection-${connection.state}`} data-testid="connection">
          {connection.state === "live" && "Live"}
          {connection.state === "connecting" && "Connecting…"}
          {connection.state === "reconnecting" && `Connection lost: ${connection.detail ?? "the connection dropped"}; reconnecting…`}
          {connection.state === "ended" && "Finished"}
          {connection.state === "failed" && `Live updates stopped: ${connection.detail ?? ""}`}
        </p>
      </div>
      {job.errorMessage && <ErrorBox error={job.errorMessage} />}
      <h2>Images</h2>
      {images.length === 0 && <Empty>{open ? <p>Images appear here as they land.</p> : <p>No image was delivered.</p>}</Empty>}
      <ul className="gallery-grid" aria-label="Delivered images" data-testid="landed-images">
        {images.map((image) => (
          <li key={image.batchIndex} className="tile">
            <img src={image.url ?? ""} alt={`Image ${image.batchIndex + 1} of ${total}`} width={image.width ?? undefined} height={image.height ?? undefined} />
            <AddToGallery imageEditId={image.imageEditId} index={image.batchIndex} />
          </li>
        ))}
      </ul>
      {failedImages.length > 0 && !open && (
        <>
          <h2>Not delivered</h2>
          <ul className="plain">
            {failedImages.map((i) => (
              <li key={i.id}>
                #{i.batchIndex + 1}: <StatusBadge status={i.status} /> {i.errorMessage ?? i.errorCategory ?? ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AddToGallery({ imageEditId, index }: { imageEditId: string; index: number }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [tags, setTags] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<string | null>(null);
  const [state, add] = useMutation(GalleryAddMutation);
  if (added) return <p className="success" role="status">In your <Link to="/gallery">gallery</Link>.</p>;
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add image {index + 1} to gallery
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add({
      input: { imageEditId, title, tags: tags.split(",").map((t) => t.trim()).filter(Boolean) },
    });
    const payload = result.data?.galleryAdd;
    setErrors(fieldErrors(payload?.userErrors));
    if (payload?.galleryItem) setAdded(payload.galleryItem.id);
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label={`Add image ${index + 1} to the gallery`} noValidate>
      <Field label="Title" error={errorFor(errors, "title")}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label="Tags (comma-separated)" error={errorFor(errors, "tags")}>
        {(props) => <input {...props} value={tags} onChange={(e) => setTags(e.target.value)} />}
      </Field>
      {errors[""] || errorFor(errors, "imageEditId") ? <p className="field-error" role="alert">{errors[""] ?? errorFor(errors, "imageEditId")}</p> : null}
      <ErrorBox error={state.error} />
      <button type="submit" className="primary" disabled={state.fetching}>
        Save to gallery
      </button>
    </form>
  );
}
