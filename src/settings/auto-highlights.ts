/**
 * The reader's switches for automatic highlights: quotations on/off, officials on/off, and sites
 * where nothing is highlighted automatically. Kept in `storage.local` (preferences, not notes):
 * the popup writes them and content scripts read them and follow changes live.
 */
import { browser } from 'wxt/browser';
import { siteOf } from '@/src/core/url';

export interface AutoSettings {
  quotes: boolean;
  officials: boolean;
  /** Host names (without `www.`) where automatic highlighting is off. */
  disabledSites: string[];
}

const KEY = 'autoHighlights';
export const DEFAULT_AUTO_SETTINGS: AutoSettings = { quotes: true, officials: true, disabledSites: [] };

/** Reads stored settings, falling back to the defaults field by field for anything missing or malformed. */
export function parseAutoSettings(value: unknown): AutoSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof AutoSettings, unknown>>;
  return {
    quotes: typeof v.quotes === 'boolean' ? v.quotes : DEFAULT_AUTO_SETTINGS.quotes,
    officials: typeof v.officials === 'boolean' ? v.officials : DEFAULT_AUTO_SETTINGS.officials,
    disabledSites: Array.isArray(v.disabledSites) ? v.disabledSites.filter((s): s is string => typeof s === 'string') : [],
  };
}

export async function loadAutoSettings(): Promise<AutoSettings> {
  const stored = await browser.storage.local.get(KEY);
  return parseAutoSettings(stored[KEY]);
}

export async function saveAutoSettings(settings: AutoSettings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/** Calls `listener` with the new settings whenever they change; returns the unsubscribe function. */
export function onAutoSettingsChanged(listener: (settings: AutoSettings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(parseAutoSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** What applies on one page: which kinds are on, given the global switches and the site list. */
export function effectiveFor(settings: AutoSettings, url: string): { quotes: boolean; officials: boolean; siteDisabled: boolean } {
  const siteDisabled = settings.disabledSites.includes(siteOf(url));
  return { quotes: settings.quotes && !siteDisabled, officials: settings.officials && !siteDisabled, siteDisabled };
}
