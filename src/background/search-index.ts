/**
 * Keeps the search index (the search documents in `docBlocks` and their `postings`) in step with the
 * annotations. Every function here runs inside the caller's transaction, which must include
 * `docBlocks` and `postings` (and `pages` where a page is read): an annotation and its index entries
 * are written together or not at all.
 */
import type { Annotation, PageMeta } from '@/src/core/model';
import { buildSearchDoc, KEY_SLOTS, keyFitsTime, preferredSlot, searchKey, type PageFields, type PagePartsCache, type SearchDoc } from '@/src/core/search/document';
import { docPositions, docTerms, samePositions } from '@/src/core/search/postings';
import { annotationsOfPage } from './annotation-store';
import type { MarginaliaDb } from './db';
import type { DocBlock } from '@/src/core/search/doc-blocks';
import { docsOf, readDocs, writeDocs } from './doc-store';
import { addPostings, removePostings } from './postings';

/**
 * A free key for each annotation: the one its document has already when it still fits the
 * creation time (an edit keeps its key), else its preferred slot, or the next free one when two
 * annotations were created in the same millisecond. The preferred slots are looked up in one read
 * (an import asks for thousands); only collisions are resolved key by key.
 */
async function allocateKeys(
  annotations: readonly Annotation[],
  current: ReadonlyMap<string, readonly SearchDoc[]>,
  blocks?: readonly DocBlock[],
): Promise<number[]> {
  // Every block in hand (a large import): the holders of keys are looked up in it.
  const byKey: Map<number, { id: string }> | null = blocks ? new Map(blocks.flatMap((b) => b.keys.map((key, i) => [key, { id: b.ids[i]! }] as const))) : null;
  const holdersOf = async (keys: readonly number[]): Promise<ReadonlyMap<number, { id: string }>> => byKey ?? (await readDocs(keys));
  const taken = new Set<number>();
  const keys: (number | undefined)[] = annotations.map((a) => {
    const key = current.get(a.id)?.find((d) => keyFitsTime(d.key, a.created) && !taken.has(d.key))?.key;
    if (key !== undefined) taken.add(key);
    return key;
  });
  const open = annotations.flatMap((a, i) => (keys[i] === undefined ? [i] : []));
  const preferred = open.map((i) => searchKey(annotations[i]!.created, preferredSlot(annotations[i]!.id)));
  const holders = await holdersOf(preferred);
  for (const [n, i] of open.entries()) {
    const a = annotations[i]!;
    const candidate = preferred[n]!;
    const holder = holders.get(candidate);
    if (!taken.has(candidate) && (!holder || holder.id === a.id)) {
      keys[i] = candidate;
      taken.add(candidate);
      continue;
    }
    for (let slot = 1; keys[i] === undefined && slot < KEY_SLOTS; slot++) {
      const next = searchKey(a.created, (preferredSlot(a.id) + slot) % KEY_SLOTS);
      if (taken.has(next)) continue;
      const held = (await holdersOf([next])).get(next);
      if (!held || held.id === a.id) keys[i] = next;
    }
    if (keys[i] === undefined) throw new Error(`No free search key for annotations created at ${a.created}.`);
    taken.add(keys[i]!);
  }
  return keys as number[];
}

/**
 * Postings of `before` taken out and those of `after` put in, touching only the terms that differ
 * (or whose positions in the body moved).
 */
async function updatePostings(db: MarginaliaDb, before: SearchDoc | undefined, after: SearchDoc | undefined): Promise<void> {
  const old = before ? docTerms(before) : [];
  const next = after ? docTerms(after) : [];
  const positions = after ? docPositions(after) : new Map<string, number[]>();
  if (before && after && before.key === after.key) {
    const oldPositions = docPositions(before);
    const oldSet = new Set(old);
    const nextSet = new Set(next);
    await removePostings(db, before.key, old.filter((t) => !nextSet.has(t)));
    const changed = next.filter((t) => !oldSet.has(t) || !samePositions(oldPositions.get(t), positions.get(t)));
    await addPostings(db, after.key, changed, positions);
    return;
  }
  if (before) await removePostings(db, before.key, old);
  if (after) await addPostings(db, after.key, next, positions);
}

/** Where an annotation's saved documents are looked for (doc-store.ts `docsOf`). */
export interface DocLookup {
  /** The saved creation time of annotations whose time may have changed (an import's updates). */
  before?: ReadonlyMap<string, number>;
  /** Every saved block, when the caller has read them all. */
  blocks?: readonly DocBlock[];
}

/**
 * The new search documents of these annotations (distinct ids), with the documents they have now
 * by annotation id. `pages` may supply page metadata already in hand; any page not in it is read
 * from the `pages` table.
 */
export async function documentsFor(
  db: MarginaliaDb,
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageFields>,
  { before, blocks }: DocLookup = {},
): Promise<{ current: Map<string, SearchDoc[]>; docs: SearchDoc[] }> {
  const known = new Map(pages);
  const missing = [...new Set(annotations.map((a) => a.url))].filter((url) => !known.has(url));
  if (missing.length) {
    const found = await db.pages.bulkGet(missing);
    missing.forEach((url, i) => known.set(url, found[i]));
  }
  const current = await docsOf(db, annotations, before, blocks);
  const keys = await allocateKeys(annotations, current, blocks);
  const cache: PagePartsCache = new Map();
  return { current, docs: annotations.map((a, i) => buildSearchDoc(a, known.get(a.url), keys[i], cache)) };
}

/**
 * Writes the search documents of these annotations. `pages` may supply page metadata already in
 * hand; any page not in it is read from the `pages` table.
 */
export async function indexAnnotations(
  db: MarginaliaDb,
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageFields> = new Map(),
): Promise<void> {
  if (!annotations.length) return;
  const { current, docs } = await documentsFor(db, annotations, pages);
  const stale: number[] = [];
  for (const doc of docs) {
    const previous = current.get(doc.id) ?? [];
    const same = previous.find((d) => d.key === doc.key);
    // A document under another key (the creation time changed on import) goes, with its postings.
    for (const old of previous.filter((d) => d !== same)) {
      await updatePostings(db, old, undefined);
      stale.push(old.key);
    }
    await updatePostings(db, same, doc);
  }
  await writeDocs(db, docs, stale);
}

/** Removes the search documents of these annotations (as saved: their creation time says where). */
export async function unindexAnnotations(db: MarginaliaDb, annotations: readonly Pick<Annotation, 'id' | 'created'>[]): Promise<void> {
  if (!annotations.length) return;
  const docs = [...(await docsOf(db, annotations)).values()].flat();
  for (const doc of docs) await updatePostings(db, doc, undefined);
  await writeDocs(db, [], docs.map((d) => d.key));
}

/** Whether a page's change alters what its annotations' documents hold (title and site are indexed). */
export function pageIndexChanged(before: PageMeta | undefined, after: PageMeta): boolean {
  return before?.title !== after.title || before?.siteName !== after.siteName;
}

/** Rewrites the documents of every annotation of a page, after its title or site changed. */
export async function reindexPage(db: MarginaliaDb, page: PageMeta): Promise<void> {
  const annotations = await annotationsOfPage(db, page.url);
  await indexAnnotations(db, annotations, new Map([[page.url, page]]));
}
