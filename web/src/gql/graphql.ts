/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date (isoformat) */
  Date: { input: string; output: string; }
  /** Date with time (ISO 8601). Read as UTC when it has no offset; an instant outside years 1 to 9999 in UTC is refused (BAD_USER_INPUT, reason OUT_OF_RANGE). */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** Represents a file upload. */
  Upload: { input: File; output: File; }
};

/** An archive of your data (`meExport`): JSON of your rows plus your images and uploads. */
export type AccountExport = {
  __typename?: 'AccountExport';
  /** When it was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Why it FAILED; null otherwise. */
  error?: Maybe<Scalars['String']['output']>;
  /** Until when the archive is kept (`EXPORT_LINK_DAYS` after it was built); it is removed afterwards. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** The archive's size in bytes, once READY. */
  sizeBytes?: Maybe<Scalars['Int']['output']>;
  /** Where the export stands. */
  status: ExportStatus;
  /** A link to the zip archive while READY; it expires like `ImageEdit.url` (read it again for a fresh one) and is null once the export expired, failed or is not built yet. */
  url?: Maybe<Scalars['String']['output']>;
};

/** Your account export ended: READY (read `accountExport(id)` for its link) or FAILED. */
export type AccountExportEvent = {
  __typename?: 'AccountExportEvent';
  /** The export's id. */
  accountExportId: Scalars['ID']['output'];
  /** When it ended. */
  at: Scalars['DateTime']['output'];
  /** EVENT: as it happened; REPLAY: missed while away, replayed after `afterSeq`. */
  kind: ProgressEventKind;
  /** READY or FAILED. */
  status: ExportStatus;
  /** Your event number, as on `BatchProgressEvent.userSeq`: resume `myEvents` with `afterSeq`. */
  userSeq?: Maybe<Scalars['Int']['output']>;
};

/** A long-lived, scoped credential for your servers (without its secret). */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** Creation time. */
  createdAt: Scalars['DateTime']['output'];
  /** Refused from this time on; null: never expires. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** The client address of that use. */
  lastUsedAddress?: Maybe<Scalars['String']['output']>;
  /** About when it was last used (recorded at most once a minute); null: never used. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Your name for the key. */
  name: Scalars['String']['output'];
  /** The key's first characters (`ppk_` and 8 more), to tell keys apart. */
  prefix: Scalars['String']['output'];
  /** When it was revoked; null while it is usable. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key may reach. */
  scopes: Array<ApiKeyScope>;
};

/** A page of a list, newest first. */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  /** The items of this page. */
  edges: Array<ApiKeyEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** A new API key. */
export type ApiKeyCreateInput = {
  /** When it stops working (with a time zone, in the future); null: never. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Your name for it, 1-80 characters. */
  name: Scalars['String']['input'];
  /** What it may reach; at least one. */
  scopes: Array<ApiKeyScope>;
};

/** Result of creating an API key. */
export type ApiKeyCreatePayload = {
  __typename?: 'ApiKeyCreatePayload';
  /** The new key, when it succeeded. */
  apiKey?: Maybe<ApiKey>;
  /** The key itself (`ppk_…`): shown this once and never again; send it as `Authorization: Bearer`. */
  key?: Maybe<Scalars['String']['output']>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** One item of a page and its cursor. */
export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: ApiKey;
};

