/**
 * Stores the posting blocks (src/core/search/postings.ts) in the `postings` table, keyed by
 * [term, last], and keeps them in step with the search documents. Runs inside the caller's
 * transaction, which must include `postings`.
 */
import { insertKey, packBlock, removeKey, type PostingBlock } from '@/src/core/search/postings';
import type { MarginaliaDb } from './db';

const allOf = (db: MarginaliaDb, term: string) => db.postings.where('[term+last]').between([term, -Infinity], [term, Infinity], true, true);

/** The block holding `key` if the term has one: the first whose `last` is not smaller. */
const blockWith = (db: MarginaliaDb, term: string, key: number) =>
  db.postings.where('[term+last]').between([term, key], [term, Infinity], true, true).first();

/** Writes `next` in place of `old`; a block whose `last` changed is a new record. */
async function replace(db: MarginaliaDb, old: PostingBlock, next: readonly PostingBlock[]): Promise<void> {
  if (!next.some((b) => b.last === old.last)) await db.postings.delete([old.term, old.last]);
  if (next.length) await db.postings.bulkPut([...next]);
}

/** Adds `key` to the posting list of every term (or replaces its positions there), with the body words' positions. */
export async function addPostings(
  db: MarginaliaDb,
  key: number,
  terms: Iterable<string>,
  positions: ReadonlyMap<string, readonly number[]> = new Map(),
): Promise<void> {
  // Terms are independent records: their reads and writes go out together.
  await Promise.all(
    [...terms].map(async (term) => {
      // Past every block's end, the key joins the term's last block (or starts the first).
      const block = (await blockWith(db, term, key)) ?? (await allOf(db, term).last());
      const pos = positions.get(term);
      if (!block) await db.postings.put(packBlock(term, [key], pos ? new Map([[key, pos]]) : undefined));
      else await replace(db, block, insertKey(block, key, pos));
    }),
  );
}

/** Removes `key` from the posting list of every term. */
export async function removePostings(db: MarginaliaDb, key: number, terms: Iterable<string>): Promise<void> {
  await Promise.all(
    [...terms].map(async (term) => {
      const block = await blockWith(db, term, key);
      if (!block) return;
      const next = removeKey(block, key);
      await replace(db, block, next ? [next] : []);
    }),
  );
}

/** The first `count` blocks of a term: its newest keys. */
export function readBlocks(db: MarginaliaDb, term: string, count: number): Promise<PostingBlock[]> {
  return allOf(db, term).limit(count).toArray();
}
