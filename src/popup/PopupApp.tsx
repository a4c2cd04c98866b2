/** The popup: what is saved on this page (issue 2); search across pages comes later. */
import { useEffect, useState } from 'preact/hooks';
import type { Annotation, PageMeta } from '@/src/core/model';
import { sendToBackground } from '@/src/messaging/client';
import { activePage, type ActivePage } from './active-page';
import { AnnotationItem } from './AnnotationItem';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'none' }
  | { state: 'ready'; page: PageMeta | null; annotations: Annotation[]; target: ActivePage };

export function PopupApp() {
  // What "This page" shows, as it loads.
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    void (async () => {
      const target = await activePage();
      if (!target.url) return setLoad({ state: 'none' });
      const reply = await sendToBackground('page.get', { url: target.url });
      if (!reply.ok) return setLoad({ state: 'error', message: reply.error });
      setLoad({ state: 'ready', target, ...reply.value });
    })();
  }, []);

  return (
    <main class="popup">
      <header class="bar">
        <h1>Marginalia</h1>
      </header>
      <section aria-labelledby="this-page">
        <h2 id="this-page">This page</h2>
        <ThisPage load={load} />
      </section>
    </main>
  );
}

function ThisPage({ load }: { load: Load }) {
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
    </>
  );
}
