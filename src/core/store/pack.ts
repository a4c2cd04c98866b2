/** The annotation stores built from scratch from a list of annotations: for the v9 upgrade and the benches' seeding. */
import type { Annotation } from '../model';
import { mergeIdBlocks, type IdBlock } from './id-blocks';
import { byCreated, tagDelta, type PageAnnotations } from './page-records';

export interface PackedAnnotations {
  pageAnnotations: PageAnnotations[];
  idBlocks: IdBlock[];
  tagCounts: { tag: string; count: number }[];
}

/** One record per page (oldest first), full id blocks and every tag's number of uses. Ids must be distinct. */
export function packAnnotations(annotations: readonly Annotation[]): PackedAnnotations {
  const byPage = new Map<string, Annotation[]>();
  const pageOf = new Map<string, string>();
  for (const a of annotations) {
    (byPage.get(a.url) ?? byPage.set(a.url, []).get(a.url)!).push(a);
    pageOf.set(a.id, a.url);
  }
  return {
    pageAnnotations: [...byPage].map(([url, list]) => ({ url, annotations: list.sort(byCreated) })),
    idBlocks: mergeIdBlocks([], pageOf, []).put,
    tagCounts: [...tagDelta([], annotations)].map(([tag, count]) => ({ tag, count })),
  };
}
