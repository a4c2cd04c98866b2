/**
 * Version 3 → 4: the posting terms changed (a word found only in the page title or site got a
 * term of its own, src/core/search/postings.ts), so every posting list is built again from the
 * search documents, which stay as they were. Runs inside Dexie's upgrade transaction.
 */
import type { Transaction } from 'dexie';
import type { SearchDoc } from '@/src/core/search/document';
import { blocksOf, docTerms, type PostingBlock } from '@/src/core/search/postings';

/** Documents read, and blocks written, per request. */
const CHUNK = 2_000;

export async function upgradeToV4(tx: Transaction): Promise<void> {
  const search = tx.table<SearchDoc, number>('search');
  const postings = tx.table<PostingBlock, [string, number]>('postings');
  await postings.clear();
  const byTerm = new Map<string, number[]>();
  let last: number | undefined;
  for (;;) {
    const range = last === undefined ? search.toCollection() : search.where(':id').above(last);
    const docs = await range.limit(CHUNK).toArray();
    for (const doc of docs) {
      for (const term of docTerms(doc)) {
        const keys = byTerm.get(term);
        if (keys) keys.push(doc.key);
        else byTerm.set(term, [doc.key]);
      }
    }
    if (docs.length < CHUNK) break;
    last = docs[docs.length - 1]!.key;
  }
  let blocks: PostingBlock[] = [];
  for (const [term, keys] of byTerm) {
    blocks.push(...blocksOf(term, keys));
    if (blocks.length >= CHUNK) {
      await postings.bulkPut(blocks);
      blocks = [];
    }
  }
  if (blocks.length) await postings.bulkPut(blocks);
}
