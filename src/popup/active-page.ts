/**
 * Finds the page the popup is about: the active tab, or `?url=` and optionally `?tab=` (used when
 * the popup is opened as a tab, e.g. in tests).
 */
import { browser } from 'wxt/browser';
import { normalizeUrl } from '@/src/core/url';

export interface ActivePage {
  url: string | null;
  tabId?: number;
}

export async function activePage(): Promise<ActivePage> {
  const params = new URLSearchParams(location.search);
  const param = params.get('url');
  const tabParam = Number(params.get('tab'));
  if (param) return { url: normalizeUrl(param), ...(Number.isInteger(tabParam) && tabParam > 0 ? { tabId: tabParam } : {}) };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { url: tab?.url ? normalizeUrl(tab.url) : null, tabId: tab?.id };
}
