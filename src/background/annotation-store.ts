/**
 * Annotations as the database holds them since version 9: one record per page in
 * `pageAnnotations` (src/core/store/page-records.ts), which page each id is on in `idBlocks`
 * (src/core/store/id-blocks.ts), and each tag's number of uses in `tagCounts`. Every function runs
 * in the caller's transaction when there is one; writes need a read-write transaction over
 * `annotationTables(db)`, so that the three stores never disagree.
 */
import Dexie, { type Table } from 'dexie';
import type { Annotation } from '@/src/core/model';
import { idBlockAt, mergeIdBlocks, pageIn, type IdBlock } from '@/src/core/store/id-blocks';
import { editPageRecord, tagDelta, type PageAnnotations } from '@/src/core/store/page-records';
import type { MarginaliaDb } from './db';

/** One tag spelling and its number of uses. */
export interface TagCount {
  tag: string;
  count: number;
}

/** The stores a transaction that reads or writes annotations must include. */
export const annotationTables = (db: MarginaliaDb): Table[] => [db.pageAnnotations, db.idBlocks, db.tagCounts];

/** Past this many ids, every id block is read in one request instead of one request per id. */
const FEW_IDS = 64;

/**
 * The saved id blocks that hold or would hold each of `ids`, sorted by `last` (the table's last
 * block among them whenever an id lies past every block): what `mergeIdBlocks` and `pageIn` need.
 */
function idBlocksFor(db: MarginaliaDb, ids: readonly string[]): Promise<IdBlock[]> {
  // Dexie's promises throughout, so that the reads stay in the caller's transaction.
  if (ids.length === 0) return Dexie.Promise.resolve([]);
  if (ids.length > FEW_IDS) return db.idBlocks.toArray();
  return Dexie.Promise.all(
    ids.map((id) => db.idBlocks.where('last').aboveOrEqual(id).first().then((block) => block ?? db.idBlocks.orderBy('last').last())),
  ).then((found) => {
    const byLast = new Map<string, IdBlock>();
    for (const block of found) if (block) byLast.set(block.last, block);
    return [...byLast.values()].sort((a, b) => (a.last < b.last ? -1 : 1));
  });
}

/** The page each saved id is on; ids not saved are absent. */
export async function pagesOf(db: MarginaliaDb, ids: readonly string[]): Promise<Map<string, string>> {
  const blocks = await idBlocksFor(db, ids);
  const out = new Map<string, string>();
  if (!blocks.length) return out;
  for (const id of ids) {
    const url = pageIn(blocks[Math.min(idBlockAt(blocks, id), blocks.length - 1)], id);
    if (url !== undefined) out.set(id, url);
  }
  return out;
}

/** One page's annotations, oldest first. */
export async function annotationsOfPage(db: MarginaliaDb, url: string): Promise<Annotation[]> {
  return (await db.pageAnnotations.get(url))?.annotations ?? [];
}

/** The saved annotations among `ids`, by id. */
export async function annotationsById(db: MarginaliaDb, ids: readonly string[]): Promise<Map<string, Annotation>> {
  const pages = await pagesOf(db, ids);
  const wanted = new Set(pages.keys());
  const out = new Map<string, Annotation>();
  const records = await db.pageAnnotations.bulkGet([...new Set(pages.values())]);
  for (const record of records) for (const a of record?.annotations ?? []) if (wanted.has(a.id)) out.set(a.id, a);
  return out;
}

/** One annotation, or undefined; `url` (its page, when known) saves looking it up. */
export async function getAnnotation(db: MarginaliaDb, id: string, url?: string): Promise<Annotation | undefined> {
  const page = url ?? (await pagesOf(db, [id])).get(id);
  if (page === undefined) return undefined;
  return (await annotationsOfPage(db, page)).find((a) => a.id === id);
}

/** Every annotation, page by page (by URL), each page's oldest first: the order they are stored in. */
export async function allAnnotations(db: MarginaliaDb): Promise<Annotation[]> {
  return (await db.pageAnnotations.toArray()).flatMap((r) => r.annotations);
}

