import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/src/core/model';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_DEPTH,
  MAX_PROBLEMS_SHOWN,
  parseImport,
  sizeProblem,
  toAnnotationCollection,
  type ImportParse,
} from '@/src/core/export';
import { tooDeepAt } from '@/src/core/export/json-guard';
import { parseIsoDateTime } from '@/src/core/export/iso-time';
import { IMPORT_NAMESPACE, URL_NAMESPACE, uuidV5 } from '@/src/core/export/uuid-v5';
import { generate } from '../fixtures/import/generate';

const NOW = Date.UTC(2026, 10, 27);
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../fixtures/import', name), 'utf8');
const parse = (value: unknown) => parseImport(typeof value === 'string' ? value : JSON.stringify(value), { now: NOW });

function ok(result: ImportParse) {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}
function refused(result: ImportParse) {
  if (result.ok) throw new Error('imported what should have been refused');
  return result;
}

/** A minimal valid W3C annotation from another tool; tests change one thing at a time. */
const foreign = (over: Record<string, unknown> = {}) => ({
  id: 'https://tool.example/a/1',
  type: 'Annotation',
  created: '2025-01-01T00:00:00Z',
  target: { source: 'https://site.example/page', selector: { type: 'TextQuoteSelector', exact: 'words' } },
  ...over,
});

/** A target on a test page with the given selector (one or a list). */
const on = (selector: unknown, source: unknown = 'https://s.example/') => ({ target: { source, selector } });
const quote = (exact: unknown, more: Record<string, unknown> = {}) => ({ type: 'TextQuoteSelector', exact, ...more });
const position = (start: unknown, end: unknown) => ({ type: 'TextPositionSelector', start, end });

describe('parseImport: other tools’ W3C Web Annotations', () => {
  it('reads a collection with first.items: target and selector lists, tags, offsets and microseconds', () => {
    const result = ok(parse(fixture('w3c-collection-first-items.json')));
    expect(result.items).toHaveLength(2);
    const [first, second] = result.items.map((i) => i.annotation);
    expect(first).toMatchObject({
      url: 'https://www.example.org/science/warming-study?a=1&b=2',
      note: 'Check the *original* source.',
      tags: ['climate', 'sources'],
      color: 'yellow',
      kind: 'highlight',
      orphan: false,
      position: { type: 'TextPositionSelector', start: 812, end: 871 },
      created: Date.UTC(2025, 2, 1, 10, 0, 0, 123),
      updated: Date.UTC(2025, 2, 2, 10, 30, 0, 654),
    });
    // Context beyond our 32 characters is cut at its far end, and the reader is told.
    expect(first!.quote.prefix).toBe('ublished on Tuesday, found that ');
    expect(first!.quote.suffix).toBe(' studied, with the steepest rise');
    expect(result.warnings).toEqual(['Quote context longer than the 32 characters kept was shortened in 2 places.']);
    // No position in the file: an empty one, so anchoring searches for the quote.
    expect(second!.position).toEqual({ type: 'TextPositionSelector', start: 0, end: 0 });
    expect(second!.note).toBe('');
  });

  it('reads a single annotation with a text body and a selector object', () => {
    const [item] = ok(parse(fixture('w3c-single.json'))).items;
    expect(item!.annotation).toMatchObject({ note: 'A plain-text note given as the body itself.', url: 'http://example.com/blog/post-1' });
    expect(item!.page).toBeUndefined();
  });

  it('reads a list: bodyValue, source as a resource object, oa: types, tagging motivation', () => {
    const [a, b] = ok(parse(fixture('w3c-array.json'))).items.map((i) => i.annotation);
    expect(a).toMatchObject({
      id: '6f9619ff-8b86-4d01-b42d-00cf4fc964ff',
      note: 'Note given as bodyValue.',
      url: 'https://example.net/report.html',
    });
    expect(a!.created).toBe(a!.updated);
    expect(b).toMatchObject({ tags: ['finance'], note: '', created: Date.UTC(2025, 5, 11, 14) });
  });

  it('reads a collection with items directly; several text bodies become one note; links are not text', () => {
    const [item] = ok(parse(fixture('w3c-collection-items.json'))).items;
    expect(item!.annotation.note).toBe('First paragraph.\n\nSecond paragraph.');
  });

  it('gives ids that are not UUIDs a stable name-based UUID, so a second import matches the first', () => {
    const first = ok(parse(fixture('w3c-collection-first-items.json'))).items.map((i) => i.annotation.id);
    const again = ok(parse(fixture('w3c-collection-first-items.json'))).items.map((i) => i.annotation.id);
    expect(again).toEqual(first);
    expect(first[0]).toBe(uuidV5('https://annotations.example.org/a/Yx3kP9', IMPORT_NAMESPACE));
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(first).size).toBe(2);
  });

  it('accepts a byte order mark before the JSON', () => {
    expect(ok(parse('\uFEFF' + fixture('w3c-single.json'))).items).toHaveLength(1);
  });

  it('imports an empty collection as nothing', () => {
    expect(ok(parse({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } })).items).toEqual([]);
    expect(ok(parse([])).items).toEqual([]);
  });
});

