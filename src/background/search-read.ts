/**
 * The search's last resort (src/background/search.ts): when no term of the query can be read from
 * the postings (only one- or two-letter prefixes, say), the documents themselves (`docBlocks`) are read newest
 * first and every document scored, until the best results are certain.
 */
import { DOC_BLOCK_MAX, docsIn } from '@/src/core/search/doc-blocks';
import type { PagePartsCache, SearchDoc } from '@/src/core/search/document';
import type { ParsedQuery } from '@/src/core/search/query';
import { compareHits, maxScore, scoreDoc, type Hit } from '@/src/core/search/rank';
import type { MarginaliaDb } from './db';
import type { SearchClock } from './search-clock';

/** Documents read in the first batch; each later batch is twice as large, up to LAST_BATCH. */
const FIRST_BATCH = 51;
const LAST_BATCH = 1024;

/** Scored documents, and when to stop reading. */
export class Ranking {
  readonly hits: Hit[] = [];
  readonly docs = new Map<number, SearchDoc>();
  private checked = new Set<number>();
  private topCount = 0;
  private readonly top: number;

  constructor(
    private q: ParsedQuery,
    private limit: number,
  ) {
    this.top = maxScore(q);
  }

  /** True once more than `limit` documents have the best possible score. */
  get done(): boolean {
    return this.topCount > this.limit;
  }

  has(key: number): boolean {
    return this.checked.has(key);
  }

  add(doc: SearchDoc | undefined, key: number): void {
    this.checked.add(key);
    if (!doc) return;
    const score = scoreDoc(doc, this.q);
    if (score < 0) return;
    this.hits.push({ key: doc.key, id: doc.id, score });
    this.docs.set(doc.key, doc);
    if (score === this.top) this.topCount++;
  }

  result(): { docs: SearchDoc[]; more: boolean } {
    this.hits.sort(compareHits);
    const docs = this.hits.slice(0, this.limit).map((h) => this.docs.get(h.key)!);
    return { docs, more: this.hits.length > this.limit };
  }
}

/** Reads the whole table newest first, in growing batches, until the ranking is done. */
export async function scan(db: MarginaliaDb, ranking: Ranking, clock: SearchClock): Promise<void> {
  let last: number | undefined;
  // Each page's share of its documents' words, made once per page.
  const pages: PagePartsCache = new Map();
  for (let batch = FIRST_BATCH; !ranking.done; batch = Math.min(batch * 2, LAST_BATCH)) {
    const from = last === undefined ? db.docBlocks.toCollection() : db.docBlocks.where(':id').above(last);
    // Blocks, not documents: about `batch` documents in blocks at least half full.
    const count = Math.ceil(batch / (DOC_BLOCK_MAX / 2));
    const blocks = await clock.time('docs', () => from.limit(count).toArray());
    for (const block of blocks) {
      clock.count('docsRead', block.keys.length);
      for (const doc of docsIn(block, pages)) ranking.add(doc, doc.key);
    }
    if (blocks.length < count) return;
    last = blocks[blocks.length - 1]!.last;
  }
}

