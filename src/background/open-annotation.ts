/**
 * 'annotation.open': brings the annotation's page to the front — the tab that already shows it,
 * or a new one — then asks the page's content script to scroll to the annotation and flash it.
 * The popup closes as soon as another tab is focused, so this runs in the background and does not
 * depend on the popup living on. The browser calls are passed in, so tests drive it with fakes.
 */
import type { Annotation } from '@/src/core/model';
import { normalizeUrl } from '@/src/core/url';
import { fail, type Result } from '@/src/messaging/protocol';

/** The browser calls this needs; `main.ts` binds them to `browser.tabs` and `browser.windows`. */
export interface TabsApi {
  /** Every tab (with its URL where the extension may see it). */
  list(): Promise<{ id?: number; url?: string; windowId?: number }[]>;
  create(url: string): Promise<{ id?: number }>;
  /** Makes a tab the active one and focuses its window. */
  focus(tabId: number, windowId?: number): Promise<void>;
  reload(tabId: number): Promise<void>;
  /** Sends 'annotation.flash' to the tab's top frame. */
  flash(tabId: number, id: string): Promise<Result<{ placed: boolean }>>;
  sleep(ms: number): Promise<void>;
}

export interface OpenTiming {
  /** Pause between attempts while the page's content script is not answering yet. */
  retryMs: number;
  /** An existing tab that has not answered by then has no content script (it predates the extension): reload it. */
  reloadAfterMs: number;
  /** Give up after this long. */
  timeoutMs: number;
}

export const OPEN_TIMING: OpenTiming = { retryMs: 150, reloadAfterMs: 2500, timeoutMs: 20_000 };

/** Opens the annotation's page and flashes the annotation there. */
export async function openAnnotation(
  annotation: Annotation | undefined,
  tabs: TabsApi,
  timing: OpenTiming = OPEN_TIMING,
): Promise<Result<{ placed: boolean }>> {
  if (!annotation) return fail('This highlight no longer exists.');
  if (!/^https?:/.test(annotation.url)) return fail('Only web pages can be opened from a highlight.');
  const existing = (await tabs.list()).find((t) => t.id !== undefined && t.url && normalizeUrl(t.url) === annotation.url);
  let tabId: number;
  if (existing?.id !== undefined) {
    tabId = existing.id;
    await tabs.focus(tabId, existing.windowId);
  } else {
    const created = await tabs.create(annotation.url);
    if (created.id === undefined) return fail('Could not open a tab for the page.');
    tabId = created.id;
  }
  let reloaded = existing === undefined;
  let last: Result<{ placed: boolean }> = fail('The page did not answer.');
  for (let waited = 0; waited <= timing.timeoutMs; waited += timing.retryMs) {
    // Until its content script listens, a new tab answers "no receiver": try again shortly.
    last = await tabs.flash(tabId, annotation.id);
    if (last.ok) return last;
    if (!reloaded && waited >= timing.reloadAfterMs) {
      reloaded = true;
      await tabs.reload(tabId);
    }
    await tabs.sleep(timing.retryMs);
  }
  return fail(`The page opened, but the highlight could not be shown: ${last.ok ? '' : last.error}`);
}
