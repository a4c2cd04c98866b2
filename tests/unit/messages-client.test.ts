// The senders' side of the protocol: replies and transport errors as Results, and the content
// script's check of incoming commands.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sendToBackground, sendToTab } from '@/src/messaging/client';
import { parseTabMessage } from '@/src/messaging/tab-commands';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('sendToBackground', () => {
  it('sends our envelope and returns the reply', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
      return Promise.resolve({ ok: true, value: ['ice'] });
    });
    expect(await sendToBackground('tags.list', {})).toEqual({ ok: true, value: ['ice'] });
    expect(seen).toEqual([{ channel: 'marginalia', type: 'tags.list', payload: {} }]);
  });

  it('passes a refusal through unchanged', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: false, error: 'Refused: nope' }));
    expect(await sendToBackground('annotation.delete', { id: crypto.randomUUID() })).toEqual({
      ok: false,
      error: 'Refused: nope',
    });
  });

  it.each([
    ['no receiver', 'Could not establish connection. Receiving end does not exist.', /background is not reachable/],
    ['a reloaded extension', 'Extension context invalidated.', /reload this page/],
    ['anything else', 'Quota exceeded', /Message failed: Quota exceeded/],
  ])('turns %s into a fail Result', async (_name, message, error) => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error(message));
    expect(await sendToBackground('tags.list', {})).toEqual({ ok: false, error: expect.stringMatching(error) });
  });

  it('fails when the reply is not a Result', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve('hello'));
    expect(await sendToBackground('tags.list', {})).toEqual({ ok: false, error: expect.stringMatching(/No reply/) });
  });
});

describe('sendToTab', () => {
  it('sends the command to the tab, to one frame when asked', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { placed: true } });
    const id = crypto.randomUUID();
    expect(await sendToTab(7, 'annotation.flash', { id })).toEqual({ ok: true, value: { placed: true } });
    expect(await sendToTab(7, 'selection.highlight', {}, { frameId: 2 })).toEqual({ ok: true, value: { placed: true } });
    expect(send.mock.calls).toEqual([
      [7, { channel: 'marginalia', type: 'annotation.flash', payload: { id } }],
      [7, { channel: 'marginalia', type: 'selection.highlight', payload: {} }, { frameId: 2 }],
    ]);
  });

  it('turns a tab without our content script into a fail Result', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await sendToTab(7, 'selection.highlight', {})).toEqual({
      ok: false,
      error: expect.stringMatching(/not running in this tab/),
    });
  });

  it('fails when the page answers with something that is not a Result', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect((await sendToTab(7, 'selection.highlight', {})).ok).toBe(false);
  });
});

describe('parseTabMessage', () => {
  const OWN = 'own-id';
  const background = { id: OWN };
  const id = crypto.randomUUID();
  const command = (type: unknown, payload: unknown) => ({ channel: 'marginalia', type, payload });

  it('accepts the commands with well-formed payloads', () => {
    expect(parseTabMessage(command('selection.highlight', {}), background, OWN)).toEqual(command('selection.highlight', {}));
    expect(parseTabMessage(command('selection.highlight', { color: 'pink' }), background, OWN)?.payload).toEqual({
      color: 'pink',
    });
    expect(parseTabMessage(command('annotation.flash', { id }), background, OWN)).toEqual(command('annotation.flash', { id }));
  });

  it.each([
    ['another extension', command('annotation.flash', { id }), { id: 'evil' }],
    ['a content script (a sender with a tab)', command('annotation.flash', { id }), { id: OWN, tab: { id: 3 } }],
    ['no channel', { type: 'annotation.flash', payload: { id } }, background],
    ['an unknown type', command('annotation.delete', { id }), background],
    ['an inherited name as type', command('constructor', {}), background],
    ['a colour not ours', command('selection.highlight', { color: 'red<script>' }), background],
    ['an extra key', command('selection.highlight', { color: 'pink', html: '<b>' }), background],
    ['an id that is not a UUID', command('annotation.flash', { id: 'x' }), background],
    ['a missing payload', { channel: 'marginalia', type: 'selection.highlight' }, background],
    ['an array payload', command('selection.highlight', []), background],
    ['null', null, background],
  ])('refuses %s', (_name, raw, sender) => {
    expect(parseTabMessage(raw, sender, OWN)).toBeNull();
  });

  it('refuses everything when the own id is unknown', () => {
    expect(parseTabMessage(command('selection.highlight', {}), {}, '')).toBeNull();
  });
});
