/**
 * Wires the background together: message routing, the context menu and the keyboard shortcut.
 * The service worker may be stopped and restarted at any moment, so listeners are registered
 * synchronously on every start and nothing in memory matters: the database handle is only a cache.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '@/src/messaging/client';
import { openDatabase, type MarginaliaDb } from './db';
import { acceptPort, isOurPort } from './exchange-port';
import { acceptRequestPort } from './request-port';
import { openAnnotation, type TabsApi } from './open-annotation';
import { createRepository, type Repository } from './repository';
import { claims, handleMessage, type BackgroundActions } from './router';
import { senderInfo, type FrameRef } from './sender';
import { fail, ok, REQUEST_PORT, type LazyBundle, type Result } from '@/src/messaging/protocol';

/** Shared by the context menu item and the command in wxt.config.ts. */
export const HIGHLIGHT_SELECTION = 'highlight-selection';

/** Asks the tab's content script to highlight its selection; a page without one just says so in the log. */
async function highlightIn(tabId: number, frameId?: number): Promise<void> {
  const reply = await sendToTab(tabId, 'selection.highlight', {}, { frameId });
  if (!reply.ok) console.warn('[marginalia] highlight selection:', reply.error);
}

/** The browser's tabs, as 'annotation.open' uses them. */
const tabsApi: TabsApi = {
  list: () => browser.tabs.query({}),
  create: (url) => browser.tabs.create({ url, active: true }),
  async focus(tabId, windowId) {
    await browser.tabs.update(tabId, { active: true });
    if (windowId !== undefined) await browser.windows.update(windowId, { focused: true });
  },
  reload: (tabId) => browser.tabs.reload(tabId),
  // The article is in the top frame.
  flash: (tabId, id) => sendToTab(tabId, 'annotation.flash', { id }, { frameId: 0 }),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The file of each on-demand bundle (unlisted scripts in entrypoints/). */
const BUNDLE_FILES: Record<LazyBundle, string> = { ui: '/page-ui.js', auto: '/auto-pipeline.js' };

/** Injects an on-demand bundle into a content script's isolated world (see src/page/lazy-bundle.ts). */
async function injectBundle(bundle: LazyBundle, { tabId, frameId }: FrameRef): Promise<Result<null>> {
  try {
    // At once, not at document_idle: a page that never finishes loading must still get its UI.
    const files = [BUNDLE_FILES[bundle]];
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files, injectImmediately: true });
    return ok(null);
  } catch (error: unknown) {
    return fail(`Could not load the page UI: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function createMenus(): Promise<void> {
  // Menus outlive the worker and survive updates; clear first so the id is never a duplicate.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: HIGHLIGHT_SELECTION, title: 'Highlight selection', contexts: ['selection'] });
}

/** Registers every listener; call once per worker start, synchronously. */
export function startBackground(): void {
  let database: MarginaliaDb | undefined;
  let repository: Repository | undefined;
  // Opened on the first message, not at start: most wake-ups (menus, shortcut) never need it.
  const db = (): MarginaliaDb => (database ??= openDatabase());
  const repo = (): Repository => (repository ??= createRepository(db()));
  const actions: BackgroundActions = {
    open: async (id) => openAnnotation(await repo().get(id), tabsApi),
    loadBundle: injectBundle,
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Undefined, not a promise, for other channels: a returned promise would answer in their place.
    if (!claims(message)) return undefined;
    const info = senderInfo(sender, browser.runtime.id, browser.runtime.getURL('/'));
    return handleMessage(message, info, repo(), actions);
  });

  // Requests over one connection (the popup's searches: src/background/request-port.ts); exports
  // and imports, in chunks over a connection (src/background/exchange-port.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (!isOurPort(port.name)) return;
    const info = senderInfo(port.sender ?? {}, browser.runtime.id, browser.runtime.getURL('/'));
    if (port.name === REQUEST_PORT) {
      acceptRequestPort(port, info, (message) => handleMessage(message, info, repo(), actions));
      return;
    }
    acceptPort(port, info, { db, now: Date.now, appVersion: browser.runtime.getManifest().version });
  });

  browser.runtime.onInstalled.addListener(() => {
    createMenus().catch((error: unknown) => console.error('[marginalia] context menu:', error));
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== HIGHLIGHT_SELECTION || tab?.id === undefined) return;
    void highlightIn(tab.id, info.frameId);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== HIGHLIGHT_SELECTION) return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      // The article is in the top frame; a shortcut carries no frame of its own.
      if (tabId !== undefined) await highlightIn(tabId, 0);
    })();
  });
}
