/**
 * Runs the popup's search as the reader types: one request in flight at a time, and when it comes
 * back the latest text is sent if it changed meanwhile, so fast typing never queues up stale
 * searches in the background and the shown results always catch up with the box. Searches go over
 * one connection (src/messaging/port-client.ts), which answers sooner than a message each.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { requestOverPort } from '@/src/messaging/port-client';
import type { Result, SearchResults } from '@/src/messaging/protocol';

/** What the background accepts; a longer paste is cut here (the parser uses far less anyway). */
const MAX_INPUT = 20_000;

export type SearchState =
  | { status: 'idle' }
  | { status: 'error'; query: string; message: string }
  | { status: 'ready'; query: string; results: SearchResults };

/**
 * `initial`, when given, is the reply to the empty query already asked for (src/popup/first-load.ts):
 * the first run with nothing typed takes it instead of asking again.
 */
export function useSearch(query: string, limit = 50, initial?: Promise<Result<SearchResults>>): SearchState {
  // The latest reply, with the text it answers.
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  // The text in the box now, and whether a request is out.
  const latest = useRef(query);
  const inFlight = useRef(false);
  const pending = useRef(initial);

  // A layout effect: the request goes out as soon as the box has rendered, not a frame later.
  useLayoutEffect(() => {
    latest.current = query;
    if (inFlight.current) return;
    const run = async (): Promise<void> => {
      inFlight.current = true;
      const sent = latest.current;
      const early = sent === '' ? pending.current : undefined;
      pending.current = undefined;
      const reply = await (early ?? requestOverPort('search.query', { query: sent.slice(0, MAX_INPUT), limit }));
      inFlight.current = false;
      setState(reply.ok ? { status: 'ready', query: sent, results: reply.value } : { status: 'error', query: sent, message: reply.error });
      if (latest.current !== sent) void run();
    };
    void run();
  }, [query, limit]);

  return state;
}
