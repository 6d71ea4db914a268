import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useMutation, useQuery } from "urql";
import { ConnectionStates, NextPageButton, SearchField, usePageCursor } from "../components/paging";
import { ChoiceField, ErrorBox, Field, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import type { GalleryOrder, GenerationMode, PublicGalleryOrder } from "../gql/graphql";
import { firstProblem } from "../lib/errors";
import { GENERATION_MODES, modeLabel } from "../lib/format";

const GalleryQuery = graphql(`
  query Gallery($filter: GalleryFilter, $orderBy: GalleryOrder!, $first: Int!, $after: String) {
    gallery(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          title
          tags
          favorite
          visibility
          createdAt
          collections {
            id
            name
          }
          project {
            id
            name
          }
          image {
            id
            url
            width
            height
            prompt
            mode
          }
        }
      }
    }
  }
`);

const PublicGalleryQuery = graphql(`
  query PublicGallery($filter: PublicGalleryFilter, $orderBy: PublicGalleryOrder!, $first: Int!, $after: String) {
    publicGallery(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          title
          tags
          mode
          prompt
          url
          width
          height
          likeCount
          likedByMe
          author {
            displayName
          }
        }
      }
    }
  }
`);

const GalleryLike = graphql(`
  mutation GalleryLike($id: ID!) {
    galleryLike(id: $id) {
      item {
        id
        likeCount
        likedByMe
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const GalleryUnlike = graphql(`
  mutation GalleryUnlike($id: ID!) {
    galleryUnlike(id: $id) {
      item {
        id
        likeCount
        likedByMe
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CollectionsQuery = graphql(`
  query GalleryCollections {
    galleryCollections(first: 100) {
      edges {
        node {
          id
          name
          itemCount
        }
      }
    }
  }
`);

const CollectionCreate = graphql(`
  mutation GalleryCollectionCreate($input: GalleryCollectionInput!) {
    galleryCollectionCreate(input: $input) {
      collection {
        id
        name
        itemCount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CollectionAdd = graphql(`
  mutation GalleryCollectionAddItems($id: ID!, $itemIds: [ID!]!) {
    galleryCollectionAddItems(id: $id, itemIds: $itemIds) {
      collection {
        id
        itemCount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CollectionRemove = graphql(`
  mutation GalleryCollectionRemoveItems($id: ID!, $itemIds: [ID!]!) {
    galleryCollectionRemoveItems(id: $id, itemIds: $itemIds) {
      collection {
        id
        itemCount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const GalleryUpdate = graphql(`
  mutation GalleryUpdate($id: ID!, $input: GalleryUpdateInput!) {
    galleryUpdate(id: $id, input: $input) {
      galleryItem {
        id
        favorite
        visibility
        title
        tags
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const GalleryRemove = graphql(`
  mutation GalleryRemove($id: ID!) {
    galleryRemove(id: $id) {
      removedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

function useDebounced(value: string, ms = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const handle = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(handle);
  }, [value, ms]);
  return debounced;
}

function tagList(text: string): string[] | null {
  const tags = text.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
  return tags.length ? tags : null;
}

export function GalleryScreen() {
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "public" ? "public" : "mine";
  return (
    <section>
      <PageHeader title="Gallery" />
      <div className="tabs" role="tablist" aria-label="Which gallery">
        <button type="button" role="tab" aria-selected={tab === "mine"} onClick={() => setParams({})}>
          My gallery
        </button>
        <button type="button" role="tab" aria-selected={tab === "public"} onClick={() => setParams({ tab: "public" })}>
          Public feed
        </button>
      </div>
      <div role="tabpanel">{tab === "mine" ? <MyGallery /> : <PublicFeed />}</div>
    </section>
  );
}

function MyGallery() {
  const [search, setSearch] = useState("");
  const [mode, setMode] = useState<GenerationMode | "">("");
  const [tags, setTags] = useState("");
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  const [orderBy, setOrderBy] = useState<GalleryOrder>("NEWEST");
  const [collectionId, setCollectionId] = useState("");
  const [newCollection, setNewCollection] = useState("");
  const { after, setAfter, restart } = usePageCursor();
  const words = useDebounced(search);
  const tagText = useDebounced(tags);
  const filter = {
    search: words.trim() || null,
    mode: mode || null,
    tags: tagList(tagText),
    favorite: favoritesOnly ? true : null,
    collectionId: collectionId || null,
  };
  const [collectionsResult, refetchCollections] = useQuery({ query: CollectionsQuery, requestPolicy: "cache-and-network" });
  const collections = collectionsResult.data?.galleryCollections.edges.map((e) => e.node) ?? [];
  const [, createCollection] = useMutation(CollectionCreate);
  const [, addToCollection] = useMutation(CollectionAdd);
  const [, removeFromCollection] = useMutation(CollectionRemove);
  const [result, refetch] = useQuery({ query: GalleryQuery, variables: { filter, orderBy, first: 24, after } });
  const [, update] = useMutation(GalleryUpdate);
  const [, remove] = useMutation(GalleryRemove);
  const [actionError, setActionError] = useState<string | null>(null);
  const connection = result.data?.gallery;
  const filtered = !!(filter.search || filter.mode || filter.tags || filter.favorite || filter.collectionId);

  const makeCollection = async () => {
    if (!newCollection.trim()) return;
    const outcome = await createCollection({ input: { name: newCollection } });
    const problem = firstProblem(outcome.data?.galleryCollectionCreate.userErrors, outcome.error, null);
    setActionError(problem);
    if (!problem) setNewCollection("");
    refetchCollections({ requestPolicy: "network-only" });
  };
  const file = async (itemId: string, targetId: string, inIt: boolean) => {
    if (inIt) {
      const outcome = await removeFromCollection({ id: targetId, itemIds: [itemId] });
      setActionError(firstProblem(outcome.data?.galleryCollectionRemoveItems.userErrors, outcome.error, null));
    } else {
      const outcome = await addToCollection({ id: targetId, itemIds: [itemId] });
      setActionError(firstProblem(outcome.data?.galleryCollectionAddItems.userErrors, outcome.error, null));
    }
    refetch({ requestPolicy: "network-only" });
    refetchCollections({ requestPolicy: "network-only" });
  };

  const change = async (id: string, input: { favorite?: boolean; visibility?: "PUBLIC" | "PRIVATE" }) => {
    const outcome = await update({ id, input });
    setActionError(firstProblem(outcome.data?.galleryUpdate.userErrors, outcome.error, null));
  };
  const drop = async (id: string) => {
    const outcome = await remove({ id });
    setActionError(firstProblem(outcome.data?.galleryRemove.userErrors, outcome.error, null));
    refetch({ requestPolicy: "network-only" });
  };

  return (
    <>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchField label="Search title, prompt and tags" name="search" value={search} onSearch={(text) => { setSearch(text); restart(); }} />
        <ChoiceField label="Mode" blank="Any" choices={GENERATION_MODES} describe={modeLabel} value={mode} onChange={(value) => { setMode(value); restart(); }} />
        <Field label="Tags (all of)">
          {(props) => <input {...props} value={tags} placeholder="sea, dawn" onChange={(e) => { setTags(e.target.value); restart(); }} />}
        </Field>
        <Field label="Order">
          {(props) => (
            <select {...props} value={orderBy} onChange={(e) => setOrderBy(e.target.value as GalleryOrder)}>
              <option value="NEWEST">Newest first</option>
              <option value="FAVORITES_FIRST">Favourites first</option>
            </select>
          )}
        </Field>
        <Field label="Collection">
          {(props) => (
            <select {...props} value={collectionId} data-testid="collection-filter" onChange={(e) => { setCollectionId(e.target.value); restart(); }}>
              <option value="">All items</option>
              {collections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.itemCount})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="New collection">
          {(props) => <input {...props} value={newCollection} placeholder="Harbours" onChange={(e) => setNewCollection(e.target.value)} />}
        </Field>
        <button type="button" onClick={makeCollection} disabled={!newCollection.trim()}>
          Create collection
        </button>
        <label className="check">
          <input type="checkbox" checked={favoritesOnly} onChange={(e) => { setFavoritesOnly(e.target.checked); restart(); }} /> Favourites only
        </label>
      </form>
      <ErrorBox error={actionError} />
      <ConnectionStates
        result={result}
        refetch={refetch}
        connection={connection}
        loading="Loading your gallery"
        empty={
          filtered ? (
            <p>Nothing in your gallery matches these filters.</p>
          ) : (
            <p>
              Your gallery is empty. Open a <Link to="/batches">batch</Link> and add the images you like.
            </p>
          )
        }
      />
      {connection && connection.edges.length > 0 && (
        <>
          <p className="meta" role="status">
            {connection.totalCount} {connection.totalCount === 1 ? "item" : "items"}
          </p>
          <ul className="gallery-grid" aria-label="Your gallery">
            {connection.edges.map(({ node }) => (
              <li key={node.id} className="tile">
                {node.image.url && <img src={node.image.url} alt={node.title || node.image.prompt} loading="lazy" width={node.image.width ?? undefined} height={node.image.height ?? undefined} />}
                <h3>{node.title || <span className="meta">Untitled</span>}</h3>
                <p className="meta">
                  {modeLabel(node.image.mode)}
                  {node.project && <> · {node.project.name}</>}
                </p>
                {node.tags.length > 0 && (
                  <ul className="tags" aria-label="Tags">
                    {node.tags.map((t) => (
                      <li key={t}>{t}</li>
                    ))}
                  </ul>
                )}
                {node.collections.length > 0 && (
                  <p className="meta" data-testid="item-collections">
                    In: {node.collections.map((c) => c.name).join(", ")}
                  </p>
                )}
                {collections.length > 0 && (
                  <div className="tile-collections" aria-label="Collections">
                    {collections.map((c) => {
                      const inIt = node.collections.some((x) => x.id === c.id);
                      return (
                        <button key={c.id} type="button" aria-pressed={inIt} onClick={() => file(node.id, c.id, inIt)}>
                          {inIt ? `✓ ${c.name}` : `+ ${c.name}`}
                        </button>
                      );
                    })}
                  </div>
                )}
                <div className="tile-actions">
                  <button type="button" aria-pressed={node.favorite} onClick={() => change(node.id, { favorite: !node.favorite })}>
                    {node.favorite ? "★ Favourite" : "☆ Favourite"}
                  </button>
                  <button type="button" aria-pressed={node.visibility === "PUBLIC"} onClick={() => change(node.id, { visibility: node.visibility === "PUBLIC" ? "PRIVATE" : "PUBLIC" })}>
                    {node.visibility === "PUBLIC" ? "Public" : "Make public"}
                  </button>
                  <Link className="button" to={`/generate?remix=${node.image.id}`}>
                    Remix
                  </Link>
                  <button type="button" className="link-button" onClick={() => drop(node.id)}>
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <NextPageButton pageInfo={connection?.pageInfo} onNext={setAfter} />
    </>
  );
}

function PublicFeed() {
  const [search, setSearch] = useState("");
  const [orderBy, setOrderBy] = useState<PublicGalleryOrder>("NEWEST");
  const { after, setAfter, restart } = usePageCursor();
  const words = useDebounced(search);
  const [result, refetch] = useQuery({
    query: PublicGalleryQuery,
    variables: { filter: words.trim() ? { search: words.trim() } : null, orderBy, first: 24, after },
  });
  const [, like] = useMutation(GalleryLike);
  const [, unlike] = useMutation(GalleryUnlike);
  const [actionError, setActionError] = useState<string | null>(null);
  const connection = result.data?.publicGallery;
  const toggleLike = async (id: string, liked: boolean) => {
    if (liked) {
      const outcome = await unlike({ id });
      setActionError(firstProblem(outcome.data?.galleryUnlike.userErrors, outcome.error, null));
    } else {
      const outcome = await like({ id });
      setActionError(firstProblem(outcome.data?.galleryLike.userErrors, outcome.error, null));
    }
  };
  return (
    <>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <SearchField label="Search the public feed" value={search} onSearch={(text) => { setSearch(text); restart(); }} />
        <Field label="Order">
          {(props) => (
            <select {...props} value={orderBy} onChange={(e) => { setOrderBy(e.target.value as PublicGalleryOrder); restart(); }}>
              <option value="NEWEST">Newest first</option>
              <option value="TRENDING">Trending</option>
            </select>
          )}
        </Field>
      </form>
      <ErrorBox error={actionError} />
      <ConnectionStates
        result={result}
        refetch={refetch}
        connection={connection}
        loading="Loading the public feed"
        empty={<p>{words ? "No public image matches." : "Nobody has shared an image yet. Make one of yours public from your gallery."}</p>}
      />
      {connection && connection.edges.length > 0 && (
        <ul className="gallery-grid" aria-label="Public images">
          {connection.edges.map(({ node }) => (
            <li key={node.id} className="tile">
              {node.url && <img src={node.url} alt={node.title || node.prompt} loading="lazy" width={node.width ?? undefined} height={node.height ?? undefined} />}
              <h3>{node.title || <span className="meta">Untitled</span>}</h3>
              <p className="meta">
                by {node.author.displayName} · {modeLabel(node.mode)}
              </p>
              <p className="prompt-snippet">{node.prompt}</p>
              <div className="tile-actions">
                <button type="button" aria-pressed={node.likedByMe} data-testid="like" onClick={() => toggleLike(node.id, node.likedByMe)}>
                  {node.likedByMe ? "♥ Liked" : "♡ Like"} · <span data-testid="like-count">{node.likeCount}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <NextPageButton pageInfo={connection?.pageInfo} onNext={setAfter} />
    </>
  );
}