describe('parseImport: refusals', () => {
  it('refuses the whole file when any annotation is invalid, naming the first problems by JSON path', () => {
    const result = refused(parse(fixture('invalid-mixed.json')));
    expect(result.invalid).toBe(5);
    expect(result.problems).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(result.problems).toEqual([
      { path: 'first.items[1].target.source', message: 'must be an http(s) or file URL' },
      { path: 'first.items[2].target', message: expect.stringContaining('no TextQuoteSelector') },
      { path: 'first.items[3].created', message: expect.stringContaining('ISO 8601') },
      { path: 'first.items[4].target.selector[0].exact', message: expect.stringContaining('expected string') },
      { path: 'first.items[5].created', message: expect.stringContaining('ISO 8601') },
    ]);
    expect(result.message).toMatch(
      /^Nothing was imported: 5 of 6 annotations in the file are invalid, and a file is imported whole or not at all\./,
    );
    expect(result.message).toContain('• first.items[1].target.source: must be an http(s) or file URL');
    expect(result.message).toContain('…and 1 more problem.');
  });

  it('refuses what is not JSON, or not annotations', () => {
    expect(refused(parse('')).problems[0]!.message).toMatch(/^The file is not JSON/);
    expect(refused(parse('{"items": [')).problems[0]!.message).toMatch(/^The file is not JSON/);
    expect(refused(parse('<html></html>')).problems[0]!.message).toMatch(/^The file is not JSON/);
    for (const value of ['42', '"text"', 'null', '{}', '{"type": "Person"}'])
      expect(refused(parse(value)).problems[0]!.message).toMatch(/not a Web Annotation/);
    expect(refused(parse({ type: 'AnnotationCollection', first: 'https://server.example/page1' })).problems[0]).toEqual({
      path: 'first',
      message: expect.stringContaining('not in the file'),
    });
    expect(refused(parse({ type: 'AnnotationCollection', items: {} })).problems[0]).toEqual({
      path: 'items',
      message: 'must be a list of annotations',
    });
    expect(refused(parse([1])).problems[0]).toEqual({ path: '[0]', message: 'must be an annotation (a JSON object)' });
  });

  it('refuses a file from a newer format version', () => {
    const result = refused(parse({ type: 'AnnotationCollection', marginalia: { formatVersion: 99 }, first: { items: [] } }));
    expect(result.problems[0]!.message).toMatch(/newer version of Marginalia/);
  });

  it.each([
    ['a missing type', { type: undefined }, '[0].type'],
    ['a missing id', { id: undefined }, '[0].id'],
    ['an empty id', { id: '' }, '[0].id'],
    ['no dates at all', { created: undefined }, '[0]'],
    ['a date that is not a date', { created: 'yesterday' }, '[0].created'],
    ['a date as a number', { created: 1735689600000 }, '[0].created'],
    ['a date without a zone', { created: '2025-01-01T00:00:00' }, '[0].created'],
    ['an impossible date', { modified: '2025-02-29T00:00:00Z' }, '[0].modified'],
    ['a date in the future', { modified: '2099-01-01T00:00:00Z' }, '[0].modified'],
    ['no target', { target: undefined }, '[0].target'],
    ['a target without selectors', { target: { source: 'https://site.example/page' } }, '[0].target'],
    ['only other selectors', on([{ type: 'CssSelector', value: 'p' }]), '[0].target'],
    ['a javascript: URL', on(quote('w'), 'javascript:alert(1)'), '[0].target.source'],
    ['a data: URL', on(quote('w'), 'data:text/html,<script>'), '[0].target.source'],
    ['a source that is a number', on(quote('w'), 7), '[0].target.source'],
    ['an empty quote', on(quote('')), '[0].target.selector.exact'],
    ['a quote over the limit', on(quote('x'.repeat(LIMITS.quote + 1))), '[0].target.selector.exact'],
    ['a prefix of the wrong type', on(quote('w', { prefix: ['x'] })), '[0].target.selector.prefix'],
    [
      'a position that ends before it starts',
      on([quote('w'), position(9, 2)]),
      '[0].target.selector[1].end',
    ],
    [
      'a position that is not an integer',
      on([quote('w'), position(1.5, 2)]),
      '[0].target.selector[1].start',
    ],
    ['a note over the limit', { bodyValue: 'n'.repeat(LIMITS.note + 1) }, '[0].bodyValue'],
    ['a body that is a number', { body: 5 }, '[0].body'],
    ['a body value that is not text', { body: [{ type: 'TextualBody', value: { html: '<b>' } }] }, '[0].body[0].value'],
    ['an unknown colour', { marginalia: { color: 'red' } }, '[0].marginalia.color'],
    ['an unknown kind', { marginalia: { kind: 'script' } }, '[0].marginalia.kind'],
    ['an orphan flag that is not a boolean', { marginalia: { orphan: 'yes' } }, '[0].marginalia.orphan'],
    ['a speaker over the limit', { marginalia: { speaker: 's'.repeat(LIMITS.pageField + 1) } }, '[0].marginalia.speaker'],
    ['a page title over the limit', { marginalia: { page: { title: 't'.repeat(LIMITS.pageField + 1) } } }, '[0].marginalia.page.title'],
    ['an extension that is not an object', { marginalia: 'x' }, '[0].marginalia'],
  ])('refuses %s', (_, change, where) => {
    const result = refused(parse([foreign(change)]));
    expect(result.problems.map((p) => p.path)).toContain(where);
    expect(result.invalid).toBe(1);
  });

  it('refuses a file over MAX_IMPORT_BYTES before parsing it', () => {
    expect(sizeProblem(200 * 1024 * 1024)).toBe('The file is too large to import (200 MB; the limit is 150 MB).');
    expect(sizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    const huge = ' '.repeat(MAX_IMPORT_BYTES + 1);
    const started = performance.now();
    expect(refused(parseImport(huge)).message).toMatch(/too large/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses nesting deeper than MAX_IMPORT_DEPTH before JSON.parse', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(refused(parse(deep)).message).toMatch(`nests deeper than ${MAX_IMPORT_DEPTH} levels (at character 64)`);
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(tooDeepAt(nested(MAX_IMPORT_DEPTH))).toBe(-1);
    expect(tooDeepAt(nested(MAX_IMPORT_DEPTH + 1))).toBe(MAX_IMPORT_DEPTH);
    const deepInNote = JSON.stringify([foreign({ bodyValue: '[{'.repeat(5_000) })]);
    expect(ok(parse(deepInNote)).items).toHaveLength(1);
  });

  it('counts brackets outside strings only, escaped quotes included', () => {
    expect(tooDeepAt('["\\"[[[", "\\\\", [[1]]]', 3)).toBe(-1);
    expect(tooDeepAt('["\\\\", [[1]]]', 2)).toBe(13 - 5);
    expect(tooDeepAt('["unterminated [[[[', 1)).toBe(-1);
  });

  it('stops listing problems after a few, and says how many annotations are invalid', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => foreign({ id: `x${i}`, created: 'bad' }));
    const result = refused(parse(items));
    expect(result.invalid).toBe(10_000);
    expect(result.problems).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(result.message.split('\n')).toHaveLength(1 + MAX_PROBLEMS_SHOWN + 1);
  });
});

