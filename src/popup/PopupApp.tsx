/**
 * The popup: a search box over every saved highlight, focused on open. With nothing typed it shows
 * the active page's highlights ("This page", orphans included) and the most recent ones elsewhere;
 * as the reader types, the best matches from every page. ↑/↓ move, Enter opens a result's page
 * and flashes the highlight there, Esc clears.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isEmptyQuery, parseQuery } from '@/src/core/search/query';
import { sendToBackground } from '@/src/messaging/client';
import type { SearchHit } from '@/src/messaging/protocol';
import { activePage, type ActivePage } from './active-page';
import { FilterChips } from './FilterChips';
import { FIRST_LIMIT, type FirstLoad } from './first-load';
import { LazyExportImport } from './LazyExportImport';
import { optionId, ResultList } from './ResultList';
import { SearchBox } from './SearchBox';
import { ThisPage, type PageLoad } from './ThisPage';
import { useSearch } from './use-search';

/** Set when the first results are on screen; `npm run bench` (popup-first-results) reads it. */
export const FIRST_RESULTS_MARK = 'marginalia:first-results';
const LIST_ID = 'results';
/** Results asked for once the first are shown, and for every typed query. */
const LIMIT = 50;

/** `first`: requests the entry script already sent (src/popup/first-load.ts), answered here instead of asked again. */
export function PopupApp({ first }: { first?: FirstLoad }) {
  // The text in the search box.
  const [query, setQuery] = useState('');
  // The active tab's page; null until known, so its highlights never show twice.
  const [target, setTarget] = useState<ActivePage | null>(null);
  // "This page", as it loads.
  const [load, setLoad] = useState<PageLoad>({ state: 'loading' });
  // Tags for the chips: those of the most recent highlights, most frequent first. Taken from the
  // first results rather than asked for: counting every tag in use reads the whole index.
  const [tags, setTags] = useState<string[]>([]);
  // Index of the result Enter opens.
  const [active, setActive] = useState(0);
  // What opening a result did, when the popup is still open to say it.
  const [status, setStatus] = useState('');
  // How many results to ask for: a first screenful, then the full list.
  const [limit, setLimit] = useState(FIRST_LIMIT);
  const search = useSearch(query, limit, first?.search);
  const marked = useRef(false);
  // Whether the first results have been shown: the Export / Import section's code loads after.
  const [firstShown, setFirstShown] = useState(false);
  // Bumped after an import, to load "This page" again.
  const [reloads, setReloads] = useState(0);

  // The page the entry script asked for serves the first load; a reload after an import asks again.
  const firstPage = useRef(first?.page);
  useLayoutEffect(() => {
    void (async () => {
      const page = await (firstPage.current ?? activePage());
      firstPage.current = undefined;
      setTarget(page);
      if (!page.url) return setLoad({ state: 'none' });
      const reply = await sendToBackground('page.get', { url: page.url });
      setLoad(reply.ok ? { state: 'ready', target: page, ...reply.value } : { state: 'error', message: reply.error });
    })();
  }, [reloads]);

  const shown = search.status === 'ready' ? search : null;
  const parsed = useMemo(() => parseQuery(shown?.query ?? ''), [shown?.query]);
  const browsing = isEmptyQuery(parsed);
  const hits: SearchHit[] = useMemo(() => {
    if (!shown) return [];
    // With nothing typed, this page's highlights are listed above; "Recent" is everything else.
    // Until the active tab is known (usually first; the browser can take a few hundred ms to say)
    // the results show whole rather than wait for it.
    return browsing && target ? shown.results.hits.filter((h) => h.url !== target.url) : shown.results.hits;
  }, [shown, target, browsing]);

  useEffect(() => setActive(0), [hits]);
  useEffect(() => {
    const hit = hits[active];
    if (hit) document.getElementById(optionId(hit))?.scrollIntoView({ block: 'nearest' });
  }, [active, hits]);
  // Layout effect: runs as soon as the results are in the DOM, before the frame that paints them.
  useLayoutEffect(() => {
    if (marked.current || !shown) return;
    marked.current = true;
    performance.mark(FIRST_RESULTS_MARK);
    setTags(frequentTags(shown.results.hits));
    setFirstShown(true);
    setLimit(LIMIT);
  }, [shown]);

  const open = async (hit: SearchHit): Promise<void> => {
    setStatus(`Opening “${hit.title ?? hit.url}”…`);
    const reply = await sendToBackground('annotation.open', { id: hit.id });
    if (!reply.ok) return setStatus(`Could not open it: ${reply.error}`);
    // A real popup has usually closed already, as the tab took focus; opened as a tab, it stays.
    if ((await browser.tabs.getCurrent()) === undefined) window.close();
    setStatus(reply.value.placed ? 'Opened and shown on the page.' : 'Opened the page; the highlight could not be placed there.');
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(hits.length - 1, i + step)));
    } else if (e.key === 'Enter') {
      const hit = hits[active] ?? hits[0];
      if (!hit) return;
      e.preventDefault();
      void open(hit);
    } else if (e.key === 'Escape' && query !== '') {
      // Esc clears first; with an empty box it closes the popup as usual.
      e.preventDefault();
      setQuery('');
    }
  };

  const notices = shown?.results.notices ?? [];
  const activeHit = hits[active];
  return (
    <main class="popup">
      <header class="bar">
        <h1>Marginalia</h1>
        <SearchBox
          value={query}
          onInput={setQuery}
          listId={LIST_ID}
          activeId={activeHit ? optionId(activeHit) : undefined}
          expanded={hits.length > 0}
          describedBy="search-help"
          onKeyDown={onKeyDown}
        />
        <p id="search-help" class="sr-only">
          Words match by prefix; put a phrase in quotes. Filters: tag:, site:, kind:quote, color:yellow, is:orphan. Up and down arrows
          move through the results, Enter opens one, Escape clears.
        </p>
        <FilterChips query={query} tags={tags} onChange={setQuery} />
        {notices.length > 0 && <p class="hint notice">{notices.join(' ')}</p>}
        <p class="sr-only" role="status">
          {announce(search, hits.length, browsing)}
        </p>
      </header>
      {status && (
        <p class="status" role="alert">
          {status}
        </p>
      )}
      {browsing && load.state !== 'none' && (
        <section aria-labelledby="this-page">
          <h2 id="this-page">This page</h2>
          <ThisPage load={load} />
        </section>
      )}
      <section aria-labelledby="results-title">
        <h2 id="results-title">{browsing ? 'Recent highlights' : 'Results'}</h2>
        {search.status === 'error' && (
          <p class="empty error" role="alert">
            Search failed: {search.message}
          </p>
        )}
        {shown && hits.length === 0 && (
          <p class="empty">{browsing ? 'Nothing saved on other pages yet.' : 'No highlights match.'}</p>
        )}
        {hits.length > 0 && (
          <ResultList
            id={LIST_ID}
            label={browsing ? 'Recent highlights' : 'Search results'}
            hits={hits}
            query={parsed}
            active={active}
            onOpen={(hit) => void open(hit)}
            onActivate={setActive}
          />
        )}
        {shown?.results.more && !browsing && <p class="hint">Showing the best {hits.length}; add words or filters to narrow.</p>}
      </section>
      <LazyExportImport
        load={firstShown || search.status === 'error'}
        pageUrl={target?.url ?? null}
        searchQuery={shown && !browsing ? shown.query : null}
        onImported={() => setReloads((n) => n + 1)}
        tabLink
      />
    </main>
  );
}

/** Tags of these hits, most frequent first (ties in order of first appearance). */
function frequentTags(hits: readonly SearchHit[]): string[] {
  const counts = new Map<string, number>();
  for (const hit of hits) for (const tag of hit.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([tag]) => tag);
}

/** What a screen reader hears after each search. */
function announce(search: ReturnType<typeof useSearch>, count: number, browsing: boolean): string {
  if (search.status === 'idle') return '';
  if (search.status === 'error') return 'Search failed.';
  if (browsing) return `${count} recent highlight${count === 1 ? '' : 's'}.`;
  if (count === 0) return 'No highlights match.';
  return `${count}${search.results.more ? ' or more' : ''} result${count === 1 ? '' : 's'}.`;
}
