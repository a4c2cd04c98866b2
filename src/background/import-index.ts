/**
 * Indexes the annotations of one import together: the same search documents and posting lists that
 * `indexAnnotations` (search-index.ts) writes one annotation at a time, but with each posting term
 * read and written once for the whole import. Done annotation by annotation, 100,000 imported
 * highlights mean millions of block reads and rewrites (every common word's block again for each
 * highlight); done together, they are one read and one write per block. Runs inside the import's
 * read-write transaction, which must include `pages`, `docBlocks` and `postings`.
 */
import Dexie from 'dexie';
import type { Annotation } from '@/src/core/model';
import type { PageFields } from '@/src/core/search/document';
import {
  BLOCK_MAX,
  blockPositions,
  blocksOf,
  docPositions,
  docTerms,
  packBlock,
  samePositions,
  sortedBlocks,
  type PostingBlock,
  type Positions,
} from '@/src/core/search/postings';
import type { DocBlock } from '@/src/core/search/doc-blocks';
import type { MarginaliaDb } from './db';
import { allBlocks, planDocWrites, READ_ALL_FROM } from './doc-store';
import { issueWrites } from './raw-writes';
import { documentsFor } from './search-index';

/** One term's change: keys gained (ascending when `sorted`), with their body positions alongside, and keys lost. */
export interface TermChange {
  keys: number[];
  /** `pos[i]`: where the word stands in the body of document `keys[i]` (body words only). */
  pos: (readonly number[] | undefined)[];
  remove: Set<number> | null;
}

/**
 * What indexing an import writes: documents to delete and to put, and each changed term's keys
 * gained and lost with its saved blocks (merged into the blocks to write by `writeIndex`).
 */
export interface IndexWrites {
  /** Document blocks to write and to delete (by `last`). */
  docBlocks: { put: DocBlock[]; drop: number[] };
  changes: Map<string, TermChange>;
  blocks: Map<string, PostingBlock[]>;
}

/**
 * Reads what the index holds for these annotations (distinct ids) and works out the documents to
 * write and the postings that change; writes nothing. Called before any of the import's writes are
 * issued, since a read issued after them would wait for all of them.
 */
export async function planIndex(
  db: MarginaliaDb,
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageFields> = new Map(),
  before: ReadonlyMap<string, number> = new Map(),
): Promise<IndexWrites> {
  if (!annotations.length) return { docBlocks: { put: [], drop: [] }, changes: new Map(), blocks: new Map() };
  // A large import reads every document block once: to find saved documents, free keys and the blocks to rewrite.
  const all = annotations.length >= READ_ALL_FROM ? await allBlocks(db) : undefined;
  const { current, docs } = await documentsFor(db, annotations, pages, { before, blocks: all });

  // What each term gains and loses, over every document at once. Documents go in ascending key
  // order, so that every term's gained keys arrive sorted, side by side with their positions: a
  // new term's blocks are cut from them as they are (100,000 new documents gain some 5 million
  // keys; a map per term was most of the time of planning them).
  const changes = new Map<string, TermChange>();
  const change = (term: string) => {
    let c = changes.get(term);
    if (!c) changes.set(term, (c = { keys: [], pos: [], remove: null }));
    return c;
  };
  const gain = (term: string, key: number, pos: readonly number[] | undefined) => {
    const c = change(term);
    c.keys.push(key);
    c.pos.push(pos);
  };
  const lose = (term: string, key: number) => (change(term).remove ??= new Set()).add(key);
  const staleKeys: number[] = [];
  for (const doc of [...docs].sort((a, b) => a.key - b.key)) {
    const previous = current.get(doc.id);
    if (!previous) {
      // A new document: every term gains it (docTerms are distinct), body words with their positions.
      const positions = docPositions(doc);
      for (const term of docTerms(doc)) gain(term, doc.key, positions.get(term));
      continue;
    }
    const same = previous.find((d) => d.key === doc.key);
    // A document under another key (the creation time changed on import) goes, with its postings.
    for (const stale of previous) {
      if (stale === same) continue;
      staleKeys.push(stale.key);
      for (const term of docTerms(stale)) lose(term, stale.key);
    }
    const before = new Set(same ? docTerms(same) : []);
    const after = new Set(docTerms(doc));
    const positionsBefore = same ? docPositions(same) : new Map<string, number[]>();
    const positions = docPositions(doc);
    for (const term of before) if (!after.has(term)) lose(term, doc.key);
    for (const term of after) {
      const pos = positions.get(term);
      // A word that moved in the body is written again, with its new positions.
      if (before.has(term) && samePositions(positionsBefore.get(term), pos)) continue;
      gain(term, doc.key, pos);
    }
  }
  const docBlocks = await planDocWrites(db, docs, staleKeys, all);
  return { docBlocks, changes, blocks: await readTermBlocks(db, [...changes.keys()]) };
}

