// The background's message gate: malformed, mistyped, unknown and foreign messages are refused
// with a `fail` Result, and a refused message leaves both tables exactly as they were.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS, type Annotation } from '@/src/core/model';
import { openDatabase, type MarginaliaDb } from '@/src/background/db';
import { createRepository, type Repository } from '@/src/background/repository';
import { handleMessage } from '@/src/background/router';
import { ALLOWED_SENDERS, type SenderInfo } from '@/src/background/sender';
import type { BackgroundRequests, NewAnnotation } from '@/src/messaging/protocol';
import { countSaved, savedAnnotation, savedAnnotations } from './saved';

const OWN = 'ownextensionid';
const BASE = `chrome-extension://${OWN}/`;
const PAGE = 'https://news.example.com/story';
const OTHER = 'https://other.example.org/article';

const popup: SenderInfo = { id: OWN, url: `${BASE}popup.html`, ownId: OWN, extensionBaseUrl: BASE };
const contentOn = (url: string): SenderInfo => ({ id: OWN, url, tab: { url }, frameId: 0, ownId: OWN, extensionBaseUrl: BASE });
const content = contentOn(`${PAGE}#section-2`);

const newAnnotation = (over: Partial<NewAnnotation> = {}): NewAnnotation => ({
  id: crypto.randomUUID(),
  url: PAGE,
  kind: 'highlight',
  color: 'yellow',
  quote: { type: 'TextQuoteSelector', exact: 'the mayor said', prefix: 'Yesterday ', suffix: ' that' },
  position: { type: 'TextPositionSelector', start: 10, end: 24 },
  ...over,
});

const msg = (type: string, payload: unknown) => ({ channel: 'marginalia', type, payload });

let db: MarginaliaDb;
let repo: Repository;
let mine: Annotation;
let foreign: Annotation;

const dump = async () => ({ annotations: await savedAnnotations(db), pages: await db.pages.toArray() });

beforeEach(async () => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  repo = createRepository(db);
  const a = await repo.create({ annotation: newAnnotation({ note: 'mine' }), page: { url: PAGE, title: 'Story' } });
  const b = await repo.create({ annotation: newAnnotation({ url: OTHER, note: 'private' }), page: { url: OTHER } });
  if (!a.ok || !b.ok) throw new Error('seed failed');
  [mine, foreign] = [a.value, b.value];
});
afterEach(async () => {
  await db.delete();
});

/** Sends a message that must be refused; checks the error and that nothing was written. */
async function expectRefused(raw: unknown, sender: SenderInfo, error: RegExp): Promise<void> {
  const before = await dump();
  const reply = await handleMessage(raw, sender, repo);
  expect(reply).toEqual({ ok: false, error: expect.stringMatching(error) });
  expect(await dump()).toEqual(before);
}

describe('messages that are not ours', () => {
  it('get no reply at all', async () => {
    expect(await handleMessage({ type: 'annotation.delete', payload: { id: mine.id } }, content, repo)).toBeUndefined();
    expect(await handleMessage({ channel: 'other', type: 'x' }, content, repo)).toBeUndefined();
    expect(await countSaved(db)).toBe(2);
  });
});

describe('malformed messages', () => {
  it.each([
    ['null', null, /expected an object/],
    ['a string', 'annotation.delete', /expected an object/],
    ['an array', [msg('annotation.delete', { id: crypto.randomUUID() })], /expected an object/],
    ['a number', 42, /expected an object/],
    ['no type', { channel: 'marginalia', payload: {} }, /missing "type"/],
    ['a numeric type', { channel: 'marginalia', type: 7, payload: {} }, /missing "type"/],
    ['no payload', { channel: 'marginalia', type: 'tags.list' }, /missing "payload"/],
  ])('refuses %s', async (_name, raw, error) => {
    await expectRefused(raw, content, error);
  });

  it('refuses an unknown type, including inherited property names', async () => {
    await expectRefused(msg('annotations.dropAll', {}), popup, /Unknown request type "annotations.dropAll"/);
    await expectRefused(msg('toString', {}), popup, /Unknown request type/);
    await expectRefused(msg('__proto__', {}), popup, /Unknown request type/);
  });
});

