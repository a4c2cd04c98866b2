/** "This page": what is saved on the page of the active tab, placed highlights first, then orphans. */
import type { Annotation, PageMeta } from '@/src/core/model';
import type { ActivePage } from './active-page';
import { AnnotationItem } from './AnnotationItem';
import { PageDetections } from './PageDetections';

export type PageLoad =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'none' }
  | { state: 'ready'; page: PageMeta | null; annotations: Annotation[]; target: ActivePage };

export function ThisPage({ load }: { load: PageLoad }) {
  if (load.state === 'loading') return <p class="empty">Loading…</p>;
  if (load.state === 'none') return <p class="empty">Open an article to see its highlights here.</p>;
  if (load.state === 'error') return <p class="empty error" role="alert">Could not load this page’s highlights: {load.message}</p>;
  const placed = load.annotations.filter((a) => !a.orphan);
  const orphans = load.annotations.filter((a) => a.orphan);
  return (
    <>
      {load.page?.title && <p class="page-title">{load.page.title}</p>}
      {load.annotations.length === 0 && <p class="empty">No highlights yet. Select text on the page to highlight it.</p>}
      {placed.length > 0 && (
        <ul class="list" aria-label="Highlights on this page">
          {placed.map((a) => (
            <AnnotationItem key={a.id} annotation={a} tabId={load.target.tabId} />
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <>
          <h3 class="orphans-title">Could not be placed ({orphans.length})</h3>
          <p class="hint">The page changed and these passages were not found. They are kept with their notes.</p>
          <ul class="list orphans" aria-label="Highlights that could not be placed">
            {orphans.map((a) => (
              <AnnotationItem key={a.id} annotation={a} />
            ))}
          </ul>
        </>
      )}
      {load.target.url && <PageDetections tabId={load.target.tabId} url={load.target.url} />}
    </>
  );
}
