/**
 * Upgrades that build every posting list again from the search documents, which stay as they
 * were. Version 3 → 4: the posting terms changed (a word found only in the page title or site got
 * a term of its own, src/core/search/postings.ts). Version 5 → 6: body words' blocks hold where the
 * word stands in each document, so that phrases are checked on the postings. Runs inside Dexie's
 * upgrade transaction.
 */
import type { Transaction } from 'dexie';
import type { SearchDoc } from '@/src/core/search/document';
import { postingsBuilder, type PostingBlock } from '@/src/core/search/postings';

/** Documents read, and blocks written, per request. */
const CHUNK = 2_000;

/** Replaces every posting block with blocks built from the documents (the same as `buildPostings`, read in chunks). */
export async function rebuildPostings(tx: Transaction): Promise<void> {
  const search = tx.table<SearchDoc, number>('search');
  const postings = tx.table<PostingBlock, [string, number]>('postings');
  await postings.clear();
  // Documents come in key order, so every term's keys arrive sorted.
  const builder = postingsBuilder();
  let last: number | undefined;
  for (;;) {
    const range = last === undefined ? search.toCollection() : search.where(':id').above(last);
    const docs = await range.limit(CHUNK).toArray();
    for (const doc of docs) builder.add(doc);
    if (docs.length < CHUNK) break;
    last = docs[docs.length - 1]!.key;
  }
  let blocks: PostingBlock[] = [];
  for (const termBlocks of builder.blocks()) {
    blocks.push(...termBlocks);
    if (blocks.length >= CHUNK) {
      await postings.bulkPut(blocks);
      blocks = [];
    }
  }
  if (blocks.length) await postings.bulkPut(blocks);
}

export const upgradeToV4 = rebuildPostings;
export const upgradeToV6 = rebuildPostings;