describe('parseImport: text is stored as text', () => {
  it('removes control characters but tab and newline, turns CR LF into LF and mends lone surrogates', () => {
    const result = ok(
      parse([
        foreign({
          bodyValue: 'a\u0000b\u0007c\u001bd\u0085e\r\nf\rg\th\ud800i',
          body: [{ type: 'TextualBody', purpose: 'tagging', value: 'ta\u0000g' }],
          target: { source: 'https://s.example/', selector: { type: 'TextQuoteSelector', exact: 'w\u0001x', prefix: 'p\u0002' } },
          marginalia: { speaker: 'S\u009bpeaker', page: { title: 'T\u007fitle' } },
        }),
      ]),
    );
    const [{ annotation, page }] = result.items as [(typeof result.items)[number]];
    expect(annotation.note).toBe('abcde\nf\ng\th\uFFFDi');
    expect(annotation.tags).toEqual(['tag']);
    expect(annotation.quote).toEqual({ type: 'TextQuoteSelector', exact: 'wx', prefix: 'p', suffix: '' });
    expect(annotation.speaker).toBe('Speaker');
    expect(page).toEqual({ title: 'Title' });
    expect(result.warnings).toEqual(['Control characters were removed from 6 texts.']);
  });

  it('refuses a quote that was nothing but control characters', () => {
    const result = refused(parse([foreign(on(quote('\u0001\u0002')))]));
    expect(result.problems).toEqual([{ path: '[0].target.selector.exact', message: 'the quoted text is empty' }]);
  });

  it('keeps script-like text as inert text, and normalises URLs and tags', () => {
    const script = '<script>alert(1)</script> =HYPERLINK("x") [x](javascript:alert(1))';
    const [item] = ok(
      parse([
        foreign({
          bodyValue: script,
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: '  Chicago   Politics ' },
            { type: 'TextualBody', purpose: ['tagging'], value: 'chicago politics' },
            { type: 'TextualBody', purpose: 'tagging', value: 'x'.repeat(100) },
          ],
          ...on(quote(script), 'HTTPS://WWW.Site.Example:443/a?utm_source=x&z=1&a=2#frag'),
        }),
      ]),
    ).items;
    expect(item!.annotation.note).toBe(script);
    expect(item!.annotation.quote.exact).toBe(script);
    expect(item!.annotation.url).toBe('https://www.site.example/a?a=2&z=1');
    expect(item!.annotation.tags).toEqual(['Chicago Politics', 'x'.repeat(LIMITS.tag)]);
  });

  it('ignores __proto__ keys instead of following them', () => {
    const hostile = '"type":"Annotation","__proto__":{"polluted":true},"marginalia":{"__proto__":{"color":"red"}}';
    const text = JSON.stringify([foreign()]).replace('"type":"Annotation"', hostile);
    const [item] = ok(parse(text)).items;
    expect(item!.annotation.color).toBe('yellow');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('dates and name-based ids', () => {
  it('reads RFC 3339 date-times strictly', () => {
    expect(parseIsoDateTime('2026-11-27T09:30:00.123Z')).toBe(Date.UTC(2026, 10, 27, 9, 30, 0, 123));
    expect(parseIsoDateTime('2026-11-27T09:30:00.123456789+02:00')).toBe(Date.UTC(2026, 10, 27, 7, 30, 0, 123));
    expect(parseIsoDateTime('2026-11-27t09:30:00z')).toBe(Date.UTC(2026, 10, 27, 9, 30));
    expect(parseIsoDateTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDateTime('0099-01-01T00:00:00Z')).toBe(new Date('0099-01-01T00:00:00Z').getTime());
    const bad = ['2026-11-27', '2026-11-27T09:30:00', '2023-02-29T00:00:00Z', '2026-13-01T00:00:00Z'];
    bad.push('2026-11-27T24:00:00Z', 'Nov 27 2026', ' 2026-11-27T09:30:00Z');
    for (const text of bad) expect(parseIsoDateTime(text), text).toBeNull();
  });

  it('makes RFC 9562 version 5 UUIDs', () => {
    // The RFC's DNS namespace example.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('https://marginalia.invalid/ns#import', URL_NAMESPACE)).toBe(IMPORT_NAMESPACE);
    expect(uuidV5('é'.repeat(100), IMPORT_NAMESPACE)).not.toBe(uuidV5('e'.repeat(100), IMPORT_NAMESPACE));
  });

  it('round-trips the times we write, to the millisecond', () => {
    const { annotations, pages } = generate(50, 9);
    const doc = toAnnotationCollection(annotations, pages, { generated: NOW, scope: { kind: 'all' }, appVersion: 't' });
    const parsed = ok(parse(doc)).items.map((i) => [i.annotation.created, i.annotation.updated]);
    expect(parsed).toEqual(annotations.map((a) => [a.created, a.updated]));
  });
});
