// Search documents, matching and ranking (pure): which fields a term is found in, the order of
// results, the marks shown on matched words.
import { describe, expect, it } from 'vitest';
import type { Annotation, PageMeta } from '@/src/core/model';
import { buildSearchDoc, KEY_SLOTS, keyFitsTime, preferredSlot, searchKey, siteValues } from '@/src/core/search/document';
import { markMatches } from '@/src/core/search/mark';
import { parseQuery } from '@/src/core/search/query';
import { maxScore, scanSearch, scoreDoc } from '@/src/core/search/rank';

const PAGE = 'https://www.nbcchicago.com/news/local/ice-raids';
const page: Pick<PageMeta, 'title' | 'siteName'> = { title: 'Pritzker vows to fight ICE raids', siteName: 'NBC Chicago' };

let n = 0;
function annotation(over: Partial<Annotation> = {}): Annotation {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    url: PAGE,
    kind: 'highlight',
    color: 'yellow',
    note: '',
    tags: [],
    quote: { type: 'TextQuoteSelector', exact: 'Federal agents should back off from schools.', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 10 },
    orphan: false,
    created: 1_000 + n,
    updated: 1_000 + n,
    ...over,
  };
}

const score = (a: Annotation, query: string, p = page) => scoreDoc(buildSearchDoc(a, p), parseQuery(query));

describe('search documents', () => {
  it('index every field’s words and the filter values', () => {
    const doc = buildSearchDoc(annotation({ note: 'Check the élection date', tags: ['ICE', 'Chicago politics'], kind: 'quote', orphan: true }), page);
    const words = `${doc.body} ${doc.meta}`.split(' ').filter((w) => w !== '' && w !== '|');
    expect(words).toEqual(expect.arrayContaining(['federal', 'schools', 'check', 'election', 'ice', 'chicago', 'politics', 'pritzker', 'nbc', 'nbcchicago']));
    expect(words).not.toContain('com');
    expect(doc.facets).toEqual(expect.arrayContaining(['kind:quote', 'color:yellow', 'tag:ice', 'tag:chicago politics', 'site:nbcchicago.com', 'site:nbc chicago', 'site:nbcchicago', 'is:orphan']));
  });

  it('are keyed newest first, with a slot for annotations of the same millisecond', () => {
    const older = buildSearchDoc(annotation({ created: 5 }), page);
    const newer = buildSearchDoc(annotation({ created: 1_700_000_000_000 }), page);
    expect(newer.key).toBeLessThan(older.key);
    expect(searchKey(1_000, 0)).toBeLessThan(searchKey(999, KEY_SLOTS - 1));
    expect(keyFitsTime(searchKey(1_000, 17), 1_000)).toBe(true);
    expect(keyFitsTime(searchKey(1_000, 17), 1_001)).toBe(false);
    // Times out of range give safe integers; a far-future time is bounded.
    for (const time of [-5, Number.NaN, Infinity, 1e20]) expect(Number.isSafeInteger(searchKey(time, KEY_SLOTS - 1))).toBe(true);
    const slot = preferredSlot(older.id);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(slot).toBeLessThan(KEY_SLOTS);
  });

  it('take site values from the host, its parent domains and the site name', () => {
    expect(siteValues('https://news.bbc.co.uk/a', 'BBC News')).toEqual(['news.bbc.co.uk', 'bbc.co.uk', 'co.uk', 'bbc news', 'bbcnews']);
    expect(siteValues('http://127.0.0.1:8080/a', undefined)).toEqual(['127.0.0.1']);
  });
});

