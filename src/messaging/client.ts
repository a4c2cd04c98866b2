/**
 * Typed senders for the protocol: content scripts and extension pages ask the background, the
 * background commands a tab's content script. Transport failures (no receiver, extension reloaded)
 * come back as `fail` Results like any refusal, so callers handle one shape. No zod here: this
 * file is bundled into the content script.
 */
import { browser } from 'wxt/browser';
import {
  fail,
  type BackgroundMessage,
  type BackgroundRequestType,
  type ReplyOf,
  type RequestOf,
  type Result,
  type TabCommands,
  type TabCommandType,
  type TabMessage,
} from './protocol';

/** A Result-shaped value; what is inside is the sender's business. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: unknown };
  return r.ok === true ? 'value' in r : r.ok === false && typeof r.error === 'string';
}

/** A readable reason for a failed sendMessage; the browsers' own wording is cryptic. */
export function describeTransportError(error: unknown, receiver: 'background' | 'tab'): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/context invalidated/i.test(message)) {
    return 'The extension was updated or reloaded; reload this page to keep annotating.';
  }
  if (/receiving end does not exist|could not establish connection|no listeners/i.test(message)) {
    return receiver === 'tab'
      ? 'Marginalia is not running in this tab (reload the page, or it is not a web page).'
      : 'The extension’s background is not reachable; try again.';
  }
  return `Message failed: ${message}`;
}

/** Sends a request to the background and resolves to its Result, never rejects. */
export async function sendToBackground<K extends BackgroundRequestType>(
  type: K,
  payload: RequestOf<K>,
): Promise<Result<ReplyOf<K>>> {
  const message: BackgroundMessage<K> = { channel: 'marginalia', type, payload };
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    // The background is the trusted side and has validated the request; its reply is taken as typed.
    if (isResult(reply)) return reply as Result<ReplyOf<K>>;
    return fail(`No reply from the background to ${type}.`);
  } catch (error: unknown) {
    return fail(describeTransportError(error, 'background'));
  }
}

/**
 * Sends a command to the content script of a tab (one frame of it if `frameId` is given).
 * The reply comes from a web page's renderer: only its Result shape is checked, so callers must
 * not base decisions about stored data on its value.
 */
export async function sendToTab<K extends TabCommandType>(
  tabId: number,
  type: K,
  payload: TabCommands[K]['req'],
  options: { frameId?: number } = {},
): Promise<Result<TabCommands[K]['res']>> {
  const message: TabMessage<K> = { channel: 'marginalia', type, payload };
  try {
    // No explicit `undefined` options argument: the polyfill counts arguments.
    const reply: unknown =
      options.frameId === undefined
        ? await browser.tabs.sendMessage(tabId, message)
        : await browser.tabs.sendMessage(tabId, message, { frameId: options.frameId });
    if (isResult(reply)) return reply as Result<TabCommands[K]['res']>;
    return fail(`No reply from the page to ${type}.`);
  } catch (error: unknown) {
    return fail(describeTransportError(error, 'tab'));
  }
}