describe('payloads that fail the schema', () => {
  const create = (annotation: unknown, extra: Record<string, unknown> = {}) =>
    msg('annotation.create', { annotation, ...extra });
  const base = newAnnotation();

  it.each([
    ['start as a string', create({ ...base, position: { ...base.position, start: '10' } }), /annotation\.position\.start/],
    ['start after end', create({ ...base, position: { ...base.position, start: 30, end: 5 } }), /annotation\.position\.end: start must not be after end/],
    ['negative offsets', create({ ...base, position: { ...base.position, start: -1 } }), /annotation\.position\.start/],
    ['a colour that is not one of ours', create({ ...base, color: 'red<script>' }), /annotation\.color/],
    ['an unknown kind', create({ ...base, kind: 'comment' }), /annotation\.kind/],
    ['an id that is not a UUID', create({ ...base, id: '../../etc' }), /annotation\.id: must be a UUID/],
    ['a javascript: url', create({ ...base, url: 'javascript:alert(1)' }), /annotation\.url: must be an http\(s\) or file URL/],
    ['an extra key in the annotation', create({ ...base, orphan: false }), /annotation: Unrecognized key.*orphan/],
    ['an extra key in the payload', create(base, { created: 1 }), /Unrecognized key.*created/],
    ['an extra key in a selector', create({ ...base, quote: { ...base.quote, html: '<b>' } }), /annotation\.quote/],
    ['an empty quote', create({ ...base, quote: { ...base.quote, exact: '' } }), /annotation\.quote\.exact: the quoted text is empty/],
    ['an over-long quote', create({ ...base, quote: { ...base.quote, exact: 'x'.repeat(LIMITS.quote + 1) } }), /selection is too long/],
    ['an over-long note', create({ ...base, note: 'x'.repeat(LIMITS.note + 1) }), /annotation\.note: the note is too long/],
    ['too many tags', create({ ...base, tags: Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`) }), /annotation\.tags: too many tags/],
    ['a page for another url', create(base, { page: { url: OTHER } }), /page\.url: the page must be the annotation/],
    ['a missing annotation', msg('annotation.create', {}), /annotation: /],
  ])('refuses %s, naming the field', async (_name, raw, error) => {
    await expectRefused(raw, content, error);
  });

  it('refuses bad payloads of the other requests too', async () => {
    await expectRefused(msg('annotation.update', { id: mine.id, patch: { url: OTHER } }), popup, /patch: Unrecognized key/);
    await expectRefused(msg('annotation.update', { id: mine.id, patch: { color: 'red<script>' } }), popup, /patch\.color/);
    await expectRefused(msg('annotation.delete', { id: 5 }), popup, /^Invalid annotation\.delete request: id/);
    await expectRefused(msg('tags.list', { all: true }), popup, /Unrecognized key/);
    await expectRefused(msg('tags.list', null), popup, /Invalid tags\.list request/);
    await expectRefused(msg('page.get', { url: 'chrome://settings' }), popup, /url: must be an http/);
    await expectRefused(
      msg('anchoring.report', { url: PAGE, orphans: [mine.id], anchored: [mine.id] }),
      content,
      /both orphaned and anchored/,
    );
  });

  it('names at most three problems and says how many more there were', async () => {
    const reply = await handleMessage(create({ id: 1, url: 2, kind: 3, color: 4, quote: 5, position: 6 }), content, repo);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/\(and \d+ more\)$/) });
  });
});

describe('senders', () => {
  it('refuses another extension, whatever it asks', async () => {
    await expectRefused(msg('page.get', { url: PAGE }), { ...popup, id: 'someone-else' }, /not from this extension/);
    await expectRefused(msg('annotation.delete', { id: mine.id }), { ...content, id: 'someone-else' }, /not from this extension/);
    await expectRefused(msg('tags.list', {}), { ...popup, id: undefined }, /not from this extension/);
  });

  it('refuses extension-only requests from a web page', async () => {
    await expectRefused(msg('page.get', { url: PAGE }), content, /page\.get is not allowed from a content script/);
    const noTab: SenderInfo = { id: OWN, url: PAGE, ownId: OWN, extensionBaseUrl: BASE };
    await expectRefused(msg('page.get', { url: PAGE }), noTab, /neither a page of this extension/);
  });

  it('refuses content-only requests from extension pages', async () => {
    await expectRefused(msg('annotation.create', { annotation: newAnnotation() }), popup, /not allowed from an extension page/);
  });

  it('refuses an extension page framed inside a web page', async () => {
    const framed: SenderInfo = { ...popup, tab: { url: PAGE }, frameId: 3 };
    await expectRefused(msg('page.get', { url: PAGE }), framed, /inside a web page/);
  });

  it('refuses a content script asking for another page', async () => {
    await expectRefused(msg('annotations.forPage', { url: OTHER }), content, /only use the annotations of its own page/);
    await expectRefused(msg('annotation.create', { annotation: newAnnotation({ url: OTHER }) }), content, /own page/);
    await expectRefused(msg('anchoring.report', { url: OTHER, orphans: [foreign.id], anchored: [] }), content, /own page/);
  });

  it('refuses a content script changing or deleting another page’s annotation', async () => {
    await expectRefused(msg('annotation.delete', { id: foreign.id }), content, /No annotation .* on this page/);
    await expectRefused(msg('annotation.update', { id: foreign.id, patch: { note: 'x' } }), content, /on this page/);
  });

  it('judges a subframe by its own URL, not the page around it', async () => {
    const ad: SenderInfo = { ...contentOn(PAGE), url: OTHER, frameId: 5 };
    await expectRefused(msg('annotations.forPage', { url: PAGE }), ad, /own page/);
  });

  it('refuses a tab that is not a web page', async () => {
    await expectRefused(msg('tags.list', {}), contentOn('chrome://newtab/'), /neither a page of this extension/);
  });
});

describe('allowed requests', () => {
  it('lets a content script work on its own page (URL compared after normalising)', async () => {
    const forPage = await handleMessage(msg('annotations.forPage', { url: `${PAGE}?utm_source=x` }), content, repo);
    expect(forPage).toEqual({ ok: true, value: [mine] });
    const annotation = newAnnotation({ tags: ['A', 'a'] });
    const create = await handleMessage(msg('annotation.create', { annotation, page: { url: PAGE, title: null } }), content, repo);
    expect(create).toMatchObject({ ok: true, value: { id: annotation.id, tags: ['A'] } });
    expect(await handleMessage(msg('annotation.delete', { id: mine.id }), content, repo)).toEqual({ ok: true, value: null });
    const report = msg('anchoring.report', { url: PAGE, orphans: [annotation.id], anchored: [] });
    expect(await handleMessage(report, content, repo)).toEqual({ ok: true, value: null });
    expect((await savedAnnotation(db, annotation.id))?.orphan).toBe(true);
    expect(await handleMessage(msg('tags.list', {}), content, repo)).toEqual({ ok: true, value: ['A'] });
  });

  it('lets an extension page read and edit any page', async () => {
    const update = await handleMessage(msg('annotation.update', { id: foreign.id, patch: { color: 'blue' } }), popup, repo);
    expect(update).toMatchObject({ ok: true, value: { id: foreign.id, color: 'blue', note: 'private' } });
    const page = await handleMessage(msg('page.get', { url: PAGE }), popup, repo);
    expect(page).toMatchObject({ ok: true, value: { page: { url: PAGE, title: 'Story' }, annotations: [mine] } });
    const tab: SenderInfo = { ...popup, url: `${BASE}library.html`, tab: { url: `${BASE}library.html` }, frameId: 0 };
    expect(await handleMessage(msg('tags.list', {}), tab, repo)).toEqual({ ok: true, value: [] });
  });

  it('turns a storage failure into a fail Result', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: Repository = {
      ...repo,
      forPage: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const reply = await handleMessage(msg('annotations.forPage', { url: PAGE }), content, broken);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/annotations\.forPage.*QuotaExceededError/) });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe('the policy table', () => {
  it('lists every request type of the protocol', () => {
    const types: Record<keyof BackgroundRequests, true> = {
      'annotations.forPage': true,
      'annotation.create': true,
      'annotation.update': true,
      'annotation.delete': true,
      'anchoring.report': true,
      'tags.list': true,
      'bundle.load': true,
      'page.get': true,
      'search.query': true,
      'annotation.open': true,
    };
    expect(Object.keys(ALLOWED_SENDERS).sort()).toEqual(Object.keys(types).sort());
  });
});

describe('bundle.load', () => {
  const inTab = (frameId: number): SenderInfo => ({ ...content, tab: { id: 7, url: PAGE }, frameId, url: PAGE });

  it('injects a known bundle into the content script’s own tab and frame', async () => {
    const loadBundle = vi.fn().mockResolvedValue({ ok: true, value: null });
    const open = vi.fn();
    expect(await handleMessage(msg('bundle.load', { bundle: 'ui' }), inTab(0), repo, { open, loadBundle })).toEqual({ ok: true, value: null });
    expect(loadBundle).toHaveBeenCalledWith('ui', { tabId: 7, frameId: 0 });
  });

  it('is refused to extension pages, for unknown bundles or extra keys, and without a tab to inject into', async () => {
    const loadBundle = vi.fn();
    const open = vi.fn();
    const cases: [unknown, SenderInfo][] = [
      [{ bundle: 'ui' }, popup],
      [{ bundle: '../../evil' }, inTab(0)],
      [{ bundle: 'ui', files: ['/x.js'] }, inTab(0)],
      [{ bundle: 'ui' }, content],
    ];
    for (const [payload, sender] of cases) {
      expect(await handleMessage(msg('bundle.load', payload), sender, repo, { open, loadBundle })).toMatchObject({ ok: false });
    }
    expect(loadBundle).not.toHaveBeenCalled();
  });
});
