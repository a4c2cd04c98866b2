/**
 * For the search tests: the index's search must give exactly what a full scan of the documents
 * gives (src/core/search/rank.ts `scanSearch`), the same hits in the same order and the same `more`.
 */
import { expect } from 'vitest';
import type { MarginaliaDb } from '@/src/background/db';
import { searchAnnotations, type SearchTuning } from '@/src/background/search';
import type { SearchDoc } from '@/src/core/search/document';
import { parseQuery } from '@/src/core/search/query';
import { scanSearch } from '@/src/core/search/rank';

export async function expectSameAsScan(
  db: MarginaliaDb,
  docs: readonly SearchDoc[],
  query: string,
  limit: number,
  tuning?: SearchTuning,
  label = query,
): Promise<void> {
  const expected = scanSearch(docs, parseQuery(query), limit);
  const got = await searchAnnotations(db, query, limit, tuning);
  expect(got.hits.map((h) => h.id), label).toEqual(expected.hits.map((h) => h.id));
  expect(got.more, `${label} more`).toBe(expected.more);
}