/**
 * The pages' records after `afterUrl` (from the first without it), at most `count`, by URL: for
 * reading every annotation a part at a time, in `allAnnotations`' order.
 */
export function pageRecordsAfter(db: MarginaliaDb, afterUrl: string | undefined, count: number): Promise<PageAnnotations[]> {
  const range = afterUrl === undefined ? db.pageAnnotations.toCollection() : db.pageAnnotations.where(':id').above(afterUrl);
  return range.limit(count).toArray();
}

/** How many annotations are saved: the id blocks' length, without reading any annotation. */
export async function countAnnotations(db: MarginaliaDb): Promise<number> {
  let count = 0;
  await db.idBlocks.each((block) => (count += block.ids.length));
  return count;
}

/** Each tag spelling in use with its number of uses. */
export async function tagUses(db: MarginaliaDb): Promise<[string, number][]> {
  return (await db.tagCounts.toArray()).map((t) => [t.tag, t.count]);
}

/**
 * Saves `put` (new annotations, or new versions of saved ones: an id never changes page) and
 * deletes `remove`, keeping the id blocks and tag counts in step. Call inside a read-write
 * transaction over `annotationTables(db)`. The caller makes sure a new id is not saved on another
 * page already (`pagesOf`).
 */
export async function writeAnnotations(db: MarginaliaDb, put: readonly Annotation[], remove: readonly Pick<Annotation, 'id' | 'url'>[] = []): Promise<void> {
  if (!put.length && !remove.length) return;
  const puts = new Map<string, Annotation[]>();
  const removes = new Map<string, string[]>();
  for (const a of put) (puts.get(a.url) ?? puts.set(a.url, []).get(a.url)!).push(a);
  for (const a of remove) (removes.get(a.url) ?? removes.set(a.url, []).get(a.url)!).push(a.id);
  const urls = [...new Set([...puts.keys(), ...removes.keys()])];
  const saved = await db.pageAnnotations.bulkGet(urls);

  const before: Annotation[] = [];
  const after: Annotation[] = [];
  const added = new Map<string, string>();
  const dropped: string[] = [];
  const records: PageAnnotations[] = [];
  const emptied: string[] = [];
  urls.forEach((url, i) => {
    const record = saved[i];
    const old = new Map((record?.annotations ?? []).map((a) => [a.id, a]));
    const gone = (removes.get(url) ?? []).filter((id) => old.has(id));
    for (const id of gone) before.push(old.get(id)!), dropped.push(id);
    for (const a of puts.get(url) ?? []) {
      const previous = old.get(a.id);
      if (previous) before.push(previous);
      else added.set(a.id, url);
      after.push(a);
    }
    const next = editPageRecord(record, url, puts.get(url) ?? [], gone);
    if (next) records.push(next);
    else if (record) emptied.push(url);
  });

  const blocks = await idBlocksFor(db, [...added.keys(), ...dropped]);
  const ids = mergeIdBlocks(blocks, added, dropped);
  const delta = tagDelta(before, after);
  const tags = [...delta.keys()];
  const counts = await db.tagCounts.bulkGet(tags);
  const nextCounts: TagCount[] = [];
  const unused: string[] = [];
  tags.forEach((tag, i) => {
    const count = (counts[i]?.count ?? 0) + delta.get(tag)!;
    if (count > 0) nextCounts.push({ tag, count });
    else unused.push(tag);
  });

  await Dexie.Promise.all([
    records.length ? db.pageAnnotations.bulkPut(records) : undefined,
    emptied.length ? db.pageAnnotations.bulkDelete(emptied) : undefined,
    ids.drop.length ? db.idBlocks.bulkDelete(ids.drop) : undefined,
    ids.put.length ? db.idBlocks.bulkPut(ids.put) : undefined,
    nextCounts.length ? db.tagCounts.bulkPut(nextCounts) : undefined,
    unused.length ? db.tagCounts.bulkDelete(unused) : undefined,
  ]);
}
