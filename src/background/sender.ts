/**
 * Who may send what. The background's messages come from two kinds of sender: pages of this
 * extension (popup, library), which are trusted, and content scripts, which run inside web pages
 * and may only read and write the annotations of the page they run in. Anything else is refused.
 */
import { normalizeUrl } from '@/src/core/url';
import { EXPORT_PORT, IMPORT_PORT, REQUEST_PORT, type BackgroundRequests, type BackgroundRequestType } from '@/src/messaging/protocol';

export type SenderKind = BackgroundRequests[BackgroundRequestType]['from'];

/** The policy: which kinds of sender may make each request. Mirrors `from` in the protocol. */
export const ALLOWED_SENDERS = {
  'annotations.forPage': ['content', 'extension'],
  'annotation.create': ['content'],
  'annotation.update': ['content', 'extension'],
  'annotation.delete': ['content', 'extension'],
  'anchoring.report': ['content'],
  'tags.list': ['content', 'extension'],
  'bundle.load': ['content'],
  'page.get': ['extension'],
  'search.query': ['extension'],
  'annotation.open': ['extension'],
} as const satisfies { [K in BackgroundRequestType]: readonly BackgroundRequests[K]['from'][] };

// The table must allow exactly what the protocol's `from` says: a sender kind missing here fails tsc.
type PolicyCovers = {
  [K in BackgroundRequestType]: BackgroundRequests[K]['from'] extends (typeof ALLOWED_SENDERS)[K][number] ? true : false;
};
type AllTrue<T extends { [K in BackgroundRequestType]: true }> = T;
export type PolicyCheck = AllTrue<PolicyCovers>;

/**
 * Long-lived connections (`runtime.connect`) by name, and who may open them: exports and imports
 * read and write every annotation, so only the extension's own pages may.
 */
export const ALLOWED_PORTS: Readonly<Record<string, readonly SenderKind[]>> = {
  [EXPORT_PORT]: ['extension'],
  // Each request is checked again by the router, as a runtime message is.
  [REQUEST_PORT]: ['extension'],
  [IMPORT_PORT]: ['extension'],
};

/** Whether this sender may open a connection of this name (unknown names are refused). */
function isPortAllowed(name: string, sender: Sender): boolean {
  return Object.hasOwn(ALLOWED_PORTS, name) && ALLOWED_PORTS[name]!.includes(sender.kind);
}

/** Why a connection of this name from this sender is refused, or undefined when it is not. */
export function portRefusal(name: string, sender: SenderInfo): string | undefined {
  const who = classifySender(sender);
  if ('refused' in who) return who.refused;
  if (!isPortAllowed(name, who)) return `Refused: ${name} is not open to ${who.kind === 'content' ? 'a content script' : 'this sender'}.`;
  return undefined;
}

/** The parts of `runtime.MessageSender` the policy reads, plus this extension's own identity. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** `browser.runtime.id`. */
  ownId: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  extensionBaseUrl: string;
}

/** A sender the policy recognises; a content script carries the normalised URL of its page. */
export type Sender = { kind: 'extension' } | { kind: 'content'; pageUrl: string; frame?: FrameRef };

/** A content script's tab and frame, where the background may inject the in-page UI. */
export interface FrameRef {
  tabId: number;
  frameId: number;
}

/** Copies what the policy needs out of a browser MessageSender. */
export function senderInfo(
  sender: { id?: string; url?: string; tab?: { id?: number; url?: string }; frameId?: number },
  ownId: string,
  extensionBaseUrl: string,
): SenderInfo {
  return {
    id: sender.id,
    url: sender.url,
    tab: sender.tab ? { id: sender.tab.id, url: sender.tab.url } : undefined,
    frameId: sender.frameId,
    ownId,
    extensionBaseUrl,
  };
}

/** What kind of sender this is, or why it is refused. */
export function classifySender(sender: SenderInfo): Sender | { refused: string } {
  if (!sender.ownId || sender.id !== sender.ownId) return { refused: 'Refused: the message is not from this extension.' };
  const base = sender.extensionBaseUrl;
  const isExtensionUrl = (url: string | undefined) => base !== '' && url !== undefined && url.startsWith(base);
  if (isExtensionUrl(sender.url)) {
    // An extension page framed inside a web page has a tab whose top document is that web page.
    // A top frame (frameId 0) is the tab's document itself, so its URL decides.
    if (!sender.tab || sender.frameId === 0 || isExtensionUrl(sender.tab.url)) return { kind: 'extension' };
    return { refused: 'Refused: an extension page inside a web page may not make requests.' };
  }
  if (sender.tab) {
    // A subframe is judged by its own URL: the tab's URL would give an embedded (perhaps
    // hostile) frame the scope of the page around it.
    const isSubframe = sender.frameId !== undefined && sender.frameId !== 0;
    const raw = isSubframe ? sender.url : (sender.tab.url ?? sender.url);
    const pageUrl = raw === undefined ? null : normalizeUrl(raw);
    const tabId = sender.tab.id;
    if (pageUrl !== null) return { kind: 'content', pageUrl, ...(tabId !== undefined ? { frame: { tabId, frameId: sender.frameId ?? 0 } } : {}) };
  }
  return { refused: 'Refused: the sender is neither a page of this extension nor a content script on a web page.' };
}

/** Whether a sender of this kind may make this request. */
export function isAllowed(type: BackgroundRequestType, sender: Sender): boolean {
  const allowed: readonly SenderKind[] = ALLOWED_SENDERS[type];
  return allowed.includes(sender.kind);
}

/** Every `url` field anywhere in a (validated) payload; a content script's must all be its page. */
export function urlFieldsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urlFieldsOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'url' ? (typeof inner === 'string' ? [inner] : ['']) : urlFieldsOf(inner),
  );
}
