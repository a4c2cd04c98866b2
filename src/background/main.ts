/**
 * Wires the background together: message routing, the context menu and the keyboard shortcut.
 * The service worker may be stopped and restarted at any moment, so listeners are registered
 * synchronously on every start and nothing in memory matters: the database handle is only a cache.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '@/src/messaging/client';
import { openDatabase } from './db';
import { createRepository, type Repository } from './repository';
import { claims, handleMessage } from './router';
import { senderInfo } from './sender';

/** Shared by the context menu item and the command in wxt.config.ts. */
export const HIGHLIGHT_SELECTION = 'highlight-selection';

/** Asks the tab's content script to highlight its selection; a page without one just says so in the log. */
async function highlightIn(tabId: number, frameId?: number): Promise<void> {
  const reply = await sendToTab(tabId, 'selection.highlight', {}, { frameId });
  if (!reply.ok) console.warn('[marginalia] highlight selection:', reply.error);
}

async function createMenus(): Promise<void> {
  // Menus outlive the worker and survive updates; clear first so the id is never a duplicate.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: HIGHLIGHT_SELECTION, title: 'Highlight selection', contexts: ['selection'] });
}

/** Registers every listener; call once per worker start, synchronously. */
export function startBackground(): void {
  let repository: Repository | undefined;
  // Opened on the first message, not at start: most wake-ups (menus, shortcut) never need it.
  const repo = (): Repository => (repository ??= createRepository(openDatabase()));

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Undefined, not a promise, for other channels: a returned promise would answer in their place.
    if (!claims(message)) return undefined;
    const info = senderInfo(sender, browser.runtime.id, browser.runtime.getURL('/'));
    return handleMessage(message, info, repo());
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
