// Opening a result: 'annotation.open' focuses the page's tab or opens one, retries the flash while
// the page's content script is not listening yet, and is refused to content scripts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@/src/background/db';
import { openAnnotation, type TabsApi } from '@/src/background/open-annotation';
import { createRepository } from '@/src/background/repository';
import { handleMessage } from '@/src/background/router';
import type { SenderInfo } from '@/src/background/sender';
import type { Annotation } from '@/src/core/model';
import { fail, ok } from '@/src/messaging/protocol';

const URL_ = 'https://news.example.com/story';
const annotation: Annotation = {
  id: crypto.randomUUID(),
  url: URL_,
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags: [],
  quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 1 },
  orphan: false,
  created: 1,
  updated: 1,
};
const TIMING = { retryMs: 10, reloadAfterMs: 30, timeoutMs: 200 };

function fakeTabs(tabs: { id: number; url: string; windowId: number }[], answers: ReturnType<TabsApi['flash']>[]) {
  const calls: string[] = [];
  let flashes = 0;
  const api: TabsApi = {
    list: async () => tabs,
    create: async (url) => (calls.push(`create ${url}`), { id: 99 }),
    focus: async (tabId, windowId) => void calls.push(`focus ${tabId} ${windowId}`),
    reload: async (tabId) => void calls.push(`reload ${tabId}`),
    flash: (tabId, id) => {
      calls.push(`flash ${tabId} ${id === annotation.id}`);
      return answers[Math.min(flashes++, answers.length - 1)]!;
    },
    sleep: async () => undefined,
  };
  return { api, calls };
}

const notYet = Promise.resolve(fail('Marginalia is not running in this tab.'));

describe('openAnnotation', () => {
  it('focuses the tab already showing the page (whatever its fragment or tracking) and flashes there', async () => {
    const { api, calls } = fakeTabs(
      [
        { id: 1, url: 'https://other.example/', windowId: 1 },
        { id: 2, url: `${URL_}?utm_source=x#p3`, windowId: 5 },
      ],
      [Promise.resolve(ok({ placed: true }))],
    );
    expect(await openAnnotation(annotation, api, TIMING)).toEqual(ok({ placed: true }));
    expect(calls).toEqual(['focus 2 5', 'flash 2 true']);
  });

  it('opens a new tab and retries until the content script answers', async () => {
    const { api, calls } = fakeTabs([], [notYet, notYet, notYet, Promise.resolve(ok({ placed: false }))]);
    expect(await openAnnotation(annotation, api, TIMING)).toEqual(ok({ placed: false }));
    expect(calls).toEqual([`create ${URL_}`, 'flash 99 true', 'flash 99 true', 'flash 99 true', 'flash 99 true']);
  });

  it('reloads an existing tab that never answers (opened before the extension), then gives up in time', async () => {
    const { api, calls } = fakeTabs([{ id: 3, url: URL_, windowId: 1 }], [notYet]);
    const reply = await openAnnotation(annotation, api, TIMING);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/could not be shown.*not running/) });
    expect(calls.filter((c) => c === 'reload 3')).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('flash')).length).toBeLessThanOrEqual(TIMING.timeoutMs / TIMING.retryMs + 1);
  });

  it('refuses a missing annotation and pages that are not on the web', async () => {
    const { api, calls } = fakeTabs([], [notYet]);
    expect(await openAnnotation(undefined, api, TIMING)).toEqual(fail('This highlight no longer exists.'));
    expect((await openAnnotation({ ...annotation, url: 'file:///home/a.html' }, api, TIMING)).ok).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('the new requests at the gate', () => {
  const OWN = 'ownextensionid';
  const BASE = `chrome-extension://${OWN}/`;
  const popup: SenderInfo = { id: OWN, url: `${BASE}popup.html`, ownId: OWN, extensionBaseUrl: BASE };
  const content: SenderInfo = { id: OWN, url: URL_, tab: { url: URL_ }, frameId: 0, ownId: OWN, extensionBaseUrl: BASE };
  const msg = (type: string, payload: unknown) => ({ channel: 'marginalia', type, payload });
  let db = openDatabase(`gate-${crypto.randomUUID()}`);
  afterEach(async () => {
    await db.delete();
    db = openDatabase(`gate-${crypto.randomUUID()}`);
  });

  it('lets the popup search and open, and refuses both to a content script (a web page)', async () => {
    const repo = createRepository(db);
    const open = vi.fn().mockResolvedValue(ok({ placed: true }));
    expect(await handleMessage(msg('search.query', { query: 'x' }), popup, repo, { open })).toEqual(
      ok({ hits: [], more: false, notices: [], timings: expect.any(Object) }),
    );
    expect(await handleMessage(msg('annotation.open', { id: annotation.id }), popup, repo, { open })).toEqual(ok({ placed: true }));
    expect(open).toHaveBeenCalledWith(annotation.id);
    for (const [type, payload] of [['search.query', { query: 'x' }], ['annotation.open', { id: annotation.id }]] as const) {
      expect(await handleMessage(msg(type, payload), content, repo, { open })).toEqual({
        ok: false,
        error: expect.stringMatching(/not allowed from a content script/),
      });
    }
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('checks the payloads', async () => {
    const repo = createRepository(db);
    const open = vi.fn();
    const bad = [
      msg('search.query', {}),
      msg('search.query', { query: 5 }),
      msg('search.query', { query: 'x'.repeat(20_001) }),
      msg('search.query', { query: 'x', limit: 0 }),
      msg('search.query', { query: 'x', extra: 1 }),
      msg('annotation.open', { id: 'not-a-uuid' }),
    ];
    for (const raw of bad) expect((await handleMessage(raw, popup, repo, { open }))?.ok, JSON.stringify(raw).slice(0, 60)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    // A 10,000-character paste is accepted and searched (the parser keeps the start).
    expect((await handleMessage(msg('search.query', { query: 'y'.repeat(10_000) }), popup, repo))?.ok).toBe(true);
  });
});
