// The background's wiring, through WXT's fake browser: messages reach the router and the database,
// the context menu and the shortcut command the active tab.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { HIGHLIGHT_SELECTION, startBackground } from '@/src/background/main';

const PAGE = 'https://news.example.com/story';

/** A stand-in for an event the fake browser does not implement. */
function fakeEvent<F extends (...args: never[]) => unknown>() {
  const listeners: F[] = [];
  return {
    addListener: (listener: F) => void listeners.push(listener),
    fire: (...args: Parameters<F>) => listeners.forEach((listener) => listener(...args)),
  };
}

let menuClicked: ReturnType<typeof fakeEvent<(info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }) => void>>;
let command: ReturnType<typeof fakeEvent<(command: string, tab?: { id?: number }) => void>>;
let connect: ReturnType<typeof fakeEvent<(port: unknown) => void>>;
let tabSend: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  menuClicked = fakeEvent();
  command = fakeEvent();
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(menuClicked.addListener as never);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(command.addListener as never);
  connect = fakeEvent();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Marginalia', version: '9.8.7' });
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(connect.addListener as never);
  tabSend = vi.fn().mockResolvedValue({ ok: true, value: null });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(tabSend as never);
  startBackground();
});

const tab = { id: 4, url: PAGE, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
const content = { id: fakeBrowser.runtime.id, url: PAGE, tab, frameId: 0 };
const annotation = () => ({
  id: crypto.randomUUID(),
  url: PAGE,
  kind: 'highlight',
  color: 'green',
  quote: { type: 'TextQuoteSelector', exact: 'quoted', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 6 },
});

describe('runtime messages', () => {
  it('are routed to storage and answered', async () => {
    const a = annotation();
    const [created] = await fakeBrowser.runtime.onMessage.trigger(
      { channel: 'marginalia', type: 'annotation.create', payload: { annotation: a } },
      content,
    );
    expect(created).toMatchObject({ ok: true, value: { id: a.id } });
    const [listed] = await fakeBrowser.runtime.onMessage.trigger(
      { channel: 'marginalia', type: 'annotations.forPage', payload: { url: PAGE } },
      content,
    );
    expect(listed).toMatchObject({ ok: true, value: [{ id: a.id, color: 'green' }] });
  });

  it('get no reply, not even a promise, when they are on another channel', async () => {
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ channel: 'elsewhere' }, content);
    expect(reply).toBeUndefined();
  });

  it('are refused from another extension', async () => {
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(
      { channel: 'marginalia', type: 'tags.list', payload: {} },
      { ...content, id: 'other-extension' },
    );
    expect(reply).toMatchObject({ ok: false });
  });
});

describe('highlight selection', () => {
  it('creates the context menu on install, clearing old items first', async () => {
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(HIGHLIGHT_SELECTION);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(removeAll.mock.invocationCallOrder[0]).toBeLessThan(create.mock.invocationCallOrder[0] ?? 0);
    expect(create).toHaveBeenCalledWith({ id: 'highlight-selection', title: 'Highlight selection', contexts: ['selection'] });
  });

  it('sends the command to the clicked frame of the tab', async () => {
    menuClicked.fire({ menuItemId: HIGHLIGHT_SELECTION, frameId: 3 }, { id: 9 });
    menuClicked.fire({ menuItemId: 'something-else' }, { id: 9 });
    await vi.waitFor(() => expect(tabSend).toHaveBeenCalledTimes(1));
    expect(tabSend).toHaveBeenCalledWith(
      9,
      { channel: 'marginalia', type: 'selection.highlight', payload: {} },
      { frameId: 3 },
    );
  });

  it('sends the keyboard shortcut to the active tab’s top frame', async () => {
    command.fire('highlight-selection', { id: 12 });
    command.fire('other-command', { id: 12 });
    await vi.waitFor(() => expect(tabSend).toHaveBeenCalledTimes(1));
    expect(tabSend).toHaveBeenCalledWith(
      12,
      { channel: 'marginalia', type: 'selection.highlight', payload: {} },
      { frameId: 0 },
    );
  });
});

describe('connections', () => {
  /** A port as the background sees one, recording what it is sent. */
  const port = (name: string, sender: unknown) => {
    const sent: unknown[] = [];
    const onMessage = fakeEvent<(message: unknown) => void>();
    return {
      name,
      sender,
      sent,
      onMessage,
      disconnected: false,
      postMessage: (message: unknown) => void sent.push(message),
      disconnect() {
        this.disconnected = true;
      },
      onDisconnect: fakeEvent<() => void>(),
    };
  };

  it('refuses an export connection from a content script, and leaves other names alone', async () => {
    const fromPage = port('marginalia:export', content);
    connect.fire(fromPage);
    expect(fromPage.sent).toEqual([{ type: 'error', error: expect.stringMatching(/not open to a content script/) }]);
    expect(fromPage.disconnected).toBe(true);
    const other = port('someone-else', content);
    connect.fire(other);
    expect(other.sent).toEqual([]);
    expect(other.disconnected).toBe(false);
  });

  it('answers requests over a request connection from an extension page, each by its id, as the router does', async () => {
    const ext = port('marginalia:requests', { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
    connect.fire(ext);
    const search = (id: unknown, payload: unknown) => ext.onMessage.fire({ id, message: { channel: 'marginalia', type: 'search.query', payload } });
    search(2, { query: 'mayor', limit: 5 });
    search(1, { query: '', limit: 5 });
    search(3, { query: 42 });
    search('x', { query: '' });
    ext.onMessage.fire({ id: 4, message: { channel: 'someone-else' } });
    await vi.waitFor(() => expect(ext.sent).toHaveLength(4));
    const byId = new Map((ext.sent as { id: number; reply: { ok: boolean; error?: string } }[]).map((m) => [m.id, m.reply]));
    expect(byId.get(1)).toMatchObject({ ok: true, value: { hits: expect.any(Array), more: expect.any(Boolean) } });
    expect(byId.get(2)).toMatchObject({ ok: true, value: { hits: expect.any(Array), notices: [] } });
    // Checked as a runtime message is: a bad payload is refused with a reason; no id, no reply.
    expect(byId.get(3)).toMatchObject({ ok: false, error: expect.stringMatching(/query/) });
    expect(byId.get(4)).toMatchObject({ ok: false, error: 'Not a Marginalia request.' });
    expect(ext.disconnected).toBe(false);
  });

  it('refuses a request connection from a content script', () => {
    const fromPage = port('marginalia:requests', content);
    connect.fire(fromPage);
    expect(fromPage.sent).toEqual([{ id: -1, reply: { ok: false, error: expect.stringMatching(/not open to a content script/) } }]);
    expect(fromPage.disconnected).toBe(true);
  });

  it('serves an export connection from an extension page, with the manifest’s version', async () => {
    const ext = port('marginalia:export', { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/export.html') });
    connect.fire(ext);
    ext.onMessage.fire({ type: 'start', scope: { kind: 'all' } });
    await vi.waitFor(() => expect(ext.sent).toHaveLength(1));
    expect(ext.sent[0]).toMatchObject({ type: 'header', total: expect.any(Number), meta: { scope: { kind: 'all' }, appVersion: '9.8.7' } });
  });
});
