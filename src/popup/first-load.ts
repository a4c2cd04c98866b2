/**
 * What the popup asks for before its UI code runs: the most recent highlights and the active page.
 * Sent by a small classic script in the popup's head (entrypoints/popup-first.ts) as the page is
 * parsed, so that the background — started now if it was stopped — works while the UI's modules
 * are fetched, evaluated and render; the app then takes these answers (src/popup/first-start.ts)
 * instead of asking again.
 */
import { sendToBackground } from '@/src/messaging/client';
import type { Result, SearchResults } from '@/src/messaging/protocol';
import { activePage, type ActivePage } from './active-page';

/** Results asked for first: about two screens of the popup, quick to read and render. */
export const FIRST_LIMIT = 12;

export interface FirstLoad {
  /** The empty query's first FIRST_LIMIT results. */
  search: Promise<Result<SearchResults>>;
  page: Promise<ActivePage>;
}

export function startFirstLoad(): FirstLoad {
  return { search: sendToBackground('search.query', { query: '', limit: FIRST_LIMIT }), page: activePage() };
}

/** Where the first script leaves its requests for the popup's modules (same page, same realm). */
const HANDOFF = '__marginaliaFirstLoad';

/** Sends the first requests and leaves them for `takeFirstLoad`. */
export function sendFirstLoad(): void {
  performance.mark('marginalia:popup-script');
  const first = startFirstLoad();
  void first.search.then(() => performance.mark('marginalia:first-reply'));
  void first.page.then(() => performance.mark('marginalia:active-page'));
  (globalThis as Record<string, unknown>)[HANDOFF] = first;
}

/** The requests the first script sent; sent now if it did not run (a page without it). */
export function takeFirstLoad(): FirstLoad {
  const g = globalThis as Record<string, unknown>;
  if (!g[HANDOFF]) sendFirstLoad();
  const first = g[HANDOFF] as FirstLoad;
  delete g[HANDOFF];
  return first;
}
