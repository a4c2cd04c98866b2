/**
 * Upgrades that build every posting list again from the search documents, which stay as they
 * were. Version 3 → 4: the posting terms changed (a word found only in the page title or site got
 * a term of its own, src/core/search/postings.ts). Version 5 → 6: body words' blocks hold where the
 * word stands in each document, so that phrases are checked on the postings. Runs inside Dexie's
 * upgrade transaction.
 */
import type { Transaction } from 'dexie';
import type { SearchDoc } from '@/src/core/search/document';
import { blocksOf, docPositions, docTerms, type PostingBlock } from '@/src/core/search/postings';

/** Documents read, and blocks written, per request. */
const CHUNK = 2_000;

/** Replaces every posting block with blocks built from the documents (the same as `buildPostings`, read in chunks). */
export async function rebuildPostings(tx: Transaction): Promise<void> {
  const search = tx.table<SearchDoc, number>('search');
  const postings = tx.table<PostingBlock, [string, number]>('postings');
  await postings.clear();
  const byTerm = new Map<string, { keys: number[]; positions: Map<number, number[]> }>();
  let last: number | undefined;
  for (;;) {
    const range = last === undefined ? search.toCollection() : search.where(':id').above(last);
    const docs = await range.limit(CHUNK).toArray();
    for (const doc of docs) {
      const positions = docPositions(doc);
      for (const term of docTerms(doc)) {
        let list = byTerm.get(term);
        if (!list) byTerm.set(term, (list = { keys: [], positions: new Map() }));
        list.keys.push(doc.key);
        const pos = positions.get(term);
        if (pos) list.positions.set(doc.key, pos);
      }
    }
    if (docs.length < CHUNK) break;
    last = docs[docs.length - 1]!.key;
  }
  let blocks: PostingBlock[] = [];
  for (const [term, { keys, positions }] of byTerm) {
    blocks.push(...blocksOf(term, keys, positions));
    if (blocks.length >= CHUNK) {
      await postings.bulkPut(blocks);
      blocks = [];
    }
  }
  if (blocks.length) await postings.bulkPut(blocks);
}

export const upgradeToV4 = rebuildPostings;
export const upgradeToV6 = rebuildPostings;
