/**
 * What the popup asks for before its UI code runs: the most recent highlights and the active page.
 * Sent by src/popup/first-start.ts as the first module evaluated, so that the background works
 * while Preact and the components are evaluated and render; the app then takes these answers
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
