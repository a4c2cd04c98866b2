/** Finds the page the popup is about: the active tab, or `?url=` (used when the popup is opened as a tab, e.g. in tests). */
import { browser } from 'wxt/browser';
import { normalizeUrl } from '@/src/core/url';

export interface ActivePage {
  url: string | null;
  tabId?: number;
}

export async function activePage(): Promise<ActivePage> {
  const param = new URLSearchParams(location.search).get('url');
  if (param) return { url: normalizeUrl(param) };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { url: tab?.url ? normalizeUrl(tab.url) : null, tabId: tab?.id };
}
