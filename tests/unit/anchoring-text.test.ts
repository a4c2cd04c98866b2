/** @vitest-environment happy-dom */
/**
 * The text index (the offsets every selector counts in) and `describe`, on small pages whose text
 * can be checked by eye, and exhaustively over every pair of offsets.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { anchor, buildTextIndex, describe as describeRange } from '@/src/core/anchoring';
import { collapseWhitespace, isSpace, normalize, trimOffsets } from '@/src/core/anchoring/whitespace';

const PAGE = `
<nav><a href="/">Home</a></nav>
<article>
  <h1>Ferry cut</h1>
  <p>The <em>first</em> boat leaves at 8.40.</p>
  <script>var hidden = "script text";</script>
  <style>p { color: red }</style>
  <noscript>Turn on scripts</noscript>
  <textarea>typed text</textarea>
  <div data-marginalia-ui="host"><span>our toolbar</span></div>
  <ul><li>One</li><li>Two</li></ul>
  <table><tr><td>A1</td><td>B1</td></tr><tr><td>A2</td><td>B2</td></tr></table>
</article>`;

beforeEach(() => {
  document.body.innerHTML = PAGE;
});

/** The text a reader sees, built by hand from PAGE: what the index must produce. */
const EXPECTED_TEXT =
  '\nHome\n\n  Ferry cut\n  The first boat leaves at 8.40.\n  \n  \n  \n  \n  \n  OneTwo\n  A1B1A2B2\n';

describe('buildTextIndex', () => {
  it("concatenates the root's text, leaving out scripts, styles, form fields and our own UI", () => {
    const index = buildTextIndex(document.body);
    expect(index.text).toBe(EXPECTED_TEXT);
    for (const hidden of ['script text', 'color: red', 'Turn on scripts', 'typed text', 'our toolbar']) {
      expect(index.text).not.toContain(hidden);
    }
  });

  it('leaves out template content too', () => {
    // Kept out of PAGE: happy-dom's Range cannot order boundary points across a <template>.
    document.body.innerHTML = '<p>before</p><template><p>template text</p></template><p>after</p>';
    expect(buildTextIndex(document.body).text).toBe('beforeafter');
  });

  it('keeps a sorted table of where each text node starts', () => {
    const index = buildTextIndex(document.body);
    expect(index.nodes.map((n) => n.data).join('')).toBe(index.text);
    index.nodes.forEach((node, i) => {
      expect(index.text.slice(index.starts[i], index.starts[i]! + node.length)).toBe(node.data);
      if (i > 0) expect(index.starts[i]).toBe(index.starts[i - 1]! + index.nodes[i - 1]!.length);
    });
  });

  it('gives a range over exactly the text between any two offsets', () => {
    const index = buildTextIndex(document.body);
    const n = index.text.length;
    for (let start = 0; start <= n; start++) {
      for (let end = start; end <= n; end++) {
        const range = index.rangeFromOffsets(start, end);
        // happy-dom's own Range#toString is an independent account of the same text (no hidden
        // element lies between two visible characters here except the whitespace-only ones).
        const hiddenInside = range.cloneContents().querySelector('script, style, noscript, textarea, [data-marginalia-ui]');
        if (!hiddenInside) expect(range.toString()).toBe(index.text.slice(start, end));
        expect(index.offsetsFromRange(range)).toEqual({ start, end });
      }
    }
  });

  it('puts a range that starts or ends at a seam between nodes inside the text it covers', () => {
    const index = buildTextIndex(document.body);
    const first = index.text.indexOf('first');
    const range = index.rangeFromOffsets(first, first + 'first'.length);
    expect(range.startContainer).toBe(range.endContainer);
    expect(range.startContainer.parentElement!.tagName).toBe('EM');
    expect([range.startOffset, range.endOffset]).toEqual([0, 5]);
  });

  it('clamps offsets outside the text', () => {
    const index = buildTextIndex(document.body);
    expect(index.rangeFromOffsets(-5, 3).toString()).toBe('\nHo');
    expect(index.rangeFromOffsets(index.text.length - 2, index.text.length + 50).toString()).toBe('2\n');
  });

  it('reads boundaries between elements: paragraphs, list items, table cells', () => {
    const index = buildTextIndex(document.body);
    const { text } = index;
    const p = document.querySelector('p')!;
    const ul = document.querySelector('ul')!;
    const rows = document.querySelectorAll('tr');
    const range = document.createRange();

    range.setStart(p, 0);
    range.setEnd(p, p.childNodes.length);
    expect(index.offsetsFromRange(range)).toEqual({ start: text.indexOf('The first'), end: text.indexOf('8.40.') + 5 });

    range.setStart(ul, 1); // before the second item
    range.setEnd(ul, 2); // after it
    expect(index.offsetsFromRange(range)).toEqual({ start: text.indexOf('Two'), end: text.indexOf('Two') + 3 });

    range.setStart(rows[0]!, 1); // before cell B1
    range.setEnd(rows[1]!, 1); // after cell A2
    const selected = index.offsetsFromRange(range);
    expect(text.slice(selected.start, selected.end)).toBe('B1A2');
  });

  it('reads a boundary inside a skipped element as the point before it, and clamps points outside the root', () => {
    const article = document.querySelector('article')!;
    const index = buildTextIndex(article);
    const range = document.createRange();
    const scriptText = document.querySelector('script')!.firstChild!;
    range.setStart(scriptText, 4);
    range.setEnd(document.querySelector('ul li')!.firstChild!, 2);
    const afterParagraph = index.text.indexOf('8.40.') + 5;
    expect(index.offsetsFromRange(range)).toEqual({ start: afterParagraph + 3, end: index.text.indexOf('One') + 2 });

    range.setStart(document.querySelector('nav a')!.firstChild!, 1); // before the root
    range.setEnd(document.body, document.body.childNodes.length); // after it
    expect(index.offsetsFromRange(range)).toEqual({ start: 0, end: index.text.length });
  });
});

describe('the whitespace-collapsed view', () => {
  it('collapses runs of whitespace and maps every character back to the raw text', () => {
    const raw = '  Mr\u00a0Pryde \n\t said:\r\n"fewer."  ';
    const norm = normalize(raw);
    expect(norm.text).toBe(' Mr Pryde said: "fewer." ');
    expect(norm.text).toBe(collapseWhitespace(raw));
    for (let i = 0; i < norm.text.length; i++) {
      const c = norm.text[i]!;
      if (c === ' ') expect(isSpace(raw.charCodeAt(norm.toRaw(i)))).toBe(true);
      else expect(raw[norm.toRaw(i)]).toBe(c);
    }
    expect(norm.toRaw(norm.text.length)).toBe(raw.length);
    expect(norm.fromRaw(raw.indexOf('said'))).toBe(norm.text.indexOf('said'));
    // A raw offset inside a run of spaces maps to the next character after the run's space.
    expect(norm.fromRaw(raw.indexOf('said') - 1)).toBe(norm.text.indexOf('said'));
  });

  it('agrees with a character-by-character reference on random text', () => {
    // The reference: each kept character remembers its raw offset; a run's space, the run's start.
    const reference = (raw: string) => {
      const toRaw: number[] = [];
      for (let i = 0; i < raw.length; i++) {
        const space = isSpace(raw.charCodeAt(i));
        if (!space || i === 0 || !isSpace(raw.charCodeAt(i - 1))) toRaw.push(i);
      }
      toRaw.push(raw.length);
      return toRaw;
    };
    const alphabet = ['a', 'b', ' ', '  ', '\n', '\u00a0', '\t \n', 'é', '"'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      const raw = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const norm = normalize(raw);
      const expected = reference(raw);
      expect(norm.text).toBe(collapseWhitespace(raw));
      expect(Array.from({ length: norm.text.length + 1 }, (_, i) => norm.toRaw(i))).toEqual(expected);
      for (let r = 0; r <= raw.length; r++) {
        // fromRaw: the first normalised offset whose raw offset is at or after r.
        const want = expected.findIndex((x) => x >= r);
        expect(norm.fromRaw(r)).toBe(want);
      }
    }
  });

  it('treats exactly the characters of \\s as whitespace', () => {
    for (let code = 0; code <= 0xffff; code++) {
      expect(isSpace(code), `U+${code.toString(16)}`).toBe(/\s/.test(String.fromCharCode(code)));
    }
  });

  it('is built only when first asked for, then kept', () => {
    const index = buildTextIndex(document.body);
    expect(index.normalized()).toBe(index.normalized());
  });

  it('trims offsets to the first and last non-space characters', () => {
    expect(trimOffsets('  ab c \n', 0, 8)).toEqual({ start: 2, end: 6 });
    expect(trimOffsets('   ', 0, 3)).toEqual({ start: 3, end: 3 });
  });
});

describe('describe', () => {
  it('records the quote, 32 characters of collapsed context each side and the position', () => {
    document.body.innerHTML = `<p>Islanders have held two public meetings since the change was announced.</p>
      <p>At the second, in the school hall on Tuesday, more than two hundred people voted.</p>`;
    const index = buildTextIndex(document.body);
    const start = index.text.indexOf('in the school hall');
    const range = index.rangeFromOffsets(start, start + 'in the school hall'.length);
    expect(describeRange(document.body, range)).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'in the school hall',
        prefix: 'e was announced. At the second, ',
        suffix: ' on Tuesday, more than two hundr',
      },
      position: { type: 'TextPositionSelector', start, end: start + 18 },
    });
  });

  it('leaves whitespace at the ends of a selection out of the quote', () => {
    document.body.innerHTML = '<p>First line.</p>\n   <p>Second line.</p>';
    const range = document.createRange();
    const first = document.querySelector('p')!;
    range.setStart(first.firstChild!, 6); // "line." and the break after the paragraph
    range.setEnd(document.body, 2);
    const { quote, position } = describeRange(document.body, range);
    expect(quote.exact).toBe('line.');
    expect(position).toEqual({ type: 'TextPositionSelector', start: 6, end: 11 });
    expect(quote.prefix).toBe('First ');
    expect(quote.suffix).toBe(' Second line.');
  });

  it('gives the same selectors with a prebuilt index as without', () => {
    const index = buildTextIndex(document.body);
    const range = index.rangeFromOffsets(20, 40);
    expect(describeRange(document.body, range, index)).toEqual(describeRange(document.body, range));
  });

  it('an empty quote anchors as an orphan, not as a collapsed range', () => {
    document.body.innerHTML = '<p>Text</p>   <p>More</p>';
    const range = document.createRange();
    range.setStart(document.body, 1);
    range.setEnd(document.body, 2); // only the spaces between the paragraphs
    const selectors = describeRange(document.body, range);
    expect(selectors.quote.exact).toBe('');
    expect(anchor(document.body, selectors)).toEqual({ orphan: true, reason: 'empty-quote' });
  });
});