/**
 * Issues the writes of `planIndex` (see raw-writes.ts) and returns a promise of their end: the
 * documents first, then the posting blocks, merged while the database writes what was issued before.
 * Inside the import's read-write transaction, which must include `docBlocks` and `postings`.
 */
export function writeIndex(db: MarginaliaDb, { docBlocks, changes, blocks }: IndexWrites): Promise<unknown> {
  const documents = [issueWrites(db.docBlocks, 'delete', docBlocks.drop), issueWrites(db.docBlocks, 'put', docBlocks.put)];
  const put: PostingBlock[] = [];
  const drop: [string, number][] = [];
  for (const [term, { keys, pos, remove }] of changes) {
    const saved = blocks.get(term);
    if (!saved?.length && !remove) {
      // A term the index does not have yet: its blocks straight from the sorted keys.
      for (const block of sortedBlocks(term, keys, pos)) put.push(block);
      continue;
    }
    const positions = new Map<number, readonly number[]>();
    keys.forEach((key, i) => pos[i] && positions.set(key, pos[i]!));
    const merged = mergePostings(term, saved ?? [], keys, remove ?? new Set(), positions);
    for (const block of merged.put) put.push(block);
    for (const last of merged.drop) drop.push([term, last]);
  }
  return Dexie.Promise.all([...documents, issueWrites(db.postings, 'delete', drop), issueWrites(db.postings, 'put', put)]);
}

/** Writes the search documents, and their postings, of these annotations (distinct ids). */
export async function indexImported(
  db: MarginaliaDb,
  annotations: readonly Annotation[],
  pages: ReadonlyMap<string, PageFields> = new Map(),
  before: ReadonlyMap<string, number> = new Map(),
): Promise<void> {
  await writeIndex(db, await planIndex(db, annotations, pages, before));
}

/**
 * The saved blocks of these terms, each term's sorted by `last`. Term by term when they are few
 * next to the table; when they are many (a large import), one read of the whole table is cheaper
 * than a range request per term.
 */
async function readTermBlocks(db: MarginaliaDb, terms: readonly string[]): Promise<Map<string, PostingBlock[]>> {
  const out = new Map<string, PostingBlock[]>();
  if (!terms.length) return out;
  const saved = await db.postings.count();
  if (saved === 0) return out;
  if (terms.length * 4 >= saved) {
    const wanted = new Set(terms);
    await db.postings.each((block) => {
      if (!wanted.has(block.term)) return;
      const list = out.get(block.term);
      if (list) list.push(block);
      else out.set(block.term, [block]);
    });
  } else {
    const lists = await Promise.all(
      terms.map((term) => db.postings.where('[term+last]').between([term, -Infinity], [term, Infinity], true, true).toArray()),
    );
    terms.forEach((term, i) => lists[i]!.length && out.set(term, lists[i]!));
  }
  for (const list of out.values()) list.sort((a, b) => a.last - b.last);
  return out;
}

/**
 * One term's blocks after adding and removing keys: the blocks to write and the `last`s of records
 * to delete. A key goes to the first block whose `last` is not smaller (past every block, to the
 * last one), as `addPostings` puts it; a block that outgrows BLOCK_MAX is cut into half-full blocks
 * so that later single inserts fit. Blocks stay sorted and disjoint, each `last` its largest key.
 * `positions` gives the added keys' positions (body words); a key added again takes its new ones.
 */
export function mergePostings(
  term: string,
  blocks: readonly PostingBlock[],
  add: readonly number[],
  remove: ReadonlySet<number>,
  positions: Positions = new Map(),
): { put: PostingBlock[]; drop: number[] } {
  if (blocks.length === 0) return { put: add.length ? blocksOf(term, [...new Set(add)], positions) : [], drop: [] };
  const touched = new Map<number, { add: number[]; remove: number[] }>();
  const at = (key: number): number => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.last < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const entry = (i: number) => {
    let e = touched.get(i);
    if (!e) touched.set(i, (e = { add: [], remove: [] }));
    return e;
  };
  for (const key of add) entry(at(key)).add.push(key);
  for (const key of remove) {
    const i = at(key);
    if (blocks[i]!.last >= key) entry(i).remove.push(key);
  }
  const put: PostingBlock[] = [];
  const drop: number[] = [];
  for (const [i, { add: plus, remove: minus }] of touched) {
    const block = blocks[i]!;
    const gone = new Set(minus);
    const keys = [...new Set([...block.keys.filter((k) => !gone.has(k)), ...plus])].sort((a, b) => a - b);
    const known = blockPositions(block);
    for (const key of plus) {
      const pos = positions.get(key);
      if (pos) known.set(key, [...pos]);
      else known.delete(key);
    }
    const next = keys.length > BLOCK_MAX ? blocksOf(term, keys, known) : keys.length ? [packBlock(term, keys, known)] : [];
    if (!next.some((b) => b.last === block.last)) drop.push(block.last);
    put.push(...next);
  }
  return { put, drop };
}