/** Result of revoking an API key. */
export type ApiKeyRevokePayload = {
  __typename?: 'ApiKeyRevokePayload';
  /** The revoked key, when it succeeded. */
  apiKey?: Maybe<ApiKey>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** What an API key may reach: READ (every read of your own data and the progress subscriptions), GENERATE (generations, uploads, projects), PRESETS (changing style presets), GALLERY (changing the gallery), WEBHOOKS (webhook endpoints and deliveries), ANALYTICS (usage analytics). No key reaches administrator fields or the API key fields themselves. */
export type ApiKeyScope =
  | 'ANALYTICS'
  | 'GALLERY'
  | 'GENERATE'
  | 'PRESETS'
  | 'READ'
  | 'WEBHOOKS';

/** An aspect ratio and the size it resolves to at each tier. */
export type AspectRatioOption = {
  __typename?: 'AspectRatioOption';
  /** Width:height, e.g. 16:9. */
  ratio: Scalars['String']['output'];
  /** The size at each tier that fits the bounds. */
  sizes: Array<SizeOption>;
};

/** One provider call of a batch: a single image or a whole set. */
export type BatchItem = {
  __typename?: 'BatchItem';
  /** Provider calls made (transient failures are retried). */
  attempts: Scalars['Int']['output'];
  /** Why it failed, when it did. */
  errorCategory?: Maybe<ErrorCategory>;
  /** What went wrong, for people. */
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** Position in the batch, from 0. */
  itemIndex: Scalars['Int']['output'];
  /** Images asked of this call. */
  maxImages: Scalars['Int']['output'];
  /** Wall time of the successful call. */
  processingTimeMs?: Maybe<Scalars['Int']['output']>;
  /** The prompt sent to the provider (style preset applied). */
  prompt: Scalars['String']['output'];
  /** The item this one retries. */
  retriedFromItemId?: Maybe<Scalars['ID']['output']>;
  /** PENDING, RUNNING, SUCCEEDED (all delivered) or FAILED. */
  status: EditStatus;
};

/** One generate request: its images, provider calls and credits. */
export type BatchJob = {
  __typename?: 'BatchJob';
  /** Images delivered. */
  completedImages: Scalars['Int']['output'];
  /** Submission time. */
  createdAt: Scalars['DateTime']['output'];
  /** Credits charged for delivered images. */
  creditsCaptured: Scalars['Int']['output'];
  /** Credits still on hold (0 once the batch ended). */
  creditsHeld: Scalars['Int']['output'];
  /** Credits returned for images not delivered. */
  creditsRefunded: Scalars['Int']['output'];
  /** Credits held at submit (the full quote). */
  creditsReserved: Scalars['Int']['output'];
  /** Why the whole batch failed, if it did. */
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** Images that failed (cancelled ones not included). */
  failedImages: Scalars['Int']['output'];
  /** When it ended. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Requested height. */
  height: Scalars['Int']['output'];
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** The client's idempotency key, if sent. */
  idempotencyKey?: Maybe<Scalars['String']['output']>;
  /** Every requested image, in batch order. */
  images: Array<ImageEdit>;
  /** The provider calls, in order. */
  items: Array<BatchItem>;
  /** The generation mode. */
  mode: GenerationMode;
  /** Size, tier, references and preset settings. */
  parameters: Scalars['JSON']['output'];
  /** The presets it used: exact versions, weights and intensities, lead first. */
  presetsUsed: Array<BatchPresetUse>;
  /** The project it belongs to. */
  projectId: Scalars['ID']['output'];
  /** The prompts as the user wrote them. */
  prompts: Array<Scalars['String']['output']>;
  /** The image this batch remixes, when it does. */
  remixedFrom?: Maybe<RemixOrigin>;
  /** The batch this one retries. */
  retriedFromId?: Maybe<Scalars['ID']['output']>;
  /** Price tier of the size. */
  sizeTier: SizeTier;
  /** When a worker started it. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the batch stands. */
  status: BatchStatus;
  /** The lead style preset applied, if any. */
  stylePresetId?: Maybe<Scalars['ID']['output']>;
  /** Images requested. */
  totalImages: Scalars['Int']['output'];
  /** Requested width. */
  width: Scalars['Int']['output'];
};

/** Result of a cancel: delivered images are kept, the rest refunded. */
export type BatchJobCancelPayload = {
  __typename?: 'BatchJobCancelPayload';
  /** The batch, now CANCELLED. */
  batchJob?: Maybe<BatchJob>;
  /** Images delivered before the cancel (kept, charged). */
  keptImages: Scalars['Int']['output'];
  /** Credits returned by this cancel. */
  refundedCredits: Scalars['Int']['output'];
  /** Images cancelled and refunded. */
  refundedImages: Scalars['Int']['output'];
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
};

/** A page of a list, newest first. */
export type BatchJobConnection = {
  __typename?: 'BatchJobConnection';
  /** The items of this page. */
  edges: Array<BatchJobEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type BatchJobEdge = {
  __typename?: 'BatchJobEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: BatchJob;
};

/** Narrows the batch job list. */
export type BatchJobFilter = {
  /** Only this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this status. */
  status?: InputMaybe<BatchStatus>;
};

/** Result of a retry: a new batch linked to the original. */
export type BatchJobRetryPayload = {
  __typename?: 'BatchJobRetryPayload';
  /** The new batch. */
  batchJob?: Maybe<BatchJob>;
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
};

/** A preset a batch used: the exact version, weight and intensity. */
export type BatchPresetUse = {
  __typename?: 'BatchPresetUse';
  /** Its intensity, 0-1. */
  intensity: Scalars['Float']['output'];
  /** Its name when the batch used it. */
  name: Scalars['String']['output'];
  /** Order in the composition (0: the lead preset). */
  position: Scalars['Int']['output'];
  /** The preset now, when you may still read it. */
  preset?: Maybe<StylePreset>;
  /** The preset (null if it no longer exists). */
  presetId?: Maybe<Scalars['ID']['output']>;
  /** The version's settings, exactly as the batch used them. */
  presetVersion?: Maybe<StylePresetVersion>;
  /** The version used. */
  version: Scalars['Int']['output'];
  /** Its weight in the mix. */
  weight: Scalars['Float']['output'];
};

/** A batch's progress: the stored snapshot or a live change. `seq` rises by one per event. */
export type BatchProgressEvent = {
  __typename?: 'BatchProgressEvent';
  /** When the event was made. */
  at: Scalars['DateTime']['output'];
  /** The batch. */
  batchJobId: Scalars['ID']['output'];
  /** Images cancelled. */
  cancelled: Scalars['Int']['output'];
  /** Images delivered. */
  completed: Scalars['Int']['output'];
  /** Credits charged so far. */
  creditsCaptured: Scalars['Int']['output'];
  /** Credits still on hold. */
  creditsHeld: Scalars['Int']['output'];
  /** Credits returned so far. */
  creditsRefunded: Scalars['Int']['output'];
  /** When the batch should end (`at` + `etaSeconds`): count down to it between events; null once ended. */
  etaAt?: Maybe<Scalars['DateTime']['output']>;
  /** Queue wait + run time; null once ended. */
  etaSeconds?: Maybe<Scalars['Float']['output']>;
  /** Images failed. */
  failed: Scalars['Int']['output'];
  /** Delivered images / total, 0..1 (completed / total). */
  fraction: Scalars['Float']['output'];
  /** The image delivered with this event, if any. */
  image?: Maybe<DeliveredImage>;
  /** On a SNAPSHOT: every image delivered so far, in batch order; empty on other events. */
  images: Array<DeliveredImage>;
  /** SNAPSHOT: the state read from the database (lists every delivered image in `images`); EVENT: a change as it happened; REPLAY: a change missed while away, replayed after `afterSeq`. */
  kind: ProgressEventKind;
  /** Its project. */
  projectId: Scalars['ID']['output'];
  /** 1 = next to start; null once running. */
  queuePosition?: Maybe<Scalars['Int']['output']>;
  /** Estimated wait before a worker starts it. */
  queueWaitSeconds?: Maybe<Scalars['Float']['output']>;
  /** Estimated remaining run time (measured averages). */
  runSeconds?: Maybe<Scalars['Float']['output']>;
  /** Per-batch sequence number; resume with `afterSeq`. */
  seq: Scalars['Int']['output'];
  /** The batch's status. */
  status: BatchStatus;
  /** True on the last event (the batch ended). */
  terminal: Scalars['Boolean']['output'];
  /** Images requested. */
  total: Scalars['Int']['output'];
  /** On `myEvents`: your event number, rising by one per event of yours (batch and balance events alike); resume `myEvents` with `afterSeq` set to the last one you got. Null on `batchProgress`, and on an event that could not be numbered (a resume from before it gets a SNAPSHOT). */
  userSeq?: Maybe<Scalars['Int']['output']>;
};

/** QUEUED → RUNNING → SUCCEEDED | PARTIALLY_SUCCEEDED | FAILED | CANCELLED; CANCEL_REQUESTED while a cancel is being carried out. */
export type BatchStatus =
  | 'CANCELLED'
  | 'CANCEL_REQUESTED'
  | 'FAILED'
  | 'PARTIALLY_SUCCEEDED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** A webhook for one batch (as `generate` input): its events, signed with a secret of its own. */
export type BatchWebhookInput = {
  /** Batch event types (`batch.succeeded`, ...); default: every batch event. */
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Public https URL (http allowed outside production), no user name or password; checked against DNS now and at every delivery. */
  url: Scalars['String']['input'];
};

/** Modes, sizes, limits and prices of this service. */
export type Capabilities = {
  __typename?: 'Capabilities';
  /** Ready-made sizes by aspect ratio. */
  aspectRatios: Array<AspectRatioOption>;
  /** The size used when none is given. */
  defaultSize: SizeOption;
  /** Request limits. */
  limits: GenerationLimits;
  /** The generation modes. */
  modes: Array<ModeCapability>;
  /** Credits per delivered image by mode and tier. */
  prices: Array<Price>;
  /** The Seedream provider in use (simulator, wavespeed, ark). */
  provider: Scalars['String']['output'];
  /** Seed, size and reference-image facts. */
  providerFacts: ProviderFacts;
  /** Credits a new account starts with. */
  signupCredits: Scalars['Int']['output'];
  /** Custom sizes must fall within these. */
  sizeBounds: SizeBounds;
};

/** Your spendable balance or the credits held for your open batches changed. */
export type CreditBalanceEvent = {
  __typename?: 'CreditBalanceEvent';
  /** The spendable balance. */
  balance: Scalars['Int']['output'];
  /** Credits on hold for your open batches (reserved at submit; charged or returned per image). Sent only when this or the balance changed. */
  held: Scalars['Int']['output'];
  /** EVENT: a change as it happened; REPLAY: a change missed while away, replayed after `afterSeq`; SNAPSHOT: the balance read from the database (a resume that could not replay everything). */
  kind: ProgressEventKind;
  /** Your event number, as on `BatchProgressEvent.userSeq`: resume `myEvents` with `afterSeq`. */
  userSeq?: Maybe<Scalars['Int']['output']>;
};

/** One ledger entry. The amounts of all entries sum to the balance. */
export type CreditTransaction = {
  __typename?: 'CreditTransaction';
  /** Change of the spendable balance (negative when held). */
  amount: Scalars['Int']['output'];
  /** The balance right after this entry. */
  balanceAfter: Scalars['Int']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** A note, such as an administrator's reason. */
  description: Scalars['String']['output'];
  /** Change of the credits on hold. */
  heldDelta: Scalars['Int']['output'];
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** Why the credits moved. */
  kind: LedgerKind;
  /** What it belongs to, such as a batch job id. */
  reference?: Maybe<Scalars['String']['output']>;
};

/** A page of a list, newest first. */
export type CreditTransactionConnection = {
  __typename?: 'CreditTransactionConnection';
  /** The items of this page. */
  edges: Array<CreditTransactionEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type CreditTransactionEdge = {
  __typename?: 'CreditTransactionEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: CreditTransaction;
};

/** An administrator's grant of credits to a user. */
export type CreditsGrantInput = {
  /** Credits to add, 1-1,000,000. */
  amount: Scalars['Int']['input'];
  /** Repeat the call with the same key and it is applied once. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Shown in the user's ledger. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The user to credit. */
  userId: Scalars['ID']['input'];
};

/** Result of a credit grant. */
export type CreditsGrantPayload = {
  __typename?: 'CreditsGrantPayload';
  /** The ledger entry. */
  transaction?: Maybe<CreditTransaction>;
  /** The credited user, with the new balance. */
  user?: Maybe<User>;
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
};

/** A time range: from (inclusive) to (exclusive); at most 366 days. */
export type DateRangeInput = {
  /** Start, inclusive. */
  from: Scalars['DateTime']['input'];
  /** End, exclusive. */
  to: Scalars['DateTime']['input'];
};

/** Where a delivered image is, as carried by a progress event. */
export type DeliveredImage = {
  __typename?: 'DeliveredImage';
  /** Its position in the batch. */
  batchIndex: Scalars['Int']['output'];
  /** Height in pixels. */
  height?: Maybe<Scalars['Int']['output']>;
  /** The image's id. */
  imageEditId: Scalars['ID']['output'];
  /** A link to it, which expires like `ImageEdit.url`. */
  url?: Maybe<Scalars['String']['output']>;
  /** Width in pixels. */
  width?: Maybe<Scalars['Int']['output']>;
};

/** The state of one requested image or provider call. */
export type EditStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCEEDED';

/** Why an image failed: TRANSIENT (provider trouble, retried before giving up), CONTENT_POLICY, INVALID_INPUT, PROVIDER_AUTH (our side; operators are alerted), CANCELLED, INTERNAL. */
export type ErrorCategory =
  | 'CANCELLED'
  | 'CONTENT_POLICY'
  | 'INTERNAL'
  | 'INVALID_INPUT'
  | 'PROVIDER_AUTH'
  | 'TRANSIENT';

/** Where an account export stands: QUEUED and RUNNING while the archive is built; READY when `url` downloads it; FAILED (see `error`; request a new one); EXPIRED once `expiresAt` passed and the archive was removed. */
export type ExportStatus =
  | 'EXPIRED'
  | 'FAILED'
  | 'QUEUED'
  | 'READY'
  | 'RUNNING';

/** Images not delivered, by why. */
export type FailureCount = {
  __typename?: 'FailureCount';
  /** An `ErrorCategory` value (CANCELLED for cancels). */
  category?: Maybe<Scalars['String']['output']>;
  /** Images. */
  images: Scalars['Int']['output'];
};

/** An image of yours to keep in your gallery. */
export type GalleryAddInput = {
  /** A delivered image of yours. */
  imageEditId: Scalars['ID']['input'];
  /** Up to 20 tags of 1-40 characters (stored lower-case). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Up to 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A named collection of your gallery items (like a board); an item can be in several. */
export type GalleryCollection = {
  __typename?: 'GalleryCollection';
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description (may be empty). */
  description: Scalars['String']['output'];
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** How many items it holds. */
  itemCount: Scalars['Int']['output'];
  /** Its items, newest first. `first` is at most 100. */
  items: GalleryItemConnection;
  /** Its name (unique among yours). */
  name: Scalars['String']['output'];
  /** Last change. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A named collection of your gallery items (like a board); an item can be in several. */
export type GalleryCollectionItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** A page of a list, newest first. */
export type GalleryCollectionConnection = {
  __typename?: 'GalleryCollectionConnection';
  /** The items of this page. */
  edges: Array<GalleryCollectionEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** Result of deleting a collection (its items stay in your gallery). */
export type GalleryCollectionDeletePayload = {
  __typename?: 'GalleryCollectionDeletePayload';
  /** Id of the deleted collection. */
  removedId?: Maybe<Scalars['ID']['output']>;
  /** Expected failures (validation, not found, conflicts); empty on success. */
  userErrors: Array<UserError>;
};

/** One item of a page and its cursor. */
export type GalleryCollectionEdge = {
  __typename?: 'GalleryCollectionEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: GalleryCollection;
};

/** A new collection of your gallery items. */
export type GalleryCollectionInput = {
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1-120 characters, unique among your collections. */
  name: Scalars['String']['input'];
};

/** Result of creating or changing a collection, or of adding or removing its items. */
export type GalleryCollectionPayload = {
  __typename?: 'GalleryCollectionPayload';
  /** The collection. */
  collection?: Maybe<GalleryCollection>;
  /** Expected failures (validation, not found, conflicts); empty on success. */
  userErrors: Array<UserError>;
};

/** Changes to a collection; omitted fields stay as they are. */
export type GalleryCollectionUpdateInput = {
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1-120 characters, unique among yours. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Narrows your gallery; all given conditions must hold. */
export type GalleryFilter = {
  /** Only items in this collection. */
  collectionId?: InputMaybe<Scalars['ID']['input']>;
  /** Added after this time. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Added before this time. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only favourites (true) or the others. */
  favorite?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only this mode. */
  mode?: InputMaybe<GenerationMode>;
  /** Only images whose batch applied this preset first. */
  presetId?: InputMaybe<Scalars['ID']['input']>;
  /** Only this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Words that must all occur in the title, prompt or tags (full-text search). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only items carrying every one of these. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** An image you kept, with your title, tags and flags. */
export type GalleryItem = {
  __typename?: 'GalleryItem';
  /** The collections it is in, by name. */
  collections: Array<GalleryCollection>;
  /** When it was added. */
  createdAt: Scalars['DateTime']['output'];
  /** Marked as a favourite. */
  favorite: Scalars['Boolean']['output'];
  /** An administrator hid it from the public gallery after reports (it stays yours). */
  hidden: Scalars['Boolean']['output'];
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** The image, with `remix` for its parameters. */
  image: ImageEdit;
  /** Likes from users (while it is public). */
  likeCount: Scalars['Int']['output'];
  /** The first preset its batch applied. */
  presetId?: Maybe<Scalars['ID']['output']>;
  /** The presets its batch applied, in order. */
  presets: Array<PresetUseParameters>;
  /** The project the image belongs to. */
  project?: Maybe<Project>;
  /** Your tags, lower-case. */
  tags: Array<Scalars['String']['output']>;
  /** Your title (may be empty). */
  title: Scalars['String']['output'];
  /** Last change. */
  updatedAt: Scalars['DateTime']['output'];
  /** PRIVATE or PUBLIC. */
  visibility: GalleryVisibility;
};

/** A page of a list, newest first. */
export type GalleryItemConnection = {
  __typename?: 'GalleryItemConnection';
  /** The items of this page. */
  edges: Array<GalleryItemEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type GalleryItemEdge = {
  __typename?: 'GalleryItemEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: GalleryItem;
};

/** Result of adding or changing a gallery item. */
export type GalleryItemPayload = {
  __typename?: 'GalleryItemPayload';
  /** The item, when it succeeded. */
  galleryItem?: Maybe<GalleryItem>;
  /** Expected failures (validation, not found, conflicts); empty on success. */
  userErrors: Array<UserError>;
};

/** NEWEST: newest first. FAVORITES_FIRST: favourites (newest first), then the rest. */
export type GalleryOrder =
  | 'FAVORITES_FIRST'
  | 'NEWEST';

/** Result of removing a gallery item (the image itself stays). */
export type GalleryRemovePayload = {
  __typename?: 'GalleryRemovePayload';
  /** Id of the removed item. */
  removedId?: Maybe<Scalars['ID']['output']>;
  /** Expected failures (validation, not found, conflicts); empty on success. */
  userErrors: Array<UserError>;
};

/** A user's report of a public gallery item (administrators see them). */
export type GalleryReportType = {
  __typename?: 'GalleryReportType';
  /** When it was reported. */
  createdAt: Scalars['DateTime']['output'];
  /** What the reporter wrote (may be empty). */
  reason: Scalars['String']['output'];
};

/** Changes to a gallery item; omitted fields stay as they are. */
export type GalleryUpdateInput = {
  /** Mark or unmark as a favourite. */
  favorite?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces the tags (up to 20). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Up to 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** PUBLIC shows it in the public gallery (title, tags, image, prompt, your name). */
  visibility?: InputMaybe<GalleryVisibility>;
};

/** Who sees a gallery item: only you, or everyone in the public gallery. */
export type GalleryVisibility =
  | 'PRIVATE'
  | 'PUBLIC';

/** What to generate. See `capabilities` for modes, sizes, limits and prices. */
export type GenerateInput = {
  /** Aspect ratio such as 16:9 (with `resolution`). */
  aspectRatio?: InputMaybe<Scalars['String']['input']>;
  /** Variations per prompt (sets: sets per prompt). */
  count?: Scalars['Int']['input'];
  /** Resubmitting with the same key returns the first batch and charges once. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Images per set (SEQUENTIAL / EDIT_SEQUENTIAL), 1-15; default 4. */
  maxImages?: InputMaybe<Scalars['Int']['input']>;
  /** The generation mode (default: the lead preset's default mode, else TEXT_TO_IMAGE). */
  mode?: InputMaybe<GenerationMode>;
  /** Up to 3 style presets, mixed by weight (heaviest leads), each at its intensity (see the README). */
  presets?: InputMaybe<Array<PresetUseInput>>;
  /** The project the images belong to. */
  projectId: Scalars['ID']['input'];
  /** One prompt (or use `prompts`). */
  prompt?: InputMaybe<Scalars['String']['input']>;
  /** Several prompts, one batch. */
  prompts?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Reference images (edit and multi-reference modes). */
  references?: InputMaybe<Array<ReferenceInput>>;
  /** A public gallery item this remixes (its `remix` gives the parameters you may reuse): recorded as the batch's `remixedFrom`, with the author's display name. */
  remixOfGalleryItemId?: InputMaybe<Scalars['ID']['input']>;
  /** One of your images this remixes (its `remix` gives the parameters): recorded as the batch's `remixedFrom`; presets the image recorded stay usable at that version after they are deleted. */
  remixOfImageId?: InputMaybe<Scalars['ID']['input']>;
  /** Resolution tier for `aspectRatio`. */
  resolution?: InputMaybe<SizeTier>;
  /** Seed for reproducible results (where supported). */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Exact size as WxH, e.g. 2048x2048. */
  size?: InputMaybe<Scalars['String']['input']>;
  /** With `stylePresetId`: its intensity, 0-1. */
  styleIntensity?: InputMaybe<Scalars['Float']['input']>;
  /** Shorthand for `presets: [{presetId}]` (not with `presets`). */
  stylePresetId?: InputMaybe<Scalars['ID']['input']>;
  /** POST this batch's events to a URL (signed; the secret is in the payload's `webhookSecret`). */
  webhook?: InputMaybe<BatchWebhookInput>;
};

/** The exact parameters that made an image, named like `GenerateInput`'s fields: pass them back as `generate(input: ...)`, unchanged or tweaked. */
export type GenerateParameters = {
  __typename?: 'GenerateParameters';
  /** Images of the set (set modes only). */
  maxImages?: Maybe<Scalars['Int']['output']>;
  /** The generation mode. */
  mode: GenerationMode;
  /** The presets applied, in order, with versions, weights and intensities. */
  presets: Array<PresetUseParameters>;
  /** The project the image belongs to. */
  projectId: Scalars['ID']['output'];
  /** The prompt as the user wrote it (presets are applied at submit). */
  prompt: Scalars['String']['output'];
  /** The reference images, in order. */
  references: Array<ReferenceParameters>;
  /** The seed of the provider call that made the image. */
  seed?: Maybe<Scalars['Int']['output']>;
  /** The size as WxH. */
  size: Scalars['String']['output'];
};

/** Result of a generate request. */
export type GeneratePayload = {
  __typename?: 'GeneratePayload';
  /** The batch, queued; `creditsReserved` is what was held. */
  batchJob?: Maybe<BatchJob>;
  /** False when the idempotency key returned an earlier batch (nothing charged). */
  created: Scalars['Boolean']['output'];
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
  /** With `input.webhook`: the secret its deliveries are signed with (`whsec_...`), shown this once. */
  webhookSecret?: Maybe<Scalars['String']['output']>;
};

/** Limits on one generation request. */
export type GenerationLimits = {
  __typename?: 'GenerationLimits';
  /** Most images in one batch job. */
  maxBatchImages: Scalars['Int']['output'];
  /** Most variations per prompt. */
  maxCountPerPrompt: Scalars['Int']['output'];
  /** Largest `first` of any list. */
  maxPageSize: Scalars['Int']['output'];
  /** Longest prompt, in characters. */
  maxPromptLength: Scalars['Int']['output'];
  /** Most prompts in one batch. */
  maxPrompts: Scalars['Int']['output'];
  /** Largest reference image upload. */
  maxReferenceBytes: Scalars['Int']['output'];
  /** Most reference images per request. */
  maxReferences: Scalars['Int']['output'];
  /** Most images in one consistent set (`maxImages`). The prompt sent states the count; a set may still come back short, and its missing images are refunded. */
  maxSetImages: Scalars['Int']['output'];
  /** Accepted reference image types. */
  referenceContentTypes: Array<Scalars['String']['output']>;
};

/** What a generation does. */
export type GenerationMode =
  | 'EDIT'
  | 'EDIT_SEQUENTIAL'
  | 'MULTI_REFERENCE'
  | 'SEQUENTIAL'
  | 'TEXT_TO_IMAGE';

/** Time series buckets, in UTC (weeks start on Monday). */
export type Granularity =
  | 'DAY'
  | 'HOUR'
  | 'WEEK';

/** How `groups` splits the totals. */
export type GroupBy =
  | 'MODE'
  | 'PRESET'
  | 'PROJECT';

/** One requested image: its inputs, outcome and where to load it. */
export type ImageEdit = {
  __typename?: 'ImageEdit';
  /** Position in the batch, from 0. */
  batchIndex: Scalars['Int']['output'];
  /** The batch that made it. */
  batchJobId?: Maybe<Scalars['ID']['output']>;
  /** MIME type of the stored image. */
  contentType?: Maybe<Scalars['String']['output']>;
  /** When it was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Credits for this image (captured if delivered, else refunded). */
  credits: Scalars['Int']['output'];
  /** Why it failed, when it did. */
  errorCategory?: Maybe<ErrorCategory>;
  /** The provider's own code, when it gave one. */
  errorCode?: Maybe<Scalars['String']['output']>;
  /** What went wrong, for people. */
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** The prompt sent to the provider (presets applied). */
  finalPrompt?: Maybe<Scalars['String']['output']>;
  /** Actual height in pixels. */
  height?: Maybe<Scalars['Int']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** How it was generated. */
  mode: GenerationMode;
  /** Provider time for the call that made it. */
  processingTimeMs?: Maybe<Scalars['Int']['output']>;
  /** The project it belongs to. */
  projectId: Scalars['ID']['output'];
  /** The prompt as the user wrote it. */
  prompt: Scalars['String']['output'];
  /** The parameters that made this image, shaped like `GenerateInput`: resubmit or tweak them. */
  remix: GenerateParameters;
  /** Seed sent to the provider, when it takes one. */
  seed?: Maybe<Scalars['Int']['output']>;
  /** Requested size as WxH. */
  size: Scalars['String']['output'];
  /** Stored size in bytes. */
  sizeBytes?: Maybe<Scalars['Int']['output']>;
  /** Links to the reference images used (expire like `url`). */
  sourceImages: Array<Scalars['String']['output']>;
  /** PENDING, RUNNING, SUCCEEDED, FAILED or CANCELLED. */
  status: EditStatus;
  /** The style preset applied, if any. */
  styleName?: Maybe<Scalars['String']['output']>;
  /** A link to the image, once delivered: it works for `MEDIA_LINK_SECONDS` (see the README); read it again for a fresh one. */
  url?: Maybe<Scalars['String']['output']>;
  /** Actual width in pixels. */
  width?: Maybe<Scalars['Int']['output']>;
};

/** A page of a list, newest first. */
export type ImageEditConnection = {
  __typename?: 'ImageEditConnection';
  /** The items of this page. */
  edges: Array<ImageEditEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** Result of deleting an image (its file goes; the ledger is untouched). */
export type ImageEditDeletePayload = {
  __typename?: 'ImageEditDeletePayload';
  /** Id of the deleted image. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
};

/** One item of a page and its cursor. */
export type ImageEditEdge = {
  __typename?: 'ImageEditEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: ImageEdit;
};

/** Result of an image upload. */
export type ImageUploadPayload = {
  __typename?: 'ImageUploadPayload';
  /** The stored reference image. */
  image?: Maybe<ReferenceImage>;
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
};

/** One thing that drew an insight, with how many times (most first). */
export type InsightCount = {
  __typename?: 'InsightCount';
  /** Images. */
  count: Scalars['Int']['output'];
  /** `preset: <name>` or `prompt: <text>`. */
  label: Scalars['String']['output'];
};

/** A number an insight is based on. */
export type InsightFigure = {
  __typename?: 'InsightFigure';
  /** What it counts: imagesRequested, imagesDelivered, otherImagesRequested, otherImagesDelivered, images, creditsRefunded, creditsSpent, imagesKept or creditsAtLowerTier. */
  name: Scalars['String']['output'];
  /** The count or sum, read from your own rows. */
  value: Scalars['Float']['output'];
};

/** LOW_SUCCESS_PRESET / LOW_SUCCESS_MODE: delivered far less often than your other images. CONTENT_POLICY_REFUNDS: images refused on content policy. COSTLY_TIER: a pricier tier whose images you rarely keep. */
export type InsightKind =
  | 'CONTENT_POLICY_REFUNDS'
  | 'COSTLY_TIER'
  | 'LOW_SUCCESS_MODE'
  | 'LOW_SUCCESS_PRESET';

/** Where an invitation stands: open, used (each link works once), revoked or expired. */
export type InvitationStatus =
  | 'ACCEPTED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

/** Why credits moved: SIGNUP and GRANT add credits; RESERVE holds the quote of a job; CAPTURE settles a delivered image from the hold; REFUND returns what was not delivered. */
export type LedgerKind =
  | 'CAPTURE'
  | 'GRANT'
  | 'REFUND'
  | 'RESERVE'
  | 'SIGNUP';

/** Result of deleting your account's data. */
export type MeDeletePayload = {
  __typename?: 'MeDeletePayload';
  /** True when the data was deleted. */
  deleted: Scalars['Boolean']['output'];
  /** Stored files removed. */
  files: Scalars['Int']['output'];
  /** Style presets removed. */
  presets: Scalars['Int']['output'];
  /** Projects removed (with their batches and images). */
  projects: Scalars['Int']['output'];
  /** Uploaded reference images removed. */
  uploads: Scalars['Int']['output'];
  /** Expected failures (validation, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** Result of requesting an export of your data. */
export type MeExportPayload = {
  __typename?: 'MeExportPayload';
  /** The export, QUEUED; `myEvents` says when it is READY (or FAILED). */
  accountExport?: Maybe<AccountExport>;
  /** Expected failures (validation, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** One generation mode and the references it takes. */
export type ModeCapability = {
  __typename?: 'ModeCapability';
  /** What it does. */
  description: Scalars['String']['output'];
  /** Most reference images it takes. */
  maxReferences: Scalars['Int']['output'];
  /** Fewest reference images it needs. */
  minReferences: Scalars['Int']['output'];
  /** The mode. */
  mode: GenerationMode;
  /** Whether it makes a consistent set (uses `maxImages`). */
  producesSet: Scalars['Boolean']['output'];
};

/** Write operations; expected failures come back in each payload's `userErrors`. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Create an API key; the key itself is in this payload only, never shown again. Sessions only. */
  apiKeyCreate: ApiKeyCreatePayload;
  /** Revoke one of your API keys: refused at once on this server, and on every other API process within `API_KEY_CACHE_SECONDS` (5 s by default). Sessions only. */
  apiKeyRevoke: ApiKeyRevokePayload;
  /** Cancel a queued or running batch: delivered images are kept, the rest refunded. */
  batchJobCancel: BatchJobCancelPayload;
  /** A new batch for the failed and cancelled images of an ended one, quoted and held as usual. */
  batchJobRetry: BatchJobRetryPayload;
  /** Add credits to a user's balance (administrators only). */
  creditsGrant: CreditsGrantPayload;
  /** Keep one of your delivered images in your gallery (private until you make it public). */
  galleryAdd: GalleryItemPayload;
  /** Put gallery items of yours in a collection (an item can be in several; adding again changes nothing). */
  galleryCollectionAddItems: GalleryCollectionPayload;
  /** Make a named collection for your gallery items (CONFLICT when you have one by that name). */
  galleryCollectionCreate: GalleryCollectionPayload;
  /** Delete a collection of yours (its items stay in your gallery). */
  galleryCollectionDelete: GalleryCollectionDeletePayload;
  /** Take items out of a collection of yours (they stay in your gallery). */
  galleryCollectionRemoveItems: GalleryCollectionPayload;
  /** Rename a collection of yours or change its description. */
  galleryCollectionUpdate: GalleryCollectionPayload;
  /** Administrators: hide a public item from the public gallery (or show it again). */
  galleryItemHide: PublicGalleryItemPayload;
  /** Like a public gallery item (one like per user; liking again changes nothing). */
  galleryLike: PublicGalleryItemPayload;
  /** Take an item out of your gallery (the image itself stays). */
  galleryRemove: GalleryRemovePayload;
  /** Report another user's public item to the administrators (once per item; CONFLICT after). */
  galleryReport: PublicGalleryItemPayload;
  /** Take your like of a public gallery item back. */
  galleryUnlike: PublicGalleryItemPayload;
  /** Change the title, tags, favourite flag or visibility of one of your gallery items. */
  galleryUpdate: GalleryItemPayload;
  /** Queue a generation: the quote is held now, delivered images are charged, the rest refunded. */
  generate: GeneratePayload;
  /** Delete one of your images and its file (and its gallery items); refused while its batch is running. The credits it cost stay charged. */
  imageEditDelete: ImageEditDeletePayload;
  /** Upload a reference image (GraphQL multipart request; send the header `X-Playground-Upload: 1`). */
  imageUpload: ImageUploadPayload;
  /** Delete your projects, batches, images, gallery items, presets, uploads, exports, API keys and webhooks with their files, and remove your identity (the credit ledger stays, anonymised). Cannot be undone. Sessions only. */
  meDelete: MeDeletePayload;
  /** Export your data: a zip archive with JSON of your projects, batches, presets (with every version), gallery, credit ledger and uploads, plus your images and uploaded files. Built in the background; `myEvents` announces it (AccountExportEvent) and `accountExport(id).url` downloads it until `expiresAt`. At most `EXPORTS_PER_DAY` a day (RATE_LIMITED otherwise). Sessions only. */
  meExport: MeExportPayload;
  /** Create a project. */
  projectCreate: ProjectPayload;
  /** Delete a project you own with its generations. */
  projectDelete: ProjectDeletePayload;
  /** Change a project you own. */
  projectUpdate: ProjectPayload;
  /** Create a private preset. */
  stylePresetCreate: StylePresetPayload;
  /** Delete a preset (batches that used it still show it). */
  stylePresetDelete: StylePresetDeletePayload;
  /** A private copy of a preset (by id or share code), linked to its origin. */
  stylePresetFork: StylePresetPayload;
  /** Create a private preset from an exported document; each bad field is a userError. */
  stylePresetImport: StylePresetPayload;
  /** Generate one sample image with the preset (charged as usual); it becomes the preview. */
  stylePresetPreview: StylePresetPreviewPayload;
  /** Make a preset PRIVATE (revokes its share code), UNLISTED or PUBLIC. */
  stylePresetShare: StylePresetPayload;
  /** Save changes as a new version (earlier versions stay readable). */
  stylePresetUpdate: StylePresetPayload;
  /** Delete one of your uploaded reference images and its file; refused while a running batch uses it. */
  uploadDelete: UploadDeletePayload;
  /** Add an endpoint; its signing secret is in the payload, this once. */
  webhookEndpointCreate: WebhookEndpointSecretPayload;
  /** Delete an endpoint and its delivery log. */
  webhookEndpointDelete: WebhookEndpointDeletePayload;
  /** A new signing secret (in the payload, this once); the old one also signs for 24 hours. */
  webhookEndpointRotateSecret: WebhookEndpointSecretPayload;
  /** Send a `webhook.test` event to the endpoint now. */
  webhookEndpointTest: WebhookDeliveryPayload;
  /** Change an endpoint. */
  webhookEndpointUpdate: WebhookEndpointPayload;
  /** Send a delivery again (same event id) with a fresh retry schedule. */
  webhookRedeliver: WebhookDeliveryPayload;
  /** Create a team workspace; you are its owner. */
  workspaceCreate: WorkspacePayload;
  /** Delete a team workspace with its memberships and invitations (the owner; a personal one cannot be). */
  workspaceDelete: WorkspaceGonePayload;
  /** Join a workspace with an invitation's token, as yourself. Unknown, used, revoked and expired tokens are refused (`reason`: INVITATION_UNKNOWN, INVITATION_ACCEPTED, INVITATION_REVOKED, INVITATION_EXPIRED). */
  workspaceInvitationAccept: WorkspacePayload;
  /** Revoke an unused invitation (admins and the owner). */
  workspaceInvitationRevoke: WorkspaceInvitationPayload;
  /** Make a single-use invitation link into a team workspace (admins and the owner); its token is returned this once. */
  workspaceInvite: WorkspaceInvitePayload;
  /** Leave a workspace (anyone but its owner). */
  workspaceLeave: WorkspaceGonePayload;
  /** Remove a member below you (admins and the owner); their access ends at once. */
  workspaceMemberRemove: WorkspaceMemberRemovePayload;
  /** Give a member below you another role below yours (admins and the owner). */
  workspaceMemberRoleChange: WorkspaceMemberPayload;
  /** Rename a workspace (admins and the owner). */
  workspaceRename: WorkspacePayload;
  /** Make another member the owner of a team workspace (the owner); you stay as an admin. */
  workspaceTransfer: WorkspacePayload;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationApiKeyCreateArgs = {
  input: ApiKeyCreateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationApiKeyRevokeArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationBatchJobCancelArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationBatchJobRetryArgs = {
  id: Scalars['ID']['input'];
  onlyFailed?: Scalars['Boolean']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationCreditsGrantArgs = {
  input: CreditsGrantInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryAddArgs = {
  input: GalleryAddInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryCollectionAddItemsArgs = {
  id: Scalars['ID']['input'];
  itemIds: Array<Scalars['ID']['input']>;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryCollectionCreateArgs = {
  input: GalleryCollectionInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryCollectionDeleteArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryCollectionRemoveItemsArgs = {
  id: Scalars['ID']['input'];
  itemIds: Array<Scalars['ID']['input']>;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryCollectionUpdateArgs = {
  id: Scalars['ID']['input'];
  input: GalleryCollectionUpdateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryItemHideArgs = {
  hidden?: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryLikeArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryRemoveArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryReportArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryUnlikeArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGalleryUpdateArgs = {
  id: Scalars['ID']['input'];
  input: GalleryUpdateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationGenerateArgs = {
  input: GenerateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationImageEditDeleteArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationImageUploadArgs = {
  file: Scalars['Upload']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationMeDeleteArgs = {
  confirm: Scalars['String']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationProjectCreateArgs = {
  input: ProjectCreateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationProjectDeleteArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationProjectUpdateArgs = {
  id: Scalars['ID']['input'];
  input: ProjectUpdateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationStylePresetCreateArgs = {
  input: StylePresetInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationStylePresetDeleteArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationStylePresetForkArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  shareCode?: InputMaybe<Scalars['String']['input']>;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationStylePresetImportArgs = {
  document: Scalars['JSON']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationStylePresetPreviewArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationStylePresetShareArgs = {
  id: Scalars['ID']['input'];
  visibility: PresetVisibility;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationStylePresetUpdateArgs = {
  id: Scalars['ID']['input'];
  input: StylePresetUpdateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationUploadDeleteArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWebhookEndpointCreateArgs = {
  input: WebhookEndpointCreateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWebhookEndpointDeleteArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWebhookEndpointRotateSecretArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWebhookEndpointTestArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWebhookEndpointUpdateArgs = {
  id: Scalars['ID']['input'];
  input: WebhookEndpointUpdateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWebhookRedeliverArgs = {
  deliveryId: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceCreateArgs = {
  input: WorkspaceCreateInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceDeleteArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceInvitationAcceptArgs = {
  token: Scalars['String']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceInvitationRevokeArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceInviteArgs = {
  id: Scalars['ID']['input'];
  input: WorkspaceInviteInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceLeaveArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceMemberRemoveArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceMemberRoleChangeArgs = {
  id: Scalars['ID']['input'];
  role: WorkspaceRole;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceRenameArgs = {
  id: Scalars['ID']['input'];
  input: WorkspaceRenameInput;
};


/** Write operations; expected failures come back in each payload's `userErrors`. */
export type MutationWorkspaceTransferArgs = {
  id: Scalars['ID']['input'];
  memberId: Scalars['ID']['input'];
};

/** An event of yours. */
export type MyEvent = AccountExportEvent | BatchProgressEvent | CreditBalanceEvent;

/** Where a page sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge; pass it as `after`. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow `endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items precede `startCursor`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge of this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The preset a fork was made from, as it was when forked. */
export type PresetForkOrigin = {
  __typename?: 'PresetForkOrigin';
  /** Its author's display name when forked. */
  authorDisplayName: Scalars['String']['output'];
  /** Its name when forked. */
  name: Scalars['String']['output'];
  /** The origin's id (it may since be private or deleted). */
  presetId: Scalars['ID']['output'];
  /** The version the fork copied. */
  version: Scalars['Int']['output'];
};

/** NEWEST first, or MOST_USED first (by batches that used them). */
export type PresetOrder =
  | 'MOST_USED'
  | 'NEWEST';

/** A preset's preview image. */
export type PresetPreview = {
  __typename?: 'PresetPreview';
  /** Height in pixels. */
  height?: Maybe<Scalars['Int']['output']>;
  /** Where to load it. */
  url?: Maybe<Scalars['String']['output']>;
  /** Width in pixels. */
  width?: Maybe<Scalars['Int']['output']>;
};

/** MINE: yours; PUBLIC: other users' public presets; BUILT_IN: the starter library; VISIBLE: everything you may use (yours, public and built-in). */
export type PresetScope =
  | 'BUILT_IN'
  | 'MINE'
  | 'PUBLIC'
  | 'VISIBLE';

/** How a preset did in real batches (forks count for themselves). */
export type PresetStats = {
  __typename?: 'PresetStats';
  /** Images those batches delivered. */
  imagesDelivered: Scalars['Int']['output'];
  /** Images those batches failed (cancelled ones not included). */
  imagesFailed: Scalars['Int']['output'];
  /** Median provider time of its successful calls. */
  medianProcessingMs?: Maybe<Scalars['Int']['output']>;
  /** Delivered / (delivered + failed); null before any. */
  successRate?: Maybe<Scalars['Float']['output']>;
  /** Batches that used it. */
  uses: Scalars['Int']['output'];
};

/** A preset to apply to a generation. */
export type PresetUseInput = {
  /** 0-1 (default: the preset's own). */
  intensity?: InputMaybe<Scalars['Float']['input']>;
  /** A preset you may use (yours, public or built-in). */
  presetId: Scalars['ID']['input'];
  /** A version of it (default: the current one). */
  version?: InputMaybe<Scalars['Int']['input']>;
  /** Its weight in a mix, above 0 (default 1). */
  weight?: InputMaybe<Scalars['Float']['input']>;
};

/** One preset a generation applied, shaped like `PresetUseInput`. */
export type PresetUseParameters = {
  __typename?: 'PresetUseParameters';
  /** How strongly it was applied, 0-1. */
  intensity?: Maybe<Scalars['Float']['output']>;
  /** The style preset. */
  presetId: Scalars['ID']['output'];
  /** The preset's version that was applied. */
  version?: Maybe<Scalars['Int']['output']>;
  /** Its weight among the presets used. */
  weight?: Maybe<Scalars['Float']['output']>;
};

/** PRIVATE: only you; UNLISTED: anyone with the share code (not listed, not readable by id); PUBLIC: everyone, listed. */
export type PresetVisibility =
  | 'PRIVATE'
  | 'PUBLIC'
  | 'UNLISTED';

/** Credits for one delivered image. */
export type Price = {
  __typename?: 'Price';
  /** Credits charged per delivered image. */
  creditsPerImage: Scalars['Int']['output'];
  /** The mode. */
  mode: GenerationMode;
  /** Resolution tier: 1K, 2K or 4K. */
  tier: Scalars['String']['output'];
};

/** A project's processing status, following its batch jobs. */
export type ProcessingStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'IDLE'
  | 'PROCESSING'
  | 'QUEUED';

/** How a subscriber came by an event: SNAPSHOT (read from the database), EVENT (live), REPLAY (missed while away, replayed after `afterSeq`). */
export type ProgressEventKind =
  | 'EVENT'
  | 'REPLAY'
  | 'SNAPSHOT';

/** A folder of generations owned by one user. */
export type Project = {
  __typename?: 'Project';
  /** The project's batch jobs, newest first. `first` is at most 100. */
  batchJobs: BatchJobConnection;
  /** Default number of images per generation. */
  batchSize: Scalars['Int']['output'];
  /** Creation time. */
  createdAt: Scalars['DateTime']['output'];
  /** Free text, up to 2,000 characters. */
  description: Scalars['String']['output'];
  /** The mode this project mostly uses. */
  generationType?: Maybe<GenerationMode>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** The project's images, newest first. `first` is at most 100. */
  imageEdits: ImageEditConnection;
  /** Client-defined JSON object (up to 16 KiB). */
  metadata: Scalars['JSON']['output'];
  /** Name, 1-120 characters. */
  name: Scalars['String']['output'];
  /** Follows the project's batch jobs. */
  processingStatus: ProcessingStatus;
  /** The style presets used in this project that you may still read. */
  stylePresets: Array<StylePreset>;
  /** Last change. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A folder of generations owned by one user. */
export type ProjectBatchJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** A folder of generations owned by one user. */
export type ProjectImageEditsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** A page of a list, newest first. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  /** The items of this page. */
  edges: Array<ProjectEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** A new project. */
export type ProjectCreateInput = {
  /** Default images per generation, 1-60. */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Preferred mode. */
  generationType?: InputMaybe<GenerationMode>;
  /** A JSON object, up to 16 KiB as UTF-8 JSON, nested at most 32 levels (see the README on text). */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** 1-120 characters. */
  name: Scalars['String']['input'];
};

/** Result of deleting a project. */
export type ProjectDeletePayload = {
  __typename?: 'ProjectDeletePayload';
  /** Id of the deleted project. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
};

/** One item of a page and its cursor. */
export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Project;
};

/** Narrows the project list. */
export type ProjectFilter = {
  /** Text contained in the name or description (case-insensitive). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only this processing status. */
  status?: InputMaybe<ProcessingStatus>;
};

/** Result of creating or updating a project. */
export type ProjectPayload = {
  __typename?: 'ProjectPayload';
  /** The project, when it succeeded. */
  project?: Maybe<Project>;
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
};

/** Changes to a project; omitted fields stay as they are. */
export type ProjectUpdateInput = {
  /** Default images per generation, 1-60. */
  batchSize?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Preferred mode. */
  generationType?: InputMaybe<GenerationMode>;
  /** A JSON object, up to 16 KiB as UTF-8 JSON, nested at most 32 levels (see the README on text). Replaces the old one. */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** 1-120 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** What a client should know about the configured provider. */
export type ProviderFacts = {
  __typename?: 'ProviderFacts';
  /** The rest, in words. */
  notes: Array<Scalars['String']['output']>;
  /** What reference images are sent as. */
  referenceContentTypes: Array<Scalars['String']['output']>;
  /** Long side / short side at most. */
  referenceMaxAspectRatio?: Maybe<Scalars['Float']['output']>;
  /** Largest reference image sent. */
  referenceMaxBytes: Scalars['Int']['output'];
  /** Longest side (larger ones are scaled down). */
  referenceMaxSide?: Maybe<Scalars['Int']['output']>;
  /** Shortest reference side the provider takes. */
  referenceMinSide?: Maybe<Scalars['Int']['output']>;
  /** Whether the same seed reproduces an image. */
  seedReproducible: Scalars['Boolean']['output'];
  /** Whether `seed` reaches the provider at all. */
  seedSent: Scalars['Boolean']['output'];
  /** False when a resolution tier lets the model choose the aspect: trust the delivered size. */
  tierSizesKeepAspect: Scalars['Boolean']['output'];
};

/** One provider's calls in the range (administrators). */
export type ProviderUsage = {
  __typename?: 'ProviderUsage';
  /** Provider call attempts (retries included). */
  calls: Scalars['Int']['output'];
  /** failedCalls / calls. */
  errorRate?: Maybe<Scalars['Float']['output']>;
  /** Attempts that did not deliver everything asked. */
  failedCalls: Scalars['Int']['output'];
  /** Median wall time of a call. */
  p50LatencyMs?: Maybe<Scalars['Int']['output']>;
  /** 95th percentile wall time of a call. */
  p95LatencyMs?: Maybe<Scalars['Int']['output']>;
  /** The provider's name. */
  provider: Scalars['String']['output'];
};

/** Narrows the public gallery. */
export type PublicGalleryFilter = {
  /** Added after this time. */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Added before this time. */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only this mode. */
  mode?: InputMaybe<GenerationMode>;
  /** Words that must all occur in the title, prompt or tags (full-text search). */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only items carrying every one of these. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A public gallery item as everyone sees it: the picture, its title, tags, mode and prompt, and the author's display name. Nothing else of the author (no email, no projects, no references, no credits). */
export type PublicGalleryItem = {
  __typename?: 'PublicGalleryItem';
  /** Who made it (display name only). */
  author: PublicUser;
  /** When it was added to the gallery. */
  createdAt: Scalars['DateTime']['output'];
  /** Height in pixels. */
  height?: Maybe<Scalars['Int']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** Likes, one per user. */
  likeCount: Scalars['Int']['output'];
  /** You like it (false when read without a token). */
  likedByMe: Scalars['Boolean']['output'];
  /** How it was generated. */
  mode: GenerationMode;
  /** The prompt as the author wrote it. */
  prompt: Scalars['String']['output'];
  /** Its parameters as you may reuse them: pass them to `generate` with `remixOfGalleryItemId`. */
  remix: PublicRemixParameters;
  /** The author's tags. */
  tags: Array<Scalars['String']['output']>;
  /** The author's title (may be empty). */
  title: Scalars['String']['output'];
  /** A stable link to the image (it does not expire). */
  url?: Maybe<Scalars['String']['output']>;
  /** Width in pixels. */
  width?: Maybe<Scalars['Int']['output']>;
};

/** A page of a list, newest first. */
export type PublicGalleryItemConnection = {
  __typename?: 'PublicGalleryItemConnection';
  /** The items of this page. */
  edges: Array<PublicGalleryItemEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type PublicGalleryItemEdge = {
  __typename?: 'PublicGalleryItemEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: PublicGalleryItem;
};

/** Result of liking, unliking or reporting a public gallery item. */
export type PublicGalleryItemPayload = {
  __typename?: 'PublicGalleryItemPayload';
  /** The item, when it succeeded. */
  item?: Maybe<PublicGalleryItem>;
  /** Expected failures (validation, not found, conflicts); empty on success. */
  userErrors: Array<UserError>;
};

/** NEWEST: newest first. TRENDING: likes decaying with age (likes / (hours + 2)^1.5) over the last 30 days, then items without likes, newest first. */
export type PublicGalleryOrder =
  | 'NEWEST'
  | 'TRENDING';

/** What you may reuse of a public image: its parameters shaped like `GenerateInput` (without the author's uploads, and with only the presets you can read); pass them to `generate` with `remixOfGalleryItemId`. */
export type PublicRemixParameters = {
  __typename?: 'PublicRemixParameters';
  /** Images of the set (set modes only). */
  maxImages?: Maybe<Scalars['Int']['output']>;
  /** The generation mode. */
  mode: GenerationMode;
  /** The presets you can read, in order. */
  presets: Array<PresetUseParameters>;
  /** Presets the image used that you cannot read. */
  presetsLeftOut: Scalars['Int']['output'];
  /** The prompt as the author wrote it. */
  prompt: Scalars['String']['output'];
  /** The author's reference images, not reusable (edit modes need your own). */
  referencesLeftOut: Scalars['Int']['output'];
  /** The seed of the call that made the image. */
  seed?: Maybe<Scalars['Int']['output']>;
  /** The size as WxH. */
  size: Scalars['String']['output'];
};

/** What other users see of a user: the display name, nothing else. */
export type PublicUser = {
  __typename?: 'PublicUser';
  /** The name the user chose to show (never an email). */
  displayName: Scalars['String']['output'];
};

/** Read operations. Everything but `capabilities` needs a bearer token. */
export type Query = {
  __typename?: 'Query';
  /** One of your account exports (null for an id that is not yours). Its `url` downloads the archive while READY. Sessions only. */
  accountExport?: Maybe<AccountExport>;
  /** Your latest account exports (up to 20), newest first. Sessions only. */
  accountExports: Array<AccountExport>;
  /** Your API keys that are not revoked (expired ones included), newest first. Sessions only. */
  apiKeys: ApiKeyConnection;
  /** One of your batch jobs by id; null when not found. */
  batchJob?: Maybe<BatchJob>;
  /** Your batch jobs, newest first. `first` is at most 100. */
  batchJobs: BatchJobConnection;
  /** Modes, sizes, limits and prices (no token needed). */
  capabilities: Capabilities;
  /** Your credit ledger, newest first. `first` is at most 100. */
  creditTransactions: CreditTransactionConnection;
  /** Your gallery, filtered and searched. `first` is at most 100. */
  gallery: GalleryItemConnection;
  /** One of your collections by id; null when not found. */
  galleryCollection?: Maybe<GalleryCollection>;
  /** Your collections, newest first. `first` is at most 100. */
  galleryCollections: GalleryCollectionConnection;
  /** One of your gallery items by id; null when not found. */
  galleryItem?: Maybe<GalleryItem>;
  /** Administrators: reported public items, most reported first, with their reports. */
  galleryReports: ReportedGalleryItemConnection;
  /** One of your images by id; null when not found. */
  imageEdit?: Maybe<ImageEdit>;
  /** The authenticated caller. */
  me: User;
  /** One of your projects by id; null when not found. */
  project?: Maybe<Project>;
  /** Your projects, newest first. `first` is at most 100. */
  projects: ProjectConnection;
  /** Every user's public items, newest first or trending (authors by display name only); readable without a token (also as `GET /public/gallery`, cacheable). `first` is at most 100. */
  publicGallery: PublicGalleryItemConnection;
  /** What a generate request would cost, and whether your balance covers it. */
  quote: Quote;
  /** A preset you may read by id (yours, public or built-in); null if not. */
  stylePreset?: Maybe<StylePreset>;
  /** An UNLISTED or PUBLIC preset by its share code. */
  stylePresetByShareCode?: Maybe<StylePreset>;
  /** The preset's current version as a versioned JSON document (`stylePresetImport` reads it). */
  stylePresetExport: Scalars['JSON']['output'];
  /** Presets by scope, search and tags. `first` is at most 100. */
  stylePresets: StylePresetConnection;
  /** Provider calls whose outcome is unknown (possibly billed, the images refunded), newest first, with the provider's ids (administrators only). */
  unknownProviderOutcomes: Array<UnknownProviderOutcome>;
  /** Your uploaded reference images, newest first. `first` is at most 100. */
  uploads: ReferenceImageConnection;
  /** Totals, a time series, groups, failures and a forecast of your usage (or everyone's, admins). */
  usageAnalytics: UsageAnalytics;
  /** An endpoint's deliveries with every attempt, newest first; null when the endpoint is not found. */
  webhookDeliveries?: Maybe<WebhookDeliveryConnection>;
  /** Your webhook endpoints, newest first. `first` is at most 100. */
  webhookEndpoints: WebhookEndpointConnection;
  /** A workspace you belong to, by id; null when not found (or not yours). */
  workspace?: Maybe<Workspace>;
  /** The workspaces you belong to (your personal one included), newest joined first. `first` is at most 100. */
  workspaces: WorkspaceConnection;
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryAccountExportArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryBatchJobArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryBatchJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BatchJobFilter>;
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryCreditTransactionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryGalleryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<GalleryFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: GalleryOrder;
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryGalleryCollectionArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryGalleryCollectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryGalleryItemArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryGalleryReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  hidden?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryImageEditArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryPublicGalleryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PublicGalleryFilter>;
  first?: Scalars['Int']['input'];
  orderBy?: PublicGalleryOrder;
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryQuoteArgs = {
  input: GenerateInput;
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryStylePresetArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryStylePresetByShareCodeArgs = {
  code: Scalars['String']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryStylePresetExportArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryStylePresetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
  orderBy?: PresetOrder;
  scope?: PresetScope;
  search?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryUnknownProviderOutcomesArgs = {
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryUploadsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryUsageAnalyticsArgs = {
  granularity?: Granularity;
  groupBy?: GroupBy;
  range: DateRangeInput;
  scope?: Scope;
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  endpointId: Scalars['ID']['input'];
  filter?: InputMaybe<WebhookDeliveryFilter>;
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryWebhookEndpointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryWorkspaceArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. Everything but `capabilities` needs a bearer token. */
export type QueryWorkspacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** What a generate request would cost. */
export type Quote = {
  __typename?: 'Quote';
  /** Your spendable balance now. */
  balance: Scalars['Int']['output'];
  /** Whether the balance covers the total. */
  covered: Scalars['Boolean']['output'];
  /** Price of one delivered image. */
  creditsPerImage: Scalars['Int']['output'];
  /** Resolved height. */
  height: Scalars['Int']['output'];
  /** Provider calls it makes. */
  providerCalls: Scalars['Int']['output'];
  /** Price tier of the size. */
  sizeTier: SizeTier;
  /** Held at submit; images not delivered are refunded. */
  totalCredits: Scalars['Int']['output'];
  /** Images it asks for (sets count at their maxImages). */
  totalImages: Scalars['Int']['output'];
  /** Resolved width. */
  width: Scalars['Int']['output'];
};

/** An image you uploaded (or we fetched) to use as a reference. */
export type ReferenceImage = {
  __typename?: 'ReferenceImage';
  /** MIME type, sniffed from the bytes. */
  contentType: Scalars['String']['output'];
  /** Upload time. */
  createdAt: Scalars['DateTime']['output'];
  /** Height in pixels. */
  height: Scalars['Int']['output'];
  /** Pass it as `references: [{uploadId: ...}]`. */
  id: Scalars['ID']['output'];
  /** Size in bytes. */
  sizeBytes: Scalars['Int']['output'];
  /** A link to it, which expires like `ImageEdit.url`. */
  url: Scalars['String']['output'];
  /** Width in pixels. */
  width: Scalars['Int']['output'];
};

/** A page of a list, newest first. */
export type ReferenceImageConnection = {
  __typename?: 'ReferenceImageConnection';
  /** The items of this page. */
  edges: Array<ReferenceImageEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type ReferenceImageEdge = {
  __typename?: 'ReferenceImageEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: ReferenceImage;
};

/** A reference image: an earlier `imageUpload`, or a URL we fetch. */
export type ReferenceInput =
  /** From imageUpload. */
  { uploadId: Scalars['ID']['input']; url?: never; }
  |  /** A public http(s) image URL (PNG, JPEG or WebP, up to 10 MiB). */
  { uploadId?: never; url: Scalars['String']['input']; };

/** A reference image of a generation, shaped like `ReferenceInput`. */
export type ReferenceParameters = {
  __typename?: 'ReferenceParameters';
  /** The upload (`uploads`); pass back as `uploadId`. */
  uploadId: Scalars['ID']['output'];
};

/** Where a remixed batch came from, as the remixer saw it when remixing (kept if the origin goes). */
export type RemixOrigin = {
  __typename?: 'RemixOrigin';
  /** The author's display name, when the image was another user's. */
  author?: Maybe<Scalars['String']['output']>;
  /** The public gallery item it was remixed from, when it was. */
  galleryItemId?: Maybe<Scalars['ID']['output']>;
  /** The image remixed (yours, or the author's). */
  imageEditId: Scalars['ID']['output'];
};

/** A reported public gallery item, as administrators review it. */
export type ReportedGalleryItem = {
  __typename?: 'ReportedGalleryItem';
  /** Hidden from the public gallery. */
  hidden: Scalars['Boolean']['output'];
  /** The item as the public gallery shows it. */
  item: PublicGalleryItem;
  /** Users who reported it. */
  reportCount: Scalars['Int']['output'];
  /** The reports, oldest first. */
  reports: Array<GalleryReportType>;
};

/** A page of a list, newest first. */
export type ReportedGalleryItemConnection = {
  __typename?: 'ReportedGalleryItemConnection';
  /** The items of this page. */
  edges: Array<ReportedGalleryItemEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type ReportedGalleryItemEdge = {
  __typename?: 'ReportedGalleryItemEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: ReportedGalleryItem;
};

/** What a user may do: `ADMIN` may grant credits. */
export type Role =
  | 'ADMIN'
  | 'USER';

/** MINE: your usage. ALL: everyone's, with provider statistics (administrators). */
export type Scope =
  | 'ALL'
  | 'MINE';

/** Sizes the configured provider accepts. */
export type SizeBounds = {
  __typename?: 'SizeBounds';
  /** Largest long-side / short-side ratio. */
  maxAspectRatio: Scalars['Float']['output'];
  /** Largest width × height. */
  maxPixels: Scalars['Int']['output'];
  /** Largest width or height in pixels. */
  maxSide: Scalars['Int']['output'];
  /** Smallest width × height. */
  minPixels: Scalars['Int']['output'];
  /** Smallest width or height in pixels. */
  minSide: Scalars['Int']['output'];
};

/** A concrete size. */
export type SizeOption = {
  __typename?: 'SizeOption';
  /** Height in pixels. */
  height: Scalars['Int']['output'];
  /** Resolution tier: 1K, 2K or 4K. */
  tier: Scalars['String']['output'];
  /** Width in pixels. */
  width: Scalars['Int']['output'];
};

/** Resolution tier: K1 = 1K, K2 = 2K, K4 = 4K. */
export type SizeTier =
  | 'K1'
  | 'K2'
  | 'K4';

/** Reusable generation settings: a prompt template and defaults. */
export type StylePreset = {
  __typename?: 'StylePreset';
  /** Part of the starter library (administrators edit it). */
  builtIn: Scalars['Boolean']['output'];
  /** Creation time. */
  createdAt: Scalars['DateTime']['output'];
  /** Aspect ratio used when a request gives none. */
  defaultAspectRatio?: Maybe<Scalars['String']['output']>;
  /** Intensity when a request gives none, 0-1. */
  defaultIntensity: Scalars['Float']['output'];
  /** Mode used when a request gives none. */
  defaultMode?: Maybe<GenerationMode>;
  /** Resolution tier with the aspect ratio. */
  defaultResolution?: Maybe<SizeTier>;
  /** Size (WxH) used when a request gives none. */
  defaultSize?: Maybe<Scalars['String']['output']>;
  /** Deleted (still shown in the batches that used it). */
  deleted: Scalars['Boolean']['output'];
  /** Up to 2,000 characters. */
  description: Scalars['String']['output'];
  /** What the fork was made from, as the forker saw it: shown to the fork's owner even after the origin turned private or was deleted, to others while they may read the origin. Null for presets that are no fork. */
  forkOrigin?: Maybe<PresetForkOrigin>;
  /** The preset it was forked from as it is now, when you may read it (the fork's owner also while the origin is UNLISTED); `forkOrigin` keeps what was forked. */
  forkedFrom?: Maybe<StylePreset>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** Images per set (set modes) when a request gives none. */
  maxImages?: Maybe<Scalars['Int']['output']>;
  /** Name, 1-120 characters. */
  name: Scalars['String']['output'];
  /** Who made it (the display name only). */
  owner: PublicUser;
  /** Its preview image, once `stylePresetPreview` delivered one. */
  preview?: Maybe<PresetPreview>;
  /** Added after the template at full intensity. */
  promptSuffix: Scalars['String']['output'];
  /** Template with a {prompt} slot (appended when absent). */
  promptTemplate: Scalars['String']['output'];
  /** How many style reference images the current version holds. */
  referenceImageCount: Scalars['Int']['output'];
  /** Its style reference images, sent in the edit modes (up to 10). Only its owner sees them (they are the owner's uploads); others see `referenceImageCount`, and a fork or an export carries copies. */
  referenceImages: Array<ReferenceImage>;
  /** The code that lets others read and fork it; only its owner sees it. */
  shareCode?: Maybe<Scalars['String']['output']>;
  /** How it did in real batches. */
  stats: PresetStats;
  /** Up to 20 lowercase tags. */
  tags: Array<Scalars['String']['output']>;
  /** Last change. */
  updatedAt: Scalars['DateTime']['output'];
  /** The current version. */
  version: Scalars['Int']['output'];
  /** Its versions, newest first: every one for its owner; for others, those saved since it was last shared. */
  versions: Array<StylePresetVersion>;
  /** PRIVATE, UNLISTED or PUBLIC. */
  visibility: PresetVisibility;
};

/** A page of a list, newest first. */
export type StylePresetConnection = {
  __typename?: 'StylePresetConnection';
  /** The items of this page. */
  edges: Array<StylePresetEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** Result of deleting a preset. */
export type StylePresetDeletePayload = {
  __typename?: 'StylePresetDeletePayload';
  /** Id of the deleted preset. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** One item of a page and its cursor. */
export type StylePresetEdge = {
  __typename?: 'StylePresetEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: StylePreset;
};

/** A new preset. */
export type StylePresetInput = {
  /** Such as 16:9. */
  defaultAspectRatio?: InputMaybe<Scalars['String']['input']>;
  /** 0-1 (default 0.75). */
  defaultIntensity?: InputMaybe<Scalars['Float']['input']>;
  /** Mode used when none is given. */
  defaultMode?: InputMaybe<GenerationMode>;
  /** Tier with the aspect ratio. */
  defaultResolution?: InputMaybe<SizeTier>;
  /** WxH, within the provider's bounds. */
  defaultSize?: InputMaybe<Scalars['String']['input']>;
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Images per set, 1-15 (set modes). */
  maxImages?: InputMaybe<Scalars['Int']['input']>;
  /** 1-120 characters. */
  name: Scalars['String']['input'];
  /** Up to 300 characters. */
  promptSuffix?: InputMaybe<Scalars['String']['input']>;
  /** Up to 1,000 characters with at most one {prompt} slot (default `{prompt}`). */
  promptTemplate?: InputMaybe<Scalars['String']['input']>;
  /** Up to 10 of your uploads (`imageUpload`), sent as style references in edit modes. */
  referenceImages?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Up to 20 tags of 1-32 characters. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Result of creating, updating, sharing, forking or importing a preset. */
export type StylePresetPayload = {
  __typename?: 'StylePresetPayload';
  /** The preset, when it succeeded. */
  stylePreset?: Maybe<StylePreset>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** Result of a preview request: the batch making the preview image. */
export type StylePresetPreviewPayload = {
  __typename?: 'StylePresetPreviewPayload';
  /** The one-image batch (charged as usual); its image becomes the preview. */
  batchJob?: Maybe<BatchJob>;
  /** The preset. */
  stylePreset?: Maybe<StylePreset>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** Changes to a preset; saved as a new version. On update, null clears it and omitting it keeps it. */
export type StylePresetUpdateInput = {
  /** Null clears it. */
  defaultAspectRatio?: InputMaybe<Scalars['String']['input']>;
  /** 0-1. */
  defaultIntensity?: InputMaybe<Scalars['Float']['input']>;
  /** Null clears it. */
  defaultMode?: InputMaybe<GenerationMode>;
  /** Null clears it. */
  defaultResolution?: InputMaybe<SizeTier>;
  /** Null clears it. */
  defaultSize?: InputMaybe<Scalars['String']['input']>;
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Null clears it. */
  maxImages?: InputMaybe<Scalars['Int']['input']>;
  /** 1-120 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Up to 300 characters. */
  promptSuffix?: InputMaybe<Scalars['String']['input']>;
  /** With a {prompt} slot. */
  promptTemplate?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the style reference images. */
  referenceImages?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Replaces the tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One immutable version of a preset's settings. */
export type StylePresetVersion = {
  __typename?: 'StylePresetVersion';
  /** When this version was saved. */
  createdAt: Scalars['DateTime']['output'];
  /** Aspect ratio used when a request gives none. */
  defaultAspectRatio?: Maybe<Scalars['String']['output']>;
  /** Intensity when a request gives none, 0-1. */
  defaultIntensity: Scalars['Float']['output'];
  /** Mode used when a request gives none. */
  defaultMode?: Maybe<GenerationMode>;
  /** Resolution tier with the aspect ratio. */
  defaultResolution?: Maybe<SizeTier>;
  /** Size (WxH) used when a request gives none. */
  defaultSize?: Maybe<Scalars['String']['output']>;
  /** Up to 2,000 characters. */
  description: Scalars['String']['output'];
  /** Images per set (set modes) when a request gives none. */
  maxImages?: Maybe<Scalars['Int']['output']>;
  /** Name, 1-120 characters. */
  name: Scalars['String']['output'];
  /** Added after the template at full intensity. */
  promptSuffix: Scalars['String']['output'];
  /** Template with a {prompt} slot (appended when absent). */
  promptTemplate: Scalars['String']['output'];
  /** Style reference images it holds. */
  referenceImageCount: Scalars['Int']['output'];
  /** Up to 20 lowercase tags. */
  tags: Array<Scalars['String']['output']>;
  /** 1 for the first; every update adds one. */
  version: Scalars['Int']['output'];
};

/** Live streams over WebSocket (graphql-transport-ws). */
export type Subscription = {
  __typename?: 'Subscription';
  /** A batch's stored snapshot, then live events with a higher seq; completes after the last one. */
  batchProgress: BatchProgressEvent;
  /** Every batch event of yours and your balance changes, each numbered (`userSeq`); resume with `afterSeq`. */
  myEvents: MyEvent;
};


/** Live streams over WebSocket (graphql-transport-ws). */
export type SubscriptionBatchProgressArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  batchJobId: Scalars['ID']['input'];
};


/** Live streams over WebSocket (graphql-transport-ws). */
export type SubscriptionMyEventsArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
};

/** A provider call whose outcome is unknown: sent, possibly billed, no reply said what it made (administrators). Look the ids up at the provider. */
export type UnknownProviderOutcome = {
  __typename?: 'UnknownProviderOutcome';
  /** The attempt that made the call. */
  attempt: Scalars['Int']['output'];
  /** Its batch job. */
  batchJobId: Scalars['ID']['output'];
  /** The batch item that made the call. */
  itemId: Scalars['ID']['output'];
  /** Where the item stands now. */
  itemStatus: EditStatus;
  /** One line per unknown call: when, which ids, and why. */
  note?: Maybe<Scalars['String']['output']>;
  /** The user the batch belongs to. */
  ownerId: Scalars['ID']['output'];
  /** The provider called (wavespeed, ark, simulator). */
  provider?: Maybe<Scalars['String']['output']>;
  /** Calls of this item that may have been billed. */
  purchases: Scalars['Int']['output'];
  /** Our id of the request (Ark: the X-Client-Request-Id header; WaveSpeed: in the webhook URL). */
  requestId?: Maybe<Scalars['String']['output']>;
  /** The provider's task id, when it gave one (WaveSpeed). */
  taskId?: Maybe<Scalars['String']['output']>;
  /** When the outcome became unknown. */
  unknownAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Result of deleting an uploaded reference image. */
export type UploadDeletePayload = {
  __typename?: 'UploadDeletePayload';
  /** Id of the deleted upload. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Expected failures (validation, not found, credits); empty on success. */
  userErrors: Array<UserError>;
};

/** Where credits and time went in a range: totals, a time series, groups, a forecast. */
export type UsageAnalytics = {
  __typename?: 'UsageAnalytics';
  /** Images not delivered, by category. */
  failures: Array<FailureCount>;
  /** When the balance runs out at the recent rate. */
  forecast: UsageForecast;
  /** Start of the range, inclusive (UTC). */
  from: Scalars['DateTime']['output'];
  /** Bucket size of `series`. */
  granularity: Granularity;
  /** What `groups` splits by. */
  groupBy: GroupBy;
  /** The totals per group. */
  groups: Array<UsageGroup>;
  /** Rules over your own usage in the range (whatever the scope) that say what to change, each citing its counts: presets or modes far less successful than your others, content-policy refunds and what drew them, costly tiers whose images you rarely keep. */
  insights: Array<UsageInsight>;
  /** Per-provider latency and error rates (scope ALL only). */
  providers?: Maybe<Array<ProviderUsage>>;
  /** Whose usage. */
  scope: Scope;
  /** Buckets with usage, in time order. */
  series: Array<UsageBucket>;
  /** End of the range, exclusive (UTC). */
  to: Scalars['DateTime']['output'];
  /** The whole range. */
  totals: UsageTotals;
};

/** One bucket of the time series. */
export type UsageBucket = {
  __typename?: 'UsageBucket';
  /** Start of the bucket (UTC). */
  start: Scalars['DateTime']['output'];
  /** What the bucket came to. */
  totals: UsageTotals;
};

/** Where the balance is heading: a recency-weighted daily rate with a damped trend and weekly seasonality over the last 8 weeks, and an 80 % range of run-out dates (the README gives the method). */
export type UsageForecast = {
  __typename?: 'UsageForecast';
  /** The balance now (with scope ALL: every user's together). */
  balance: Scalars['Int']['output'];
  /** Credits per day now (recent days count most; weekday effects taken out). */
  dailyBurn: Scalars['Float']['output'];
  /** Days of history read (0 when nothing was spent). */
  historyDays: Scalars['Int']['output'];
  /** The earliest likely run-out date (spending at the top of the 80 % band). */
  runsOutEarly?: Maybe<Scalars['Date']['output']>;
  /** The latest likely run-out date (bottom of the band); null if that never reaches the balance. */
  runsOutLate?: Maybe<Scalars['Date']['output']>;
  /** When the expected spending reaches the balance; null if not within ten years. */
  runsOutOn?: Maybe<Scalars['Date']['output']>;
  /** How much the daily rate grows (negative: falls) per day. */
  trendPerDay: Scalars['Float']['output'];
  /** Monday to Sunday: a weekday's spending relative to the average day (all 1 under two weeks). */
  weekdayFactors: Array<Scalars['Float']['output']>;
};

/** The totals of one group (a mode, project or first preset). */
export type UsageGroup = {
  __typename?: 'UsageGroup';
  /** The mode, or the project or preset id; null for images without a project or preset. */
  key?: Maybe<Scalars['String']['output']>;
  /** What the group came to. */
  totals: UsageTotals;
};

/** Something your own usage in the range says you could do better, with its numbers. */
export type UsageInsight = {
  __typename?: 'UsageInsight';
  /** What drew it (CONTENT_POLICY_REFUNDS: presets and prompts, at most three of each). */
  breakdown: Array<InsightCount>;
  /** The counts behind it. */
  figures: Array<InsightFigure>;
  /** Which rule found it. */
  kind: InsightKind;
  /** The insight in a sentence, citing its counts. */
  message: Scalars['String']['output'];
  /** The preset id (LOW_SUCCESS_PRESET), the mode (LOW_SUCCESS_MODE) or MODE@TIER (COSTLY_TIER). */
  subject?: Maybe<Scalars['String']['output']>;
};

/** What a set of generations came to. */
export type UsageTotals = {
  __typename?: 'UsageTotals';
  /** Credits returned for images not delivered. */
  creditsRefunded: Scalars['Int']['output'];
  /** Credits captured for delivered images. */
  creditsSpent: Scalars['Int']['output'];
  /** Batches with at least one image settled in the range. */
  generations: Scalars['Int']['output'];
  /** Images delivered. */
  imagesDelivered: Scalars['Int']['output'];
  /** Images settled (delivered, failed or cancelled). */
  imagesRequested: Scalars['Int']['output'];
  /** Median processing time of delivered images. */
  p50ProcessingMs?: Maybe<Scalars['Int']['output']>;
  /** 95th percentile processing time. */
  p95ProcessingMs?: Maybe<Scalars['Int']['output']>;
  /** Delivered / requested; null when nothing was. */
  successRate?: Maybe<Scalars['Float']['output']>;
};

/** The authenticated caller. */
export type User = {
  __typename?: 'User';
  /** When the account was created (first request). */
  createdAt: Scalars['DateTime']['output'];
  /** Spendable balance (credits on hold are not included). */
  credits: Scalars['Int']['output'];
  /** Credits on hold for batches still running (not part of `credits`). */
  creditsHeld: Scalars['Int']['output'];
  /** What other users see of you (the token's `name` claim). */
  displayName: Scalars['String']['output'];
  /** Email from the token, when it carries one. */
  email?: Maybe<Scalars['String']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** USER or ADMIN. */
  role: Role;
  /** The identity provider's subject (`sub` claim). */
  subject: Scalars['String']['output'];
};

/** An expected failure of a mutation: what, where, and a message for people. */
export type UserError = {
  __typename?: 'UserError';
  /** Stable, machine-readable reason. */
  code: UserErrorCode;
  /** Path of the input field at fault, e.g. ["input", "name"]; null for the whole request. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** Human-readable explanation. */
  message: Scalars['String']['output'];
  /** A finer machine-readable reason than `code` when the service knows one (TOO_LONG, CONTROL_CHARACTER, BLOCKED_ADDRESS, TOO_LARGE, UNSUPPORTED_FORMAT_VERSION, ...); otherwise the same as `code`. The same value a GraphQL error carries in `extensions.reason`. */
  reason: Scalars['String']['output'];
  /** RATE_LIMITED: seconds to wait before trying again; null otherwise. */
  retryAfter?: Maybe<Scalars['Int']['output']>;
};

/** Why a mutation could not do what was asked. */
export type UserErrorCode =
  | 'CONFLICT'
  | 'INSUFFICIENT_CREDITS'
  | 'INVALID'
  | 'NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED';

/** One POST of a delivery. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  /** When it was sent. */
  attemptedAt: Scalars['DateTime']['output'];
  /** What went wrong; null on success. */
  error?: Maybe<Scalars['String']['output']>;
  /** Milliseconds until the answer (or the failure). */
  latencyMs?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due; null if none. */
  nextRetryAt?: Maybe<Scalars['DateTime']['output']>;
  /** The receiver's HTTP status; null when none came. */
  statusCode?: Maybe<Scalars['Int']['output']>;
};

/** One event for one endpoint, with every attempt. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts so far. */
  attemptCount: Scalars['Int']['output'];
  /** Every attempt, oldest first. */
  attempts: Array<WebhookAttempt>;
  /** The batch, for batch events. */
  batchJobId?: Maybe<Scalars['ID']['output']>;
  /** When the event was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** When a 2xx came back. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The endpoint. */
  endpointId: Scalars['ID']['output'];
  /** The `webhook-id` header: the same on every attempt. */
  eventId: Scalars['String']['output'];
  /** `batch.succeeded`, `webhook.test`, ... */
  eventType: Scalars['String']['output'];
  /** Opaque id (for `webhookRedeliver`). */
  id: Scalars['ID']['output'];
  /** The last attempt's error. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The last attempt's HTTP status. */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The JSON body sent. */
  payload: Scalars['JSON']['output'];
  /** The batch event's `seq`. */
  seq?: Maybe<Scalars['Int']['output']>;
  /** Where it stands. */
  status: WebhookDeliveryStatus;
};

/** A page of a list, newest first. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** The items of this page. */
  edges: Array<WebhookDeliveryEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: WebhookDelivery;
};

/** Narrows the delivery log. */
export type WebhookDeliveryFilter = {
  /** Only this event type. */
  eventType?: InputMaybe<Scalars['String']['input']>;
  /** Only this status. */
  status?: InputMaybe<WebhookDeliveryStatus>;
};

/** Result of queuing a delivery (a test ping or a redelivery). */
export type WebhookDeliveryPayload = {
  __typename?: 'WebhookDeliveryPayload';
  /** The queued delivery. */
  delivery?: Maybe<WebhookDelivery>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** PENDING (waiting for an attempt or a retry), SUCCEEDED (a 2xx came back), FAILED (gave up). */
export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

/** A URL that receives your events, signed (Standard Webhooks). */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** `credits.balance_low` is sent when your balance falls below this. */
  balanceLowThreshold?: Maybe<Scalars['Int']['output']>;
  /** Creation time. */
  createdAt: Scalars['DateTime']['output'];
  /** Your note, up to 500 characters. */
  description: Scalars['String']['output'];
  /** Why we disabled it (deliveries failing for days); null when enabled or disabled by you. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** False: nothing is sent (see `disabledReason`). */
  enabled: Scalars['Boolean']['output'];
  /** Event types sent here (`batch.succeeded`, ...). */
  events: Array<Scalars['String']['output']>;
  /** First failed attempt since the last success. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** Until then deliveries are also signed with the secret before the last rotation. */
  previousSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Last change. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where events are POSTed. */
  url: Scalars['String']['output'];
};

/** A page of a list, newest first. */
export type WebhookEndpointConnection = {
  __typename?: 'WebhookEndpointConnection';
  /** The items of this page. */
  edges: Array<WebhookEndpointEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** A new webhook endpoint. */
export type WebhookEndpointCreateInput = {
  /** Send `credits.balance_low` when the balance falls below this. */
  balanceLowThreshold?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Event types: batch.queued, batch.started, batch.image_delivered, batch.image_failed, batch.succeeded, batch.partially_succeeded, batch.failed, batch.cancelled, credits.balance_low, account.export_ready, account.export_failed. */
  events: Array<Scalars['String']['input']>;
  /** Public https URL (http allowed outside production), no user name or password; checked against DNS now and at every delivery. */
  url: Scalars['String']['input'];
};

/** Result of deleting an endpoint. */
export type WebhookEndpointDeletePayload = {
  __typename?: 'WebhookEndpointDeletePayload';
  /** Id of the deleted endpoint. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** One item of a page and its cursor. */
export type WebhookEndpointEdge = {
  __typename?: 'WebhookEndpointEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: WebhookEndpoint;
};

/** Result of changing an endpoint. */
export type WebhookEndpointPayload = {
  __typename?: 'WebhookEndpointPayload';
  /** The endpoint. */
  endpoint?: Maybe<WebhookEndpoint>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** Result of creating an endpoint or rotating its secret. */
export type WebhookEndpointSecretPayload = {
  __typename?: 'WebhookEndpointSecretPayload';
  /** The endpoint. */
  endpoint?: Maybe<WebhookEndpoint>;
  /** The signing secret (`whsec_...`): shown this once, keep it safe. */
  secret?: Maybe<Scalars['String']['output']>;
  /** Expected failures (validation, not found, limits); empty on success. */
  userErrors: Array<UserError>;
};

/** Changes to a webhook endpoint; omitted fields stay as they are. */
export type WebhookEndpointUpdateInput = {
  /** See the create input. */
  balanceLowThreshold?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Turn deliveries off or on (on again clears `disabledReason`). */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Event types: batch.queued, batch.started, batch.image_delivered, batch.image_failed, batch.succeeded, batch.partially_succeeded, batch.failed, batch.cancelled, credits.balance_low, account.export_ready, account.export_failed. */
  events?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Public https URL (http allowed outside production), no user name or password; checked against DNS now and at every delivery. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** A place to work in, alone (`PERSONAL`) or with others (`TEAM`). */
export type Workspace = {
  __typename?: 'Workspace';
  /** Creation time. */
  createdAt: Scalars['DateTime']['output'];
  /** Opaque id. */
  id: Scalars['ID']['output'];
  /** Its invitations (open, used, revoked and expired), newest first; empty unless you are an admin or the owner. `first` is at most 100. */
  invitations: WorkspaceInvitationConnection;
  /** When you joined it. */
  joinedAt: Scalars['DateTime']['output'];
  /** PERSONAL or TEAM. */
  kind: WorkspaceKind;
  /** Its members, newest first. `first` is at most 100. */
  members: WorkspaceMemberConnection;
  /** Name, 1-120 characters. */
  name: Scalars['String']['output'];
  /** Its owner (the display name only). */
  owner: PublicUser;
  /** Your role in it. */
  role: WorkspaceRole;
  /** Last change. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A place to work in, alone (`PERSONAL`) or with others (`TEAM`). */
export type WorkspaceInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


/** A place to work in, alone (`PERSONAL`) or with others (`TEAM`). */
export type WorkspaceMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};

/** A page of a list, newest first. */
export type WorkspaceConnection = {
  __typename?: 'WorkspaceConnection';
  /** The items of this page. */
  edges: Array<WorkspaceEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** A new team workspace. */
export type WorkspaceCreateInput = {
  /** 1-120 characters. */
  name: Scalars['String']['input'];
};

/** One item of a page and its cursor. */
export type WorkspaceEdge = {
  __typename?: 'WorkspaceEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: Workspace;
};

/** Result of deleting or leaving a workspace. */
export type WorkspaceGonePayload = {
  __typename?: 'WorkspaceGonePayload';
  /** Expected failures (validation, not found, a role that does not allow it: NOT_ALLOWED, a state that does not: CONFLICT with a `reason`); empty on success. A refused call changes nothing. */
  userErrors: Array<UserError>;
  /** Id of the workspace deleted or left, when it succeeded. */
  workspaceId?: Maybe<Scalars['ID']['output']>;
};

/** A single-use invitation link into a workspace. */
export type WorkspaceInvitation = {
  __typename?: 'WorkspaceInvitation';
  /** When it was used; null while unused. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who used it (the display name only); null while unused. */
  acceptedBy?: Maybe<PublicUser>;
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Who made it (the display name only). */
  createdBy?: Maybe<PublicUser>;
  /** The only account email that may accept it; null: any. */
  email?: Maybe<Scalars['String']['output']>;
  /** Refused from this time on. */
  expiresAt: Scalars['DateTime']['output'];
  /** Opaque id (what `workspaceInvitationRevoke` takes). */
  id: Scalars['ID']['output'];
  /** When it was revoked; null unless revoked. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The role the invitee gets. */
  role: WorkspaceRole;
  /** Open, used, revoked or expired. */
  status: InvitationStatus;
};

/** A page of a list, newest first. */
export type WorkspaceInvitationConnection = {
  __typename?: 'WorkspaceInvitationConnection';
  /** The items of this page. */
  edges: Array<WorkspaceInvitationEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type WorkspaceInvitationEdge = {
  __typename?: 'WorkspaceInvitationEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: WorkspaceInvitation;
};

/** Result of revoking an invitation. */
export type WorkspaceInvitationPayload = {
  __typename?: 'WorkspaceInvitationPayload';
  /** The invitation. */
  invitation?: Maybe<WorkspaceInvitation>;
  /** Expected failures (validation, not found, a role that does not allow it: NOT_ALLOWED, a state that does not: CONFLICT with a `reason`); empty on success. A refused call changes nothing. */
  userErrors: Array<UserError>;
};

/** An invitation link into a team workspace. */
export type WorkspaceInviteInput = {
  /** Only the account whose token carries this email may accept (up to 320 characters); omitted: whoever has the link. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** How long the link works: 1-30 days, default 7. */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** The role the invitee gets: below your own (admins invite editors and viewers; the owner also admins). */
  role: WorkspaceRole;
};

/** Result of inviting someone into a workspace. */
export type WorkspaceInvitePayload = {
  __typename?: 'WorkspaceInvitePayload';
  /** The new invitation. */
  invitation?: Maybe<WorkspaceInvitation>;
  /** The link's single-use token, shown this once (only its hash is kept): the invitee signs in and passes it to `workspaceInvitationAccept`. */
  token?: Maybe<Scalars['String']['output']>;
  /** Expected failures (validation, not found, a role that does not allow it: NOT_ALLOWED, a state that does not: CONFLICT with a `reason`); empty on success. A refused call changes nothing. */
  userErrors: Array<UserError>;
};

/** `PERSONAL`: every user's own, made with the account; `TEAM`: made to share with others. */
export type WorkspaceKind =
  | 'PERSONAL'
  | 'TEAM';

/** A member of a workspace and their role. */
export type WorkspaceMember = {
  __typename?: 'WorkspaceMember';
  /** The membership's id (what the member mutations take). */
  id: Scalars['ID']['output'];
  /** Whether this membership is yours. */
  isYou: Scalars['Boolean']['output'];
  /** When the member joined. */
  joinedAt: Scalars['DateTime']['output'];
  /** What the member may do. */
  role: WorkspaceRole;
  /** Who the member is (the display name only). */
  user: PublicUser;
};

/** A page of a list, newest first. */
export type WorkspaceMemberConnection = {
  __typename?: 'WorkspaceMemberConnection';
  /** The items of this page. */
  edges: Array<WorkspaceMemberEdge>;
  /** Cursors and whether more pages exist. */
  pageInfo: PageInfo;
  /** How many items the whole list (all pages, same filter) holds. */
  totalCount: Scalars['Int']['output'];
};

/** One item of a page and its cursor. */
export type WorkspaceMemberEdge = {
  __typename?: 'WorkspaceMemberEdge';
  /** Opaque position of this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: WorkspaceMember;
};

/** Result of changing a member's role. */
export type WorkspaceMemberPayload = {
  __typename?: 'WorkspaceMemberPayload';
  /** The member, when it succeeded. */
  member?: Maybe<WorkspaceMember>;
  /** Expected failures (validation, not found, a role that does not allow it: NOT_ALLOWED, a state that does not: CONFLICT with a `reason`); empty on success. A refused call changes nothing. */
  userErrors: Array<UserError>;
};

/** Result of removing a member. */
export type WorkspaceMemberRemovePayload = {
  __typename?: 'WorkspaceMemberRemovePayload';
  /** Id of the removed membership, when it succeeded. */
  removedMemberId?: Maybe<Scalars['ID']['output']>;
  /** Expected failures (validation, not found, a role that does not allow it: NOT_ALLOWED, a state that does not: CONFLICT with a `reason`); empty on success. A refused call changes nothing. */
  userErrors: Array<UserError>;
};

/** Result of creating, renaming or transferring a workspace. */
export type WorkspacePayload = {
  __typename?: 'WorkspacePayload';
  /** Expected failures (validation, not found, a role that does not allow it: NOT_ALLOWED, a state that does not: CONFLICT with a `reason`); empty on success. A refused call changes nothing. */
  userErrors: Array<UserError>;
  /** The workspace, when it succeeded. */
  workspace?: Maybe<Workspace>;
};

/** A new name for a workspace. */
export type WorkspaceRenameInput = {
  /** 1-120 characters. */
  name: Scalars['String']['input'];
};

/** A member's role. `VIEWER` reads; `EDITOR` also generates (once projects belong to workspaces); `ADMIN` also renames the workspace and manages members and invitations below `ADMIN`; `OWNER` (one per workspace) also deletes or transfers it and manages admins. */
export type WorkspaceRole =
  | 'ADMIN'
  | 'EDITOR'
  | 'OWNER'
  | 'VIEWER';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'User', id: string, displayName: string, credits: number, creditsHeld: number } };

export type BalanceSubscriptionVariables = Exact<{
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
}>;


export type BalanceSubscription = { __typename?: 'Subscription', myEvents: { __typename: 'AccountExportEvent' } | { __typename: 'BatchProgressEvent', kind: ProgressEventKind, userSeq?: number | null } | { __typename: 'CreditBalanceEvent', balance: number, kind: ProgressEventKind, userSeq?: number | null } };

export type UserErrorFieldsFragment = { __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string };

export type PageInfoFieldsFragment = { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null };

export type UsageAnalyticsQueryVariables = Exact<{
  range: DateRangeInput;
  granularity: Granularity;
  groupBy: GroupBy;
  scope: Scope;
}>;


export type UsageAnalyticsQuery = { __typename: 'Query', me: { __typename: 'User', id: string, role: Role }, usageAnalytics: { __typename: 'UsageAnalytics', scope: Scope, totals: { __typename: 'UsageTotals', generations: number, imagesRequested: number, imagesDelivered: number, creditsSpent: number, creditsRefunded: number, successRate?: number | null, p50ProcessingMs?: number | null, p95ProcessingMs?: number | null }, series: Array<{ __typename: 'UsageBucket', start: string, totals: { __typename: 'UsageTotals', creditsSpent: number, imagesDelivered: number } }>, groups: Array<{ __typename: 'UsageGroup', key?: string | null, totals: { __typename: 'UsageTotals', generations: number, imagesDelivered: number, creditsSpent: number, successRate?: number | null } }>, failures: Array<{ __typename: 'FailureCount', category?: string | null, images: number }>, forecast: { __typename: 'UsageForecast', dailyBurn: number, balance: number, runsOutOn?: string | null, runsOutEarly?: string | null, runsOutLate?: string | null }, insights: Array<{ __typename: 'UsageInsight', kind: InsightKind, subject?: string | null, message: string, breakdown: Array<{ __typename: 'InsightCount', label: string, count: number }> }>, providers?: Array<{ __typename: 'ProviderUsage', provider: string, calls: number, failedCalls: number, errorRate?: number | null, p50LatencyMs?: number | null, p95LatencyMs?: number | null }> | null }, projects: { __typename: 'ProjectConnection', edges: Array<{ __typename: 'ProjectEdge', node: { __typename: 'Project', id: string, name: string } }> } };

export type BatchJobQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BatchJobQuery = { __typename: 'Query', batchJob?: { __typename: 'BatchJob', id: string, projectId: string, mode: GenerationMode, status: BatchStatus, prompts: Array<string>, width: number, height: number, totalImages: number, completedImages: number, failedImages: number, creditsReserved: number, creditsCaptured: number, creditsRefunded: number, creditsHeld: number, retriedFromId?: string | null, errorMessage?: string | null, createdAt: string, remixedFrom?: { __typename: 'RemixOrigin', imageEditId: string, galleryItemId?: string | null, author?: string | null } | null, presetsUsed: Array<{ __typename: 'BatchPresetUse', name: string, version: number, weight: number, intensity: number }>, images: Array<{ __typename: 'ImageEdit', id: string, batchIndex: number, status: EditStatus, url?: string | null, width?: number | null, height?: number | null, prompt: string, errorCategory?: ErrorCategory | null, errorMessage?: string | null }> } | null };

export type BatchProgressSubscriptionVariables = Exact<{
  batchJobId: Scalars['ID']['input'];
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
}>;


export type BatchProgressSubscription = { __typename?: 'Subscription', batchProgress: { __typename: 'BatchProgressEvent', seq: number, status: BatchStatus, terminal: boolean, total: number, completed: number, failed: number, cancelled: number, fraction: number, queuePosition?: number | null, etaSeconds?: number | null, creditsHeld: number, creditsCaptured: number, creditsRefunded: number, kind: ProgressEventKind, etaAt?: string | null, image?: { __typename: 'DeliveredImage', imageEditId: string, batchIndex: number, url?: string | null, width?: number | null, height?: number | null } | null, images: Array<{ __typename: 'DeliveredImage', imageEditId: string, batchIndex: number, url?: string | null, width?: number | null, height?: number | null }> } };

export type BatchJobCancelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type BatchJobCancelMutation = { __typename: 'Mutation', batchJobCancel: { __typename: 'BatchJobCancelPayload', keptImages: number, refundedImages: number, refundedCredits: number, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type BatchJobRetryMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  onlyFailed: Scalars['Boolean']['input'];
}>;


export type BatchJobRetryMutation = { __typename: 'Mutation', batchJobRetry: { __typename: 'BatchJobRetryPayload', batchJob?: { __typename: 'BatchJob', id: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type GalleryAddMutationVariables = Exact<{
  input: GalleryAddInput;
}>;


export type GalleryAddMutation = { __typename: 'Mutation', galleryAdd: { __typename: 'GalleryItemPayload', galleryItem?: { __typename: 'GalleryItem', id: string, title: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type BatchesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BatchJobFilter>;
}>;


export type BatchesQuery = { __typename: 'Query', batchJobs: { __typename: 'BatchJobConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'BatchJobEdge', node: { __typename: 'BatchJob', id: string, mode: GenerationMode, status: BatchStatus, prompts: Array<string>, totalImages: number, completedImages: number, createdAt: string } }> } };

export type CreditsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreditsQuery = { __typename: 'Query', me: { __typename: 'User', id: string, credits: number, creditsHeld: number }, creditTransactions: { __typename: 'CreditTransactionConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'CreditTransactionEdge', node: { __typename: 'CreditTransaction', id: string, kind: LedgerKind, amount: number, heldDelta: number, balanceAfter: number, reference?: string | null, description: string, createdAt: string } }> } };

export type GalleryQueryVariables = Exact<{
  filter?: InputMaybe<GalleryFilter>;
  orderBy: GalleryOrder;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type GalleryQuery = { __typename: 'Query', gallery: { __typename: 'GalleryItemConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'GalleryItemEdge', node: { __typename: 'GalleryItem', id: string, title: string, tags: Array<string>, favorite: boolean, visibility: GalleryVisibility, createdAt: string, collections: Array<{ __typename: 'GalleryCollection', id: string, name: string }>, project?: { __typename: 'Project', id: string, name: string } | null, image: { __typename: 'ImageEdit', id: string, url?: string | null, width?: number | null, height?: number | null, prompt: string, mode: GenerationMode } } }> } };

export type PublicGalleryQueryVariables = Exact<{
  filter?: InputMaybe<PublicGalleryFilter>;
  orderBy: PublicGalleryOrder;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type PublicGalleryQuery = { __typename: 'Query', publicGallery: { __typename: 'PublicGalleryItemConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'PublicGalleryItemEdge', node: { __typename: 'PublicGalleryItem', id: string, title: string, tags: Array<string>, mode: GenerationMode, prompt: string, url?: string | null, width?: number | null, height?: number | null, likeCount: number, likedByMe: boolean, author: { __typename: 'PublicUser', displayName: string } } }> } };

export type GalleryLikeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GalleryLikeMutation = { __typename: 'Mutation', galleryLike: { __typename: 'PublicGalleryItemPayload', item?: { __typename: 'PublicGalleryItem', id: string, likeCount: number, likedByMe: boolean } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type GalleryUnlikeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GalleryUnlikeMutation = { __typename: 'Mutation', galleryUnlike: { __typename: 'PublicGalleryItemPayload', item?: { __typename: 'PublicGalleryItem', id: string, likeCount: number, likedByMe: boolean } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type GalleryCollectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type GalleryCollectionsQuery = { __typename: 'Query', galleryCollections: { __typename: 'GalleryCollectionConnection', edges: Array<{ __typename: 'GalleryCollectionEdge', node: { __typename: 'GalleryCollection', id: string, name: string, itemCount: number } }> } };

export type GalleryCollectionCreateMutationVariables = Exact<{
  input: GalleryCollectionInput;
}>;


export type GalleryCollectionCreateMutation = { __typename: 'Mutation', galleryCollectionCreate: { __typename: 'GalleryCollectionPayload', collection?: { __typename: 'GalleryCollection', id: string, name: string, itemCount: number } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type GalleryCollectionAddItemsMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  itemIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type GalleryCollectionAddItemsMutation = { __typename: 'Mutation', galleryCollectionAddItems: { __typename: 'GalleryCollectionPayload', collection?: { __typename: 'GalleryCollection', id: string, itemCount: number } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type GalleryCollectionRemoveItemsMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  itemIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type GalleryCollectionRemoveItemsMutation = { __typename: 'Mutation', galleryCollectionRemoveItems: { __typename: 'GalleryCollectionPayload', collection?: { __typename: 'GalleryCollection', id: string, itemCount: number } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type GalleryUpdateMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: GalleryUpdateInput;
}>;


export type GalleryUpdateMutation = { __typename: 'Mutation', galleryUpdate: { __typename: 'GalleryItemPayload', galleryItem?: { __typename: 'GalleryItem', id: string, favorite: boolean, visibility: GalleryVisibility, title: string, tags: Array<string> } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type GalleryRemoveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GalleryRemoveMutation = { __typename: 'Mutation', galleryRemove: { __typename: 'GalleryRemovePayload', removedId?: string | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type GenerateSetupQueryVariables = Exact<{ [key: string]: never; }>;


export type GenerateSetupQuery = { __typename: 'Query', capabilities: { __typename: 'Capabilities', provider: string, modes: Array<{ __typename: 'ModeCapability', mode: GenerationMode, description: string, minReferences: number, maxReferences: number, producesSet: boolean }>, defaultSize: { __typename: 'SizeOption', tier: string, width: number, height: number }, aspectRatios: Array<{ __typename: 'AspectRatioOption', ratio: string, sizes: Array<{ __typename: 'SizeOption', tier: string, width: number, height: number }> }>, sizeBounds: { __typename: 'SizeBounds', minSide: number, maxSide: number }, limits: { __typename: 'GenerationLimits', maxCountPerPrompt: number, maxSetImages: number, maxPromptLength: number, maxReferences: number, maxReferenceBytes: number, referenceContentTypes: Array<string> }, prices: Array<{ __typename: 'Price', mode: GenerationMode, tier: string, creditsPerImage: number }>, providerFacts: { __typename: 'ProviderFacts', seedSent: boolean, seedReproducible: boolean, notes: Array<string> } }, projects: { __typename: 'ProjectConnection', edges: Array<{ __typename: 'ProjectEdge', node: { __typename: 'Project', id: string, name: string } }> }, stylePresets: { __typename: 'StylePresetConnection', edges: Array<{ __typename: 'StylePresetEdge', node: { __typename: 'StylePreset', id: string, name: string, version: number, builtIn: boolean, defaultIntensity: number } }> } };

export type RemixQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RemixQuery = { __typename: 'Query', imageEdit?: { __typename: 'ImageEdit', id: string, url?: string | null, remix: { __typename: 'GenerateParameters', projectId: string, mode: GenerationMode, prompt: string, maxImages?: number | null, size: string, seed?: number | null, references: Array<{ __typename: 'ReferenceParameters', uploadId: string }>, presets: Array<{ __typename: 'PresetUseParameters', presetId: string, version?: number | null, weight?: number | null, intensity?: number | null }> } } | null };

export type QuoteQueryVariables = Exact<{
  input: GenerateInput;
}>;


export type QuoteQuery = { __typename: 'Query', quote: { __typename: 'Quote', totalImages: number, providerCalls: number, width: number, height: number, sizeTier: SizeTier, creditsPerImage: number, totalCredits: number, balance: number, covered: boolean } };

export type GenerateMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateMutation = { __typename: 'Mutation', generate: { __typename: 'GeneratePayload', created: boolean, batchJob?: { __typename: 'BatchJob', id: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ImageUploadMutationVariables = Exact<{
  file: Scalars['Upload']['input'];
}>;


export type ImageUploadMutation = { __typename: 'Mutation', imageUpload: { __typename: 'ImageUploadPayload', image?: { __typename: 'ReferenceImage', id: string, url: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type WorkspaceInvitationAcceptMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type WorkspaceInvitationAcceptMutation = { __typename: 'Mutation', workspaceInvitationAccept: { __typename: 'WorkspacePayload', workspace?: { __typename: 'Workspace', id: string, name: string, kind: WorkspaceKind, role: WorkspaceRole } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, reason: string, message: string }> } };

export type StylePresetQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StylePresetQuery = { __typename: 'Query', stylePreset?: { __typename: 'StylePreset', id: string, name: string, description: string, tags: Array<string>, promptTemplate: string, promptSuffix: string, defaultMode?: GenerationMode | null, defaultIntensity: number, version: number, visibility: PresetVisibility, shareCode?: string | null, builtIn: boolean, createdAt: string, owner: { __typename: 'PublicUser', displayName: string }, forkedFrom?: { __typename: 'StylePreset', id: string, name: string } | null, preview?: { __typename: 'PresetPreview', url?: string | null } | null, stats: { __typename: 'PresetStats', uses: number, imagesDelivered: number, imagesFailed: number, successRate?: number | null, medianProcessingMs?: number | null }, versions: Array<{ __typename: 'StylePresetVersion', version: number, name: string, promptTemplate: string, promptSuffix: string, defaultIntensity: number, createdAt: string }> } | null };

export type StylePresetMineCheckQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type StylePresetMineCheckQuery = { __typename: 'Query', stylePresets: { __typename: 'StylePresetConnection', edges: Array<{ __typename: 'StylePresetEdge', node: { __typename: 'StylePreset', id: string } }> } };

export type StylePresetUpdateMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: StylePresetUpdateInput;
}>;


export type StylePresetUpdateMutation = { __typename: 'Mutation', stylePresetUpdate: { __typename: 'StylePresetPayload', stylePreset?: { __typename: 'StylePreset', id: string, version: number } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type StylePresetShareMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  visibility: PresetVisibility;
}>;


export type StylePresetShareMutation = { __typename: 'Mutation', stylePresetShare: { __typename: 'StylePresetPayload', stylePreset?: { __typename: 'StylePreset', id: string, visibility: PresetVisibility, shareCode?: string | null } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type StylePresetDeleteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StylePresetDeleteMutation = { __typename: 'Mutation', stylePresetDelete: { __typename: 'StylePresetDeletePayload', deletedId?: string | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type StylePresetExportQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type StylePresetExportQuery = { __typename: 'Query', stylePresetExport: unknown };

export type StylePresetsQueryVariables = Exact<{
  scope: PresetScope;
  search?: InputMaybe<Scalars['String']['input']>;
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type StylePresetsQuery = { __typename: 'Query', stylePresets: { __typename: 'StylePresetConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'StylePresetEdge', node: { __typename: 'StylePreset', id: string, name: string, description: string, tags: Array<string>, version: number, visibility: PresetVisibility, builtIn: boolean, owner: { __typename: 'PublicUser', displayName: string }, preview?: { __typename: 'PresetPreview', url?: string | null } | null, stats: { __typename: 'PresetStats', uses: number, successRate?: number | null } } }> } };

export type StylePresetCreateMutationVariables = Exact<{
  input: StylePresetInput;
}>;


export type StylePresetCreateMutation = { __typename: 'Mutation', stylePresetCreate: { __typename: 'StylePresetPayload', stylePreset?: { __typename: 'StylePreset', id: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type StylePresetImportMutationVariables = Exact<{
  document: Scalars['JSON']['input'];
}>;


export type StylePresetImportMutation = { __typename: 'Mutation', stylePresetImport: { __typename: 'StylePresetPayload', stylePreset?: { __typename: 'StylePreset', id: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type StylePresetByShareCodeQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type StylePresetByShareCodeQuery = { __typename: 'Query', stylePresetByShareCode?: { __typename: 'StylePreset', id: string, name: string, description: string, promptTemplate: string, promptSuffix: string, version: number, owner: { __typename: 'PublicUser', displayName: string } } | null };

export type ProjectQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ProjectQuery = { __typename: 'Query', project?: { __typename: 'Project', id: string, name: string, description: string, processingStatus: ProcessingStatus, createdAt: string, batchJobs: { __typename: 'BatchJobConnection', totalCount: number, edges: Array<{ __typename: 'BatchJobEdge', node: { __typename: 'BatchJob', id: string, mode: GenerationMode, status: BatchStatus, prompts: Array<string>, totalImages: number, completedImages: number, createdAt: string } }> }, imageEdits: { __typename: 'ImageEditConnection', edges: Array<{ __typename: 'ImageEditEdge', node: { __typename: 'ImageEdit', id: string, status: EditStatus, url?: string | null, prompt: string, width?: number | null, height?: number | null } }> } } | null };

export type BatchRowFieldsFragment = { __typename: 'BatchJob', id: string, mode: GenerationMode, status: BatchStatus, prompts: Array<string>, totalImages: number, completedImages: number, createdAt: string };

export type ProjectsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
}>;


export type ProjectsQuery = { __typename: 'Query', projects: { __typename: 'ProjectConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename: 'ProjectEdge', node: { __typename: 'Project', id: string, name: string, description: string, processingStatus: ProcessingStatus, updatedAt: string } }> } };

export type ProjectCreateMutationVariables = Exact<{
  input: ProjectCreateInput;
}>;


export type ProjectCreateMutation = { __typename: 'Mutation', projectCreate: { __typename: 'ProjectPayload', project?: { __typename: 'Project', id: string, name: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { __typename: 'Query', apiKeys: { __typename: 'ApiKeyConnection', totalCount: number, edges: Array<{ __typename: 'ApiKeyEdge', node: { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, expiresAt?: string | null, lastUsedAt?: string | null, lastUsedAddress?: string | null } }> } };

export type ApiKeyCreateMutationVariables = Exact<{
  input: ApiKeyCreateInput;
}>;


export type ApiKeyCreateMutation = { __typename: 'Mutation', apiKeyCreate: { __typename: 'ApiKeyCreatePayload', key?: string | null, apiKey?: { __typename: 'ApiKey', id: string, name: string, prefix: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type ApiKeyRevokeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ApiKeyRevokeMutation = { __typename: 'Mutation', apiKeyRevoke: { __typename: 'ApiKeyRevokePayload', apiKey?: { __typename: 'ApiKey', id: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type WebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEndpointsQuery = { __typename: 'Query', webhookEndpoints: { __typename: 'WebhookEndpointConnection', edges: Array<{ __typename: 'WebhookEndpointEdge', node: { __typename: 'WebhookEndpoint', id: string, url: string, description: string, events: Array<string>, enabled: boolean, disabledReason?: string | null, failingSince?: string | null, previousSecretExpiresAt?: string | null, createdAt: string } }> } };

export type WebhookEndpointCreateMutationVariables = Exact<{
  input: WebhookEndpointCreateInput;
}>;


export type WebhookEndpointCreateMutation = { __typename: 'Mutation', webhookEndpointCreate: { __typename: 'WebhookEndpointSecretPayload', secret?: string | null, endpoint?: { __typename: 'WebhookEndpoint', id: string, url: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type WebhookEndpointUpdateMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: WebhookEndpointUpdateInput;
}>;


export type WebhookEndpointUpdateMutation = { __typename: 'Mutation', webhookEndpointUpdate: { __typename: 'WebhookEndpointPayload', endpoint?: { __typename: 'WebhookEndpoint', id: string, url: string, events: Array<string>, enabled: boolean } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type WebhookEndpointDeleteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebhookEndpointDeleteMutation = { __typename: 'Mutation', webhookEndpointDelete: { __typename: 'WebhookEndpointDeletePayload', deletedId?: string | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type WebhookEndpointRotateSecretMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebhookEndpointRotateSecretMutation = { __typename: 'Mutation', webhookEndpointRotateSecret: { __typename: 'WebhookEndpointSecretPayload', secret?: string | null, endpoint?: { __typename: 'WebhookEndpoint', id: string, previousSecretExpiresAt?: string | null } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type WebhookEndpointTestMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebhookEndpointTestMutation = { __typename: 'Mutation', webhookEndpointTest: { __typename: 'WebhookDeliveryPayload', delivery?: { __typename: 'WebhookDelivery', id: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type WebhookRedeliverMutationVariables = Exact<{
  deliveryId: Scalars['ID']['input'];
}>;


export type WebhookRedeliverMutation = { __typename: 'Mutation', webhookRedeliver: { __typename: 'WebhookDeliveryPayload', delivery?: { __typename: 'WebhookDelivery', id: string, status: WebhookDeliveryStatus } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId: Scalars['ID']['input'];
}>;


export type WebhookDeliveriesQuery = { __typename: 'Query', webhookDeliveries?: { __typename: 'WebhookDeliveryConnection', edges: Array<{ __typename: 'WebhookDeliveryEdge', node: { __typename: 'WebhookDelivery', id: string, eventType: string, eventId: string, seq?: number | null, status: WebhookDeliveryStatus, attemptCount: number, nextAttemptAt?: string | null, lastStatusCode?: number | null, lastError?: string | null, createdAt: string, attempts: Array<{ __typename: 'WebhookAttempt', attemptedAt: string, statusCode?: number | null, latencyMs?: number | null, error?: string | null, nextRetryAt?: string | null }> } }> } | null };

export type WorkspaceDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WorkspaceDetailQuery = { __typename: 'Query', workspace?: { __typename: 'Workspace', id: string, name: string, kind: WorkspaceKind, role: WorkspaceRole, owner: { __typename: 'PublicUser', displayName: string }, members: { __typename: 'WorkspaceMemberConnection', totalCount: number, edges: Array<{ __typename: 'WorkspaceMemberEdge', node: { __typename: 'WorkspaceMember', id: string, role: WorkspaceRole, joinedAt: string, isYou: boolean, user: { __typename: 'PublicUser', displayName: string } } }> }, invitations: { __typename: 'WorkspaceInvitationConnection', totalCount: number, edges: Array<{ __typename: 'WorkspaceInvitationEdge', node: { __typename: 'WorkspaceInvitation', id: string, role: WorkspaceRole, email?: string | null, status: InvitationStatus, expiresAt: string, createdAt: string, createdBy?: { __typename: 'PublicUser', displayName: string } | null, acceptedBy?: { __typename: 'PublicUser', displayName: string } | null } }> } } | null };

export type WorkspaceCreateMutationVariables = Exact<{
  input: WorkspaceCreateInput;
}>;


export type WorkspaceCreateMutation = { __typename: 'Mutation', workspaceCreate: { __typename: 'WorkspacePayload', workspace?: { __typename: 'Workspace', id: string, name: string, kind: WorkspaceKind, role: WorkspaceRole } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, reason: string, message: string }> } };

export type WorkspaceInviteMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: WorkspaceInviteInput;
}>;


export type WorkspaceInviteMutation = { __typename: 'Mutation', workspaceInvite: { __typename: 'WorkspaceInvitePayload', token?: string | null, invitation?: { __typename: 'WorkspaceInvitation', id: string, role: WorkspaceRole, email?: string | null, expiresAt: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, reason: string, message: string }> } };

export type WorkspaceInvitationRevokeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WorkspaceInvitationRevokeMutation = { __typename: 'Mutation', workspaceInvitationRevoke: { __typename: 'WorkspaceInvitationPayload', invitation?: { __typename: 'WorkspaceInvitation', id: string, status: InvitationStatus } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, reason: string, message: string }> } };

export type WorkspaceMemberRoleChangeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  role: WorkspaceRole;
}>;


export type WorkspaceMemberRoleChangeMutation = { __typename: 'Mutation', workspaceMemberRoleChange: { __typename: 'WorkspaceMemberPayload', member?: { __typename: 'WorkspaceMember', id: string, role: WorkspaceRole } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, reason: string, message: string }> } };

export type WorkspaceMemberRemoveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WorkspaceMemberRemoveMutation = { __typename: 'Mutation', workspaceMemberRemove: { __typename: 'WorkspaceMemberRemovePayload', removedMemberId?: string | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, reason: string, message: string }> } };

export type WorkspaceLeaveMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WorkspaceLeaveMutation = { __typename: 'Mutation', workspaceLeave: { __typename: 'WorkspaceGonePayload', workspaceId?: string | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, reason: string, message: string }> } };

export type StylePresetForkMutationVariables = Exact<{
  id?: InputMaybe<Scalars['ID']['input']>;
  shareCode?: InputMaybe<Scalars['String']['input']>;
}>;


export type StylePresetForkMutation = { __typename: 'Mutation', stylePresetFork: { __typename: 'StylePresetPayload', stylePreset?: { __typename: 'StylePreset', id: string } | null, userErrors: Array<{ __typename: 'UserError', field?: Array<string> | null, code: UserErrorCode, message: string }> } };

export type MyWorkspacesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyWorkspacesQuery = { __typename: 'Query', workspaces: { __typename: 'WorkspaceConnection', totalCount: number, edges: Array<{ __typename: 'WorkspaceEdge', node: { __typename: 'Workspace', id: string, name: string, kind: WorkspaceKind, role: WorkspaceRole } }> } };

export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const BatchRowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"prompts"}},{"kind":"Field","name":{"kind":"Name","value":"totalImages"}},{"kind":"Field","name":{"kind":"Name","value":"completedImages"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<BatchRowFieldsFragment, unknown>;
export const MeDocument = {"__meta__":{"hash":"a5e7fe899c9ee1f5233502f5d7ef836324f1d2a3f8abfedee25af21dce5dc074"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"creditsHeld"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const BalanceDocument = {"__meta__":{"hash":"2e01bcb02bdc23c32d8e5f92a6ddd6bc2bf40d2a6cf3d0e664f9d8bed259d3a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"Balance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"afterSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreditBalanceEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"userSeq"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchProgressEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"userSeq"}}]}}]}}]}}]} as unknown as DocumentNode<BalanceSubscription, BalanceSubscriptionVariables>;
export const UsageAnalyticsDocument = {"__meta__":{"hash":"cf8f6b607d656af7cda0e1b1e59c76a9bd8afeebea506d957591ba13aeda1266"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UsageAnalytics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateRangeInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Granularity"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupBy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Scope"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usageAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"generations"}},{"kind":"Field","name":{"kind":"Name","value":"imagesRequested"}},{"kind":"Field","name":{"kind":"Name","value":"imagesDelivered"}},{"kind":"Field","name":{"kind":"Name","value":"creditsSpent"}},{"kind":"Field","name":{"kind":"Name","value":"creditsRefunded"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"p50ProcessingMs"}},{"kind":"Field","name":{"kind":"Name","value":"p95ProcessingMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"series"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"creditsSpent"}},{"kind":"Field","name":{"kind":"Name","value":"imagesDelivered"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"generations"}},{"kind":"Field","name":{"kind":"Name","value":"imagesDelivered"}},{"kind":"Field","name":{"kind":"Name","value":"creditsSpent"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"images"}}]}},{"kind":"Field","name":{"kind":"Name","value":"forecast"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"dailyBurn"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"runsOutOn"}},{"kind":"Field","name":{"kind":"Name","value":"runsOutEarly"}},{"kind":"Field","name":{"kind":"Name","value":"runsOutLate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"insights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"calls"}},{"kind":"Field","name":{"kind":"Name","value":"failedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"p50LatencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"p95LatencyMs"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UsageAnalyticsQuery, UsageAnalyticsQueryVariables>;
export const BatchJobDocument = {"__meta__":{"hash":"0cc95ad175510abdcfca3d396eb05a8c36d74019fcd170ac48280c52f4ae6bea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"batchJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"prompts"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"totalImages"}},{"kind":"Field","name":{"kind":"Name","value":"completedImages"}},{"kind":"Field","name":{"kind":"Name","value":"failedImages"}},{"kind":"Field","name":{"kind":"Name","value":"creditsReserved"}},{"kind":"Field","name":{"kind":"Name","value":"creditsCaptured"}},{"kind":"Field","name":{"kind":"Name","value":"creditsRefunded"}},{"kind":"Field","name":{"kind":"Name","value":"creditsHeld"}},{"kind":"Field","name":{"kind":"Name","value":"retriedFromId"}},{"kind":"Field","name":{"kind":"Name","value":"remixedFrom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"imageEditId"}},{"kind":"Field","name":{"kind":"Name","value":"galleryItemId"}},{"kind":"Field","name":{"kind":"Name","value":"author"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"presetsUsed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"batchIndex"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"errorCategory"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}}]}}]}}]}}]} as unknown as DocumentNode<BatchJobQuery, BatchJobQueryVariables>;
export const BatchProgressDocument = {"__meta__":{"hash":"5b2055fd9d3cb1727507f091be8d2e6faba39b565270bd3548e417b5fd4e9e5d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BatchProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"batchJobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"batchProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"batchJobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"batchJobId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSeq"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSeq"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"terminal"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}},{"kind":"Field","name":{"kind":"Name","value":"fraction"}},{"kind":"Field","name":{"kind":"Name","value":"queuePosition"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"creditsHeld"}},{"kind":"Field","name":{"kind":"Name","value":"creditsCaptured"}},{"kind":"Field","name":{"kind":"Name","value":"creditsRefunded"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"etaAt"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"imageEditId"}},{"kind":"Field","name":{"kind":"Name","value":"batchIndex"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"imageEditId"}},{"kind":"Field","name":{"kind":"Name","value":"batchIndex"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]} as unknown as DocumentNode<BatchProgressSubscription, BatchProgressSubscriptionVariables>;
export const BatchJobCancelDocument = {"__meta__":{"hash":"e9bc8f309a935585f9e53b86323e9c8d9f105f515786bd01f6a9c7cac8695c15"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BatchJobCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"batchJobCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"keptImages"}},{"kind":"Field","name":{"kind":"Name","value":"refundedImages"}},{"kind":"Field","name":{"kind":"Name","value":"refundedCredits"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<BatchJobCancelMutation, BatchJobCancelMutationVariables>;
export const BatchJobRetryDocument = {"__meta__":{"hash":"4e5e274f8c11f4d6549f3a5f34a2aa283c9dc6198ba72b8705a70bdc2dad313e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BatchJobRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"onlyFailed"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"batchJobRetry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"onlyFailed"},"value":{"kind":"Variable","name":{"kind":"Name","value":"onlyFailed"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"batchJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<BatchJobRetryMutation, BatchJobRetryMutationVariables>;
export const GalleryAddDocument = {"__meta__":{"hash":"9a3aecda8aedc6f0bc0bb4a598218e54d2e8a1039b5685a877256a46588ce625"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GalleryAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GalleryAddInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryAdd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GalleryAddMutation, GalleryAddMutationVariables>;
export const BatchesDocument = {"__meta__":{"hash":"0acb2819e512c004ec33922c9d5197f41888327029e971dd22ac744337188d5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Batches"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BatchJobFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"batchJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchRowFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"prompts"}},{"kind":"Field","name":{"kind":"Name","value":"totalImages"}},{"kind":"Field","name":{"kind":"Name","value":"completedImages"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<BatchesQuery, BatchesQueryVariables>;
export const CreditsDocument = {"__meta__":{"hash":"e7bb128bdc542eab90074c4f9d19b7844ac17f32a09bee172097dd04c6512537"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Credits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"creditsHeld"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditTransactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"heldDelta"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<CreditsQuery, CreditsQueryVariables>;
export const GalleryDocument = {"__meta__":{"hash":"b75b055785ef51c3d9056fba7b5257d8a75187958f27dc4587000610c00ee168"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Gallery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GalleryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GalleryOrder"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"gallery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"favorite"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<GalleryQuery, GalleryQueryVariables>;
export const PublicGalleryDocument = {"__meta__":{"hash":"de40294c45cdee069c2672210b2d2a56ea4c55df38c75631db03a11e192aa4c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicGallery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PublicGalleryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PublicGalleryOrder"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"publicGallery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"likeCount"}},{"kind":"Field","name":{"kind":"Name","value":"likedByMe"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PublicGalleryQuery, PublicGalleryQueryVariables>;
export const GalleryLikeDocument = {"__meta__":{"hash":"1d5015dabb6124dc06419d1986aa6c4ad7af274561e9d4f71eb9333ebf161a77"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GalleryLike"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryLike"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"likeCount"}},{"kind":"Field","name":{"kind":"Name","value":"likedByMe"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GalleryLikeMutation, GalleryLikeMutationVariables>;
export const GalleryUnlikeDocument = {"__meta__":{"hash":"6ae50d0f8d4c41994dce49257777f4826ee5c1739dd8d087beb47559c8818871"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GalleryUnlike"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryUnlike"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"likeCount"}},{"kind":"Field","name":{"kind":"Name","value":"likedByMe"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GalleryUnlikeMutation, GalleryUnlikeMutationVariables>;
export const GalleryCollectionsDocument = {"__meta__":{"hash":"72113f5f9c7a6501fc3b0ebb807fe839af4964ca844540df2f5d474e71f19b7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GalleryCollections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryCollections"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GalleryCollectionsQuery, GalleryCollectionsQueryVariables>;
export const GalleryCollectionCreateDocument = {"__meta__":{"hash":"c6b0a348f13d7299c9ca06f2d9b95d21b976ba1bf0f1f20fedf9b81069aa4a57"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GalleryCollectionCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GalleryCollectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryCollectionCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GalleryCollectionCreateMutation, GalleryCollectionCreateMutationVariables>;
export const GalleryCollectionAddItemsDocument = {"__meta__":{"hash":"c843340f0e00742e3ffd9e0110d1219f63d708fb18fb8b9f0b386ea50116ada7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GalleryCollectionAddItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"itemIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryCollectionAddItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"itemIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"itemIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GalleryCollectionAddItemsMutation, GalleryCollectionAddItemsMutationVariables>;
export const GalleryCollectionRemoveItemsDocument = {"__meta__":{"hash":"c8d8adcde56dd2e1da23670bf0301f1dfae5f3ee0631a11cbbe4b7334a2d161a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GalleryCollectionRemoveItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"itemIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryCollectionRemoveItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"itemIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"itemIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"collection"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GalleryCollectionRemoveItemsMutation, GalleryCollectionRemoveItemsMutationVariables>;
export const GalleryUpdateDocument = {"__meta__":{"hash":"92df56f2adc9312a160c322226163cb1b70ea3ec8fbc4b26f637d5e040f56c9f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GalleryUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GalleryUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"favorite"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GalleryUpdateMutation, GalleryUpdateMutationVariables>;
export const GalleryRemoveDocument = {"__meta__":{"hash":"42e24c1315cc8c356eca3d87b3949d9136b732ed024d24bce4cfafe1c2daccda"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GalleryRemove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"galleryRemove"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GalleryRemoveMutation, GalleryRemoveMutationVariables>;
export const GenerateSetupDocument = {"__meta__":{"hash":"2e0c6e0832bdd9c0abe4cbb6b255cb733e86eb57cc7ff4cf24006e78a88e3fe3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GenerateSetup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"modes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"minReferences"}},{"kind":"Field","name":{"kind":"Name","value":"maxReferences"}},{"kind":"Field","name":{"kind":"Name","value":"producesSet"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultSize"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aspectRatios"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}},{"kind":"Field","name":{"kind":"Name","value":"sizes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sizeBounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"minSide"}},{"kind":"Field","name":{"kind":"Name","value":"maxSide"}}]}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"maxCountPerPrompt"}},{"kind":"Field","name":{"kind":"Name","value":"maxSetImages"}},{"kind":"Field","name":{"kind":"Name","value":"maxPromptLength"}},{"kind":"Field","name":{"kind":"Name","value":"maxReferences"}},{"kind":"Field","name":{"kind":"Name","value":"maxReferenceBytes"}},{"kind":"Field","name":{"kind":"Name","value":"referenceContentTypes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"prices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"creditsPerImage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"providerFacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seedSent"}},{"kind":"Field","name":{"kind":"Name","value":"seedReproducible"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stylePresets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"EnumValue","value":"VISIBLE"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"defaultIntensity"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GenerateSetupQuery, GenerateSetupQueryVariables>;
export const RemixDocument = {"__meta__":{"hash":"11eed23c4b62c32c0f07210f8817783cd9196d446b0e15239f6caf8fce3fcc85"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Remix"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"imageEdit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"remix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"maxImages"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"references"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"uploadId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"presets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"presetId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RemixQuery, RemixQueryVariables>;
export const QuoteDocument = {"__meta__":{"hash":"249cda69ed7d0d2ff254f9b909e1e0ebe333eb0ca5aae451273d89badc8f61e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Quote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"quote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalImages"}},{"kind":"Field","name":{"kind":"Name","value":"providerCalls"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}},{"kind":"Field","name":{"kind":"Name","value":"sizeTier"}},{"kind":"Field","name":{"kind":"Name","value":"creditsPerImage"}},{"kind":"Field","name":{"kind":"Name","value":"totalCredits"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"covered"}}]}}]}}]} as unknown as DocumentNode<QuoteQuery, QuoteQueryVariables>;
export const GenerateDocument = {"__meta__":{"hash":"8017c4701a6ea77a0a38331ce4579842bb991ae93aabf6627bf18e0456c5cc7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Generate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"batchJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<GenerateMutation, GenerateMutationVariables>;
export const ImageUploadDocument = {"__meta__":{"hash":"c02fac6d5ab252f63cd9e23d29795a2d84a78f4e470fd79aab06ab28c148da2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"imageUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ImageUploadMutation, ImageUploadMutationVariables>;
export const WorkspaceInvitationAcceptDocument = {"__meta__":{"hash":"681e9be955143c264b91051820709a9c5c0b29ce9a34ea4ab7a583569fa56e14"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceInvitationAccept"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceInvitationAccept"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceInvitationAcceptMutation, WorkspaceInvitationAcceptMutationVariables>;
export const StylePresetDocument = {"__meta__":{"hash":"c03050ff8c1c98d2dc464d48d1f12877f47f3acad627657883258256d83df5c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StylePreset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePreset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"promptTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"promptSuffix"}},{"kind":"Field","name":{"kind":"Name","value":"defaultMode"}},{"kind":"Field","name":{"kind":"Name","value":"defaultIntensity"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"shareCode"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"forkedFrom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"imagesDelivered"}},{"kind":"Field","name":{"kind":"Name","value":"imagesFailed"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"medianProcessingMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"promptTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"promptSuffix"}},{"kind":"Field","name":{"kind":"Name","value":"defaultIntensity"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<StylePresetQuery, StylePresetQueryVariables>;
export const StylePresetMineCheckDocument = {"__meta__":{"hash":"2e7fe9558c8baa6f5741503a7144bd4a968f14214974b27162d7ebc44c186ad2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StylePresetMineCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"EnumValue","value":"MINE"}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StylePresetMineCheckQuery, StylePresetMineCheckQueryVariables>;
export const StylePresetUpdateDocument = {"__meta__":{"hash":"b5d1d7f3b4b0e53a65930cf24ea35d7b00f6685cfecdc59126a966b217bae316"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StylePresetUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StylePresetUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresetUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePreset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<StylePresetUpdateMutation, StylePresetUpdateMutationVariables>;
export const StylePresetShareDocument = {"__meta__":{"hash":"1bb81488d056c481635ca8493ed67b2812ea2ab4fb40765ef54e5c90e22b5085"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StylePresetShare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visibility"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PresetVisibility"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresetShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"visibility"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visibility"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePreset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"shareCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<StylePresetShareMutation, StylePresetShareMutationVariables>;
export const StylePresetDeleteDocument = {"__meta__":{"hash":"f026b65ecab958be474331ef5a55b11ca487f08d60198e659d5a4b36bf6a7ae2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StylePresetDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresetDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<StylePresetDeleteMutation, StylePresetDeleteMutationVariables>;
export const StylePresetExportDocument = {"__meta__":{"hash":"8cc063440fd688f8a07e5d72aac466b9b3763e0ea833e560c83ba0304f1ea8bf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StylePresetExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresetExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<StylePresetExportQuery, StylePresetExportQueryVariables>;
export const StylePresetsDocument = {"__meta__":{"hash":"7e138c13ed816e98369f55f56ae477140fd38a930df7a9f5273bc74de841b6d4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StylePresets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PresetScope"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"uses"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<StylePresetsQuery, StylePresetsQueryVariables>;
export const StylePresetCreateDocument = {"__meta__":{"hash":"7d5957a54892041f4262f12ac73b996f85809fa93418ce5db688f976ef53d9f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StylePresetCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StylePresetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresetCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePreset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<StylePresetCreateMutation, StylePresetCreateMutationVariables>;
export const StylePresetImportDocument = {"__meta__":{"hash":"470d7a032e5fa1be22bbc4c278dcbefa8047bfe4316547083cc922d478bba5b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StylePresetImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"document"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresetImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"document"},"value":{"kind":"Variable","name":{"kind":"Name","value":"document"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePreset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<StylePresetImportMutation, StylePresetImportMutationVariables>;
export const StylePresetByShareCodeDocument = {"__meta__":{"hash":"1915148a5b1859dfe596864ee2bcf376f7705ced54c8cced2613f7c6a0022cca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StylePresetByShareCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresetByShareCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"promptTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"promptSuffix"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<StylePresetByShareCodeQuery, StylePresetByShareCodeQueryVariables>;
export const ProjectDocument = {"__meta__":{"hash":"cee084b0ba17a6c92361618910492883009a019f0eb5c230dec0d074d7ced20f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Project"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"processingStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"batchJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"BatchRowFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"imageEdits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"prompt"}},{"kind":"Field","name":{"kind":"Name","value":"width"}},{"kind":"Field","name":{"kind":"Name","value":"height"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BatchRowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BatchJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"prompts"}},{"kind":"Field","name":{"kind":"Name","value":"totalImages"}},{"kind":"Field","name":{"kind":"Name","value":"completedImages"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ProjectQuery, ProjectQueryVariables>;
export const ProjectsDocument = {"__meta__":{"hash":"305176e855a488c8e32755dc44fc592e59008303471c1cff2f4dddd029826e5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"processingStatus"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const ProjectCreateDocument = {"__meta__":{"hash":"0782eef6f588f64acbd40bd248332a18dfab384a4080228cf858454f1219bd90"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProjectCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProjectCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"projectCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<ProjectCreateMutation, ProjectCreateMutationVariables>;
export const ApiKeysDocument = {"__meta__":{"hash":"ef48e722abedadfadc5a5c3b5e22ea68e250bc99624467b3ed768029ea1cdc92"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAddress"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const ApiKeyCreateDocument = {"__meta__":{"hash":"3f0a8598d02a286e7625a2c3352958b31b29264ef7c5f50aaf8ac480b1646165"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiKeyCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKeyCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}}]}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeyCreateMutation, ApiKeyCreateMutationVariables>;
export const ApiKeyRevokeDocument = {"__meta__":{"hash":"7c5f7d37ef0989211138af8bdc1f44fd2548859b2b159795ab5b6a433d58416d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApiKeyRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyRevoke"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeyRevokeMutation, ApiKeyRevokeMutationVariables>;
export const WebhookEndpointsDocument = {"__meta__":{"hash":"df99dfb9afe50f92b948e7a46db508b8cbf59eecc35966bacf31b6b7b625ad7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookEndpointCreateDocument = {"__meta__":{"hash":"77a2ed0d145aa8c97ac44cf3d2d655c47a5cb208c3f6c605856ae7e5e04439a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhookEndpointCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpointCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookEndpointCreateMutation, WebhookEndpointCreateMutationVariables>;
export const WebhookEndpointUpdateDocument = {"__meta__":{"hash":"c4323ab18e745a8ac9ef93097d448002f3fb19bd639e40fc4be1503c1d83884e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhookEndpointUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpointUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookEndpointUpdateMutation, WebhookEndpointUpdateMutationVariables>;
export const WebhookEndpointDeleteDocument = {"__meta__":{"hash":"ae71864fa8ee4cc1b1aae640c3b4dfdda2f290199884a09a24c67f01cce0e9c3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhookEndpointDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookEndpointDeleteMutation, WebhookEndpointDeleteMutationVariables>;
export const WebhookEndpointRotateSecretDocument = {"__meta__":{"hash":"c15edf6c2812c7bc202c0c68b0273ab68b9fac66e8631adc8051ad43dfc4d538"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhookEndpointRotateSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointRotateSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"previousSecretExpiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookEndpointRotateSecretMutation, WebhookEndpointRotateSecretMutationVariables>;
export const WebhookEndpointTestDocument = {"__meta__":{"hash":"8b55274a39a04ef6a1cedff3d484e4743c61f3f6ac125dcd9a339c21116011c2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhookEndpointTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpointTest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookEndpointTestMutation, WebhookEndpointTestMutationVariables>;
export const WebhookRedeliverDocument = {"__meta__":{"hash":"60c47f5883080bf4b278950143b198c5e23f46bea957d0b006653abad55ac5f6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhookRedeliver"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhookRedeliver"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"deliveryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookRedeliverMutation, WebhookRedeliverMutationVariables>;
export const WebhookDeliveriesDocument = {"__meta__":{"hash":"dbec719b1e5ff4cb8768c66e236e74ccb98831aa4a05802b22dc59cd3c2dc39e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endpointId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"endpointId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endpointId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"nextRetryAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const WorkspaceDetailDocument = {"__meta__":{"hash":"132a74b23cd8dcc45191c064ce1fb0b268e09a5edde2f3b6c35bcf8b7359106d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"isYou"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acceptedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceDetailQuery, WorkspaceDetailQueryVariables>;
export const WorkspaceCreateDocument = {"__meta__":{"hash":"ca9d4a88bb522ec12014e3d66677462bd0a22960a2e21748b92d926c7d378f69"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkspaceCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceCreateMutation, WorkspaceCreateMutationVariables>;
export const WorkspaceInviteDocument = {"__meta__":{"hash":"c881bd960474dc12915f93c1df198a72004d36964ffe2f9aeab11fd2ffc903a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceInvite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkspaceInviteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceInvite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceInviteMutation, WorkspaceInviteMutationVariables>;
export const WorkspaceInvitationRevokeDocument = {"__meta__":{"hash":"c1dc3de222057e058920c916899b5e7f5c422d8e77a47857140b659b3cecb121"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceInvitationRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceInvitationRevoke"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceInvitationRevokeMutation, WorkspaceInvitationRevokeMutationVariables>;
export const WorkspaceMemberRoleChangeDocument = {"__meta__":{"hash":"cd7e0161c625d1b8b2f8ad5c0ea60239f21dd0c43f75f97fb6c9fcb468f39bed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceMemberRoleChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkspaceRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceMemberRoleChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceMemberRoleChangeMutation, WorkspaceMemberRoleChangeMutationVariables>;
export const WorkspaceMemberRemoveDocument = {"__meta__":{"hash":"2b88c34500fc4b6be5a67cdc1dc3e68675a2277515f3c1a9895f4e3413ae8f6f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceMemberRemove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceMemberRemove"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removedMemberId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceMemberRemoveMutation, WorkspaceMemberRemoveMutationVariables>;
export const WorkspaceLeaveDocument = {"__meta__":{"hash":"9be72ca51d81a197d4240e2956acff1f223599196e73511ecd9ec8343251dbf9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WorkspaceLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceLeave"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaceId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceLeaveMutation, WorkspaceLeaveMutationVariables>;
export const StylePresetForkDocument = {"__meta__":{"hash":"487022290d34d019523820e4305fa32c28f8dc054462217ff56ee2220bc93bc4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StylePresetFork"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shareCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePresetFork"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"shareCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shareCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stylePreset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<StylePresetForkMutation, StylePresetForkMutationVariables>;
export const MyWorkspacesDocument = {"__meta__":{"hash":"91df030b9f349b11ab1130393f6c1f5bf7cddf7fedacb7c319d743f4be344da7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyWorkspaces"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workspaces"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyWorkspacesQuery, MyWorkspacesQueryVariables>;