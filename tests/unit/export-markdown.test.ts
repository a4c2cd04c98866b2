import { describe, expect, it } from 'vitest';
import type { Annotation, PageMeta } from '@/src/core/model';
import { markdownChunks, toMarkdown, type ExportMeta } from '@/src/core/export';
import { escapeMarkdownInline, escapeMarkdownLine } from '@/src/core/export/markdown-escape';
import { generate } from '../fixtures/import/generate';

const meta: ExportMeta = { generated: Date.UTC(2026, 10, 27, 9, 30), scope: { kind: 'all' }, appVersion: '0.1.0' };
const story = 'https://news.example.com/story';
const other = 'https://www.citypaper.example/budget';
const make = (over: Partial<Annotation>): Annotation => ({
  id: '3f1d2c4b-8a9e-4f60-b1d2-6c7e8f9a0b1c',
  url: story,
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags: [],
  quote: { type: 'TextQuoteSelector', exact: 'quoted', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 6 },
  orphan: false,
  created: 0,
  updated: 0,
  ...over,
});
const quoted = (exact: string): Annotation['quote'] => ({ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' });
const at = (start: number): Annotation['position'] => ({ type: 'TextPositionSelector', start, end: start + 6 });
const pages = new Map<string, PageMeta>([
  [story, { url: story, title: 'Ferry returns', siteName: 'Example News', publishedTime: '2026-11-19', byline: 'By T. Novak', updated: 0 }],
]);

/** True when every markup character in `md` is backslash-escaped. */
const allEscaped = (md: string, chars = '[]<>`*_#|~\\') =>
  [...md.matchAll(/\\*./gsu)].every(([run]) => {
    const ch = run.at(-1)!;
    const slashes = run.length - 1;
    // A run of backslashes alone (at the end of the text) must pair up.
    if (ch === '\\') return run.length % 2 === 0;
    return !chars.includes(ch) || slashes % 2 === 1;
  });

describe('Markdown escaping', () => {
  it('turns would-be links, images, HTML and autolinks into text', () => {
    expect(escapeMarkdownLine('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(escapeMarkdownLine('![x](https://tracker.example/p.gif)')).toBe('!\\[x\\](https://tracker.example/p.gif)');
    expect(escapeMarkdownLine('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdownLine('<https://evil.example>')).toBe('\\<https://evil.example\\>');
    expect(escapeMarkdownLine('&lt;script&gt; AT&T')).toBe('\\&lt;script\\&gt; AT&T');
  });

  it('escapes emphasis, code, tables, strikethrough and tags', () => {
    expect(escapeMarkdownLine('*a* _b_ `c` | d | ~~e~~ #tag \\')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\| d \\| \\~\\~e\\~\\~ \\#tag \\\\');
  });

  it('escapes markers that only count at the start of a line', () => {
    expect(escapeMarkdownLine('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdownLine('- item')).toBe('\\- item');
    expect(escapeMarkdownLine('+ item')).toBe('\\+ item');
    expect(escapeMarkdownLine('===')).toBe('\\===');
    expect(escapeMarkdownLine('2026. A year')).toBe('2026\\. A year');
    expect(escapeMarkdownLine('3) third')).toBe('3\\) third');
    expect(escapeMarkdownLine('> quote')).toBe('\\> quote');
    expect(escapeMarkdownLine('    code block')).toBe('code block');
    expect(escapeMarkdownLine('```js')).toBe('\\`\\`\\`js');
    expect(escapeMarkdownLine('a - b 1. c')).toBe('a - b 1. c');
  });

  it('keeps inline text on one line', () => {
    expect(escapeMarkdownInline('  Two\nlines  [x] ')).toBe('Two lines \\[x\\]');
  });
});

describe('toMarkdown', () => {
  it('groups by page: heading, link, site, date and byline, then each highlight as a blockquote', () => {
    const md = toMarkdown(
      [
        make({ position: at(50), quote: quoted('second\npara'), note: 'My note', tags: ['ice', 'chicago'] }),
        make({ url: other, kind: 'quote', speaker: 'Ana Ruiz', quote: quoted('We will not') }),
        make({ position: at(1) }),
      ],
      pages,
      meta,
    );
    expect(md).toBe(
      [
        '# Marginalia: all notes',
        '',
        'Exported 2026-11-27 09:30 UTC · 3 highlights on 2 pages',
        '',
        '## Ferry returns',
        '',
        '<https://news.example.com/story> · Example News · 2026-11-19 · By T. Novak',
        '',
        '> quoted',
        '',
        '> second',
        '> para',
        '',
        'My note',
        '',
        'Tags: ice, chicago',
        '',
        '## citypaper.example',
        '',
        '<https://www.citypaper.example/budget> · citypaper.example',
        '',
        '> We will not',
        '',
        '— Ana Ruiz',
        '',
        '',
      ].join('\n'),
    );
  });

  it('cannot be made to inject links or HTML by a note, quote, title or tag', () => {
    const evil = '[x](javascript:alert(1)) <script>alert(1)</script> ![i](https://t.example/p) <https://e.example>';
    const md = toMarkdown(
      [make({ note: `${evil}\n# not a heading\n- not a list`, tags: [evil.slice(0, 40)], quote: quoted(evil) })],
      new Map([[story, { url: story, title: evil, siteName: evil, byline: evil, updated: 0 }]]),
      { ...meta, scope: { kind: 'search', query: evil } },
    );
    const withoutOurLink = md.replace('<https://news.example.com/story>', '');
    expect(allEscaped(withoutOurLink.replace(/^(#|##) /gm, '').replace(/^> /gm, ''))).toBe(true);
    expect(md).not.toMatch(/^(#|-) not/m);
  });

  it('escapes varied generated text everywhere', () => {
    const { annotations, pages: generated } = generate(200, 3);
    const chunks = [...markdownChunks(annotations, generated, meta)];
    const md = chunks.join('');
    expect(chunks.length).toBe(1 + new Set(annotations.map((a) => a.url)).size);
    const body = md.replace(/<https:\/\/[^>\s]+>/g, '').replace(/^#{1,2} /gm, '').replace(/^> ?/gm, '');
    expect(allEscaped(body)).toBe(true);
  });
});
