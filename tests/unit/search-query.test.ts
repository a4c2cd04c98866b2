// The query parser: words, phrases, filters, accents, and input it cannot use.
import { describe, expect, it } from 'vitest';
import { filterValue, isEmptyQuery, MAX_QUERY_LENGTH, MAX_TERMS, parseQuery } from '@/src/core/search/query';

describe('words', () => {
  it('folds words and drops duplicates', () => {
    expect(parseQuery('Immig  PRITZKER immig').words).toEqual(['immig', 'pritzker']);
    expect(parseQuery('Élection').words).toEqual(['election']);
  });

  it('reads an empty or punctuation-only query as empty', () => {
    for (const text of ['', '   ', '!!! ... ???', '"', '""', 'tag:', '— …']) {
      const q = parseQuery(text);
      expect(isEmptyQuery(q), text).toBe(true);
    }
  });
});

describe('phrases', () => {
  it('reads quoted text as a phrase of whole words, straight or curly quotes', () => {
    expect(parseQuery('"Back off" now').phrases).toEqual([['back', 'off']]);
    expect(parseQuery('“back off”').phrases).toEqual([['back', 'off']]);
    expect(parseQuery('"back off" now').words).toEqual(['now']);
  });

  it('takes an unclosed quote as a phrase still being typed', () => {
    expect(parseQuery('"back of').phrases).toEqual([['back', 'of']]);
  });
});

describe('filters', () => {
  it('reads each kind of filter', () => {
    const q = parseQuery('tag:ICE site:www.NBCChicago.com kind:quote color:yellow is:orphan mayor');
    expect(q.filters).toEqual([
      { field: 'tag', value: 'ice', exact: false },
      { field: 'site', value: 'nbcchicago.com', exact: false },
      { field: 'kind', value: 'quote', exact: false },
      { field: 'color', value: 'yellow', exact: false },
      { field: 'is', value: 'orphan', exact: false },
    ]);
    expect(q.words).toEqual(['mayor']);
    expect(q.notices).toEqual([]);
  });

  it('takes a quoted value as exact, with spaces and accents folded', () => {
    expect(parseQuery('tag:"Chicago  Politics"').filters).toEqual([{ field: 'tag', value: 'chicago politics', exact: true }]);
    expect(parseQuery('tag:"Élection').filters).toEqual([{ field: 'tag', value: 'election', exact: false }]);
    expect(parseQuery('site:"Valley Sentinel"').filters).toEqual([{ field: 'site', value: 'valley sentinel', exact: true }]);
  });

  it('accepts a prefix of a closed value while it is typed, and the colour spelling', () => {
    expect(parseQuery('color:p').filters).toEqual([{ field: 'color', value: 'p', exact: false }]);
    expect(parseQuery('colour:blue').filters).toEqual([{ field: 'color', value: 'blue', exact: false }]);
  });

  it('reads a site from a pasted URL', () => {
    expect(filterValue('site', 'https://www.nbcchicago.com/news/local/x')).toBe('nbcchicago.com');
    expect(filterValue('site', 'nbcchicago.com/news')).toBe('nbcchicago.com');
  });

  it('searches an unknown filter as words, with a hint', () => {
    const q = parseQuery('author:smith budget');
    expect(q.filters).toEqual([]);
    expect(q.words).toEqual(['author', 'smith', 'budget']);
    expect(q.notices.join(' ')).toMatch(/“author:” is not a filter.*tag:/);
  });

  it('searches a bad value of a closed filter as words, with the values it takes', () => {
    const q = parseQuery('color:mauve');
    expect(q.filters).toEqual([]);
    expect(q.words).toEqual(['mauve']);
    expect(q.notices.join(' ')).toMatch(/No color “mauve”.*color:yellow/);
  });

  it('does not take times or URLs for filters', () => {
    const q = parseQuery('10:30 https://example.com/a');
    expect(q.filters).toEqual([]);
    expect(q.notices).toEqual([]);
    expect(q.words).toEqual(['10', '30', 'https', 'example', 'com', 'a']);
  });
});

describe('bounds', () => {
  it('cuts a 10,000-character paste quickly and says so', () => {
    const paste = 'immigration policy élection '.repeat(400).slice(0, 10_000);
    const start = performance.now();
    const q = parseQuery(paste);
    expect(performance.now() - start).toBeLessThan(50);
    expect(q.notices.join(' ')).toContain(`first ${MAX_QUERY_LENGTH} characters`);
    expect(q.words).toEqual(['immigration', 'policy', 'election']);
  });

  it('keeps at most MAX_TERMS terms, filters first', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    const q = parseQuery(`${words} tag:ice`);
    expect(q.words.length + q.phrases.length + q.filters.length).toBe(MAX_TERMS);
    expect(q.filters).toHaveLength(1);
    expect(q.notices.join(' ')).toContain(`first ${MAX_TERMS} terms`);
  });

  it('never throws on odd input', () => {
    for (const text of ['::::', 'tag:"', '"""', 'a:b:c:d', '\u0000\uffff', 'site://', 'is:', '🙂 tag:🙂', 'x'.repeat(100_000)]) {
      expect(() => parseQuery(text), text.slice(0, 20)).not.toThrow();
    }
  });
});