describe('matching', () => {
  it('matches words by prefix, in any field, ignoring case and accents', () => {
    expect(score(annotation(), 'sch')).toBeGreaterThan(0);
    expect(score(annotation({ note: 'Élection day' }), 'election')).toBeGreaterThan(0);
    expect(score(annotation(), 'PRITZKER')).toBeGreaterThan(0);
    expect(score(annotation(), 'chools')).toBe(-1);
  });

  it('needs every word, each in any field', () => {
    const a = annotation({ tags: ['immigration'] });
    expect(score(a, 'immig pritzker agents')).toBeGreaterThan(0);
    expect(score(a, 'immig mayor')).toBe(-1);
  });

  it('matches a phrase as consecutive whole words within one field', () => {
    const a = annotation({ note: 'off the record' });
    expect(score(a, '"back off"')).toBeGreaterThan(0);
    expect(score(a, '"back of"')).toBe(-1);
    expect(score(a, '"off back"')).toBe(-1);
    // The highlight ends with "schools", the note starts with "off": not one phrase.
    expect(score(a, '"schools off"')).toBe(-1);
  });

  it('applies filters', () => {
    const a = annotation({ tags: ['ICE'], kind: 'quote', color: 'pink' });
    expect(score(a, 'tag:ice')).toBe(0);
    expect(score(a, 'tag:budget')).toBe(-1);
    expect(score(a, 'site:nbcchicago.com agents')).toBeGreaterThan(0);
    expect(score(a, 'site:chicago.com')).toBe(-1);
    expect(score(a, 'site:"nbc chicago"')).toBe(0);
    expect(score(a, 'kind:quote color:pink')).toBe(0);
    expect(score(a, 'color:yellow')).toBe(-1);
    expect(score(a, 'is:orphan')).toBe(-1);
    expect(score(annotation({ orphan: true }), 'is:orphan')).toBe(0);
    // Prefix unless quoted.
    expect(score(annotation({ tags: ['icebergs'] }), 'tag:ice')).toBe(0);
    expect(score(annotation({ tags: ['icebergs'] }), 'tag:"ice"')).toBe(-1);
  });
});

describe('ranking', () => {
  it('puts matches in the highlight and note above matches in the title, then newest first', () => {
    const inTitleNew = annotation({ created: 9_000, quote: { type: 'TextQuoteSelector', exact: 'Nothing here', prefix: '', suffix: '' } });
    const inNoteOld = annotation({ created: 1_000, note: 'Pritzker again' });
    const inTextMid = annotation({ created: 5_000, quote: { type: 'TextQuoteSelector', exact: 'Pritzker said', prefix: '', suffix: '' } });
    const inTextNew = annotation({ created: 8_000, quote: { type: 'TextQuoteSelector', exact: 'said Pritzker', prefix: '', suffix: '' } });
    const docs = [inTitleNew, inNoteOld, inTextMid, inTextNew].map((a) => buildSearchDoc(a, page));
    const { hits, more } = scanSearch(docs, parseQuery('pritzker'), 10);
    expect(hits.map((h) => h.id)).toEqual([inTextNew.id, inTextMid.id, inNoteOld.id, inTitleNew.id]);
    expect(more).toBe(false);
    expect(hits[0]!.score).toBe(maxScore(parseQuery('pritzker')));
  });

  it('ranks a document with more terms in the body above one with fewer', () => {
    const both = annotation({ created: 1, note: 'pritzker and raids' });
    const one = annotation({ created: 2, note: 'pritzker only' });
    const { hits } = scanSearch([one, both].map((a) => buildSearchDoc(a, page)), parseQuery('pritzker raids'), 10);
    expect(hits.map((h) => h.id)).toEqual([both.id, one.id]);
  });

  it('returns the best `limit` and says there are more', () => {
    const docs = Array.from({ length: 5 }, () => buildSearchDoc(annotation(), page));
    const { hits, more } = scanSearch(docs, parseQuery('agents'), 3);
    expect(hits).toHaveLength(3);
    expect(more).toBe(true);
  });
});

describe('marking matches', () => {
  it('marks whole words that match a prefix or a phrase word, accents ignored', () => {
    const pieces = markMatches('The Élection in Chicago, élections again', parseQuery('elect "in chicago"'));
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['Élection', 'in', 'Chicago', 'élections']);
    expect(pieces.map((p) => p.text).join('')).toBe('The Élection in Chicago, élections again');
  });

  it('shows a window around the first match of a long text', () => {
    const text = `${'filler words here '.repeat(100)}the Pritzker quote ${'more filler '.repeat(100)}`;
    const pieces = markMatches(text, parseQuery('pritzker'), 120);
    const shown = pieces.map((p) => p.text).join('');
    expect(shown.length).toBeLessThanOrEqual(124);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(pieces.some((p) => p.marked && p.text === 'Pritzker')).toBe(true);
  });

  it('marks nothing for an empty query', () => {
    expect(markMatches('Some text', parseQuery(''))).toEqual([{ text: 'Some text', marked: false }]);
  });
});
