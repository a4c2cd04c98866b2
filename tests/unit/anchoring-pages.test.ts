/** @vitest-environment happy-dom */
/**
 * Anchoring on realistic pages: our own fixture pages and the real pages of the evaluation set
 * (read from ../shared). Spans of the article are described, the page is edited as publishers do
 * (text added, words changed, paragraphs moved, spacing changed, quotes repeated or deleted), and
 * each span must come back on the intended words, or as an orphan, never on the wrong words.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  anchor,
  anchorAll,
  buildTextIndex,
  describe as describeRange,
  type AnchorResult,
  type Anchored,
} from '@/src/core/anchoring';
import type { Selectors } from '@/src/core/model';
import { collapseWhitespace } from '@/src/core/anchoring/whitespace';
import {
  hasShared,
  loadPage,
  offsetsOf,
  ownPages,
  pickParagraphs,
  pickSpan,
  sharedPages,
  sharedPagesDir,
  type PageSource,
} from '../fixtures/anchoring/pages';

const HIDDEN = 'script, style, noscript, template, textarea, [data-marginalia-ui]';
const INSERTED = 'Update, 10.42: this story has been updated with comment from the operator. ';

interface Target {
  paragraph: HTMLElement;
  start: number;
  end: number;
  exact: string;
  selectors: Selectors;
}

/** A fresh parse of the page with up to eight annotated spans, alternately short and long. */
function setup(page: PageSource) {
  const doc = loadPage(page.file);
  const root = doc.body;
  const index = buildTextIndex(root);
  const targets: Target[] = pickParagraphs(doc, index, 8).map((paragraph, i) => {
    const { start, end } = pickSpan(index, paragraph, i % 2 === 0 ? 60 : 160);
    const selectors = describeRange(root, index.rangeFromOffsets(start, end), index);
    return { paragraph, start, end, exact: index.text.slice(start, end), selectors };
  });
  return { doc, root, index, targets };
}

function placed(result: AnchorResult | undefined): Anchored {
  expect(result).toBeDefined();
  if (!result || 'orphan' in result) throw new Error(`expected a placed anchor, got ${JSON.stringify(result)}`);
  return result;
}

/** What a placed anchor says, without the Range (whose printout would bury a failure). */
function where(result: AnchorResult | undefined): { start: number; end: number; method: string } {
  const { start, end, method } = placed(result);
  return { start, end, method };
}

function insertAtTop(doc: Document, text: string): void {
  const p = doc.createElement('p');
  p.textContent = text;
  doc.body.insertBefore(p, doc.body.firstChild);
}

interface TextEdit {
  node: Text;
  offset: number;
  remove: number;
  insert: string;
  /** Raw text offset of the edit, before any edit is made. */
  at: number;
}

/** The text node and offset of raw offset `at` (the character at `at` must be in one node). */
function edit(index: ReturnType<typeof buildTextIndex>, at: number, remove: number, insert: string): TextEdit {
  const range = index.rangeFromOffsets(at, at + remove);
  expect(range.startContainer).toBe(range.endContainer);
  return { node: range.startContainer as Text, offset: range.startOffset, remove, insert, at };
}

/** Applies edits from the last to the first, so that earlier offsets stay valid. */
function applyEdits(edits: TextEdit[]): void {
  for (const e of [...edits].sort((a, b) => b.at - a.at)) {
    e.node.data = e.node.data.slice(0, e.offset) + e.insert + e.node.data.slice(e.offset + e.remove);
  }
}

/** How far text at raw offset `at` has moved after the edits. */
function shiftAt(edits: TextEdit[], at: number): number {
  return edits.filter((e) => e.at < at).reduce((sum, e) => sum + e.insert.length - e.remove, 0);
}

function pageSuite(page: PageSource): void {
  it('describes spans and places them again at their stored position', () => {
    const { root, index, targets } = setup(page);
    expect(targets.length).toBeGreaterThanOrEqual(3);
    for (const t of targets) {
      const { quote, position } = t.selectors;
      expect(position).toEqual({ type: 'TextPositionSelector', start: t.start, end: t.end });
      // happy-dom's own Range#toString is an independent account of the same text.
      expect(quote.exact).toBe(index.rangeFromOffsets(t.start, t.end).toString());
      expect(quote.exact.length).toBeGreaterThanOrEqual(60);
      expect(quote.prefix).toHaveLength(32);
      expect(collapseWhitespace(index.text.slice(0, t.start)).endsWith(quote.prefix)).toBe(true);
      expect(collapseWhitespace(index.text.slice(t.end)).startsWith(quote.suffix)).toBe(true);
      const result = placed(anchor(root, t.selectors, index));
      expect(where(result)).toEqual({ start: t.start, end: t.end, method: 'position' });
      expect(result.range.toString()).toBe(t.exact);
    }
  });

  it('walks the page once for all its anchors', () => {
    const { doc, root, targets } = setup(page);
    const walk = vi.spyOn(doc, 'createTreeWalker');
    const results = anchorAll(
      root,
      targets.map((t) => t.selectors),
    );
    // happy-dom walks trees for its own purposes too; ours are the walks over the root.
    expect(walk.mock.calls.filter(([from]) => from === root)).toHaveLength(1);
    walk.mockRestore();
    expect(results.map((r) => placed(r).method)).toEqual(targets.map(() => 'position'));
  });

  it('finds spans after text is inserted above them', () => {
    const { doc, root, targets } = setup(page);
    insertAtTop(doc, INSERTED);
    const results = anchorAll(
      root,
      targets.map((t) => t.selectors),
    );
    targets.forEach((t, i) => {
      const result = placed(results[i]);
      expect(where(result)).toEqual({ start: t.start + INSERTED.length, end: t.end + INSERTED.length, method: 'exact' });
      expect(result.range.toString()).toBe(t.exact);
      expect(t.paragraph.contains(result.range.startContainer)).toBe(true);
    });
  });

  it('finds spans in which a word was changed, on the changed words', () => {
    const { root, index, targets } = setup(page);
    const edits: TextEdit[] = [];
    const expected: string[] = [];
    for (const t of targets) {
      // The word of four letters or more nearest the middle of the quote.
      const words = [...t.exact.matchAll(/\p{L}{4,}/gu)];
      const middle = t.exact.length / 2;
      const word = words.sort((a, b) => Math.abs(a.index - middle) - Math.abs(b.index - middle))[0]!;
      const replacement = word[0].toLowerCase() === 'altered' ? 'changed' : 'altered';
      edits.push(edit(index, t.start + word.index, word[0].length, replacement));
      expected.push(t.exact.slice(0, word.index) + replacement + t.exact.slice(word.index + word[0].length));
    }
    applyEdits(edits);
    const results = anchorAll(
      root,
      targets.map((t) => t.selectors),
    );
    targets.forEach((t, i) => {
      const result = placed(results[i]);
      const start = t.start + shiftAt(edits, t.start);
      expect(where(result)).toEqual({ start, end: start + expected[i]!.length, method: 'fuzzy' });
      expect(result.range.toString()).toBe(expected[i]);
    });
  });

  it('follows a paragraph moved elsewhere on the page', () => {
    const { doc, root, index, targets } = setup(page);
    const within = targets.map((t) => t.start - offsetsOf(index, t.paragraph).start);
    // Moved to the end of the page, in reverse order, so that every one of them changes place.
    for (const t of [...targets].reverse()) doc.body.appendChild(t.paragraph);
    const moved = buildTextIndex(root);
    const results = anchorAll(
      root,
      targets.map((t) => t.selectors),
    );
    targets.forEach((t, i) => {
      const result = placed(results[i]);
      const start = offsetsOf(moved, t.paragraph).start + within[i]!;
      expect(start).not.toBe(t.start);
      expect(where(result)).toEqual({ start, end: start + t.exact.length, method: 'exact' });
      expect(result.range.toString()).toBe(t.exact);
      expect(t.paragraph.contains(result.range.startContainer)).toBe(true);
    });
  });

  it('finds spans whose whitespace changed (line breaks, double spaces)', () => {
    const { root, index, targets } = setup(page);
    const edits: TextEdit[] = [];
    for (const t of targets) {
      const spaces = [...t.exact.matchAll(/ /g)].map((m) => m.index);
      expect(spaces.length).toBeGreaterThanOrEqual(4);
      edits.push(edit(index, t.start + spaces[Math.floor(spaces.length / 3)]!, 1, '\n        '));
      edits.push(edit(index, t.start + spaces[Math.floor((2 * spaces.length) / 3)]!, 1, '  '));
    }
    applyEdits(edits);
    const results = anchorAll(
      root,
      targets.map((t) => t.selectors),
    );
    targets.forEach((t, i) => {
      const result = placed(results[i]);
      const start = t.start + shiftAt(edits, t.start);
      const end = t.end + shiftAt(edits, t.end);
      expect(where(result)).toEqual({ start, end, method: 'exact' });
      expect(collapseWhitespace(result.range.toString())).toBe(collapseWhitespace(t.exact));
      expect(result.range.toString()).not.toBe(t.exact);
    });
  });

  it('picks the right occurrence when the quote is repeated elsewhere with other context', () => {
    const { doc, root, targets } = setup(page);
    const repeats = targets.map((t) => `As quoted: ${t.exact} (repeated).`).join(' ');
    insertAtTop(doc, repeats);
    const results = anchorAll(
      root,
      targets.map((t) => t.selectors),
    );
    targets.forEach((t, i) => {
      const result = placed(results[i]);
      expect(where(result)).toEqual({ start: t.start + repeats.length, end: t.end + repeats.length, method: 'exact' });
      expect(t.paragraph.contains(result.range.startContainer)).toBe(true);
    });
  });

  it('picks the occurrence nearest its old place when quote and context are both repeated', () => {
    const { doc, root, targets } = setup(page);
    insertAtTop(doc, INSERTED);
    for (const t of targets) {
      const copy = doc.createElement('p');
      copy.textContent = t.selectors.quote.prefix + t.exact + t.selectors.quote.suffix;
      doc.body.appendChild(copy);
    }
    const results = anchorAll(
      root,
      targets.map((t) => t.selectors),
    );
    targets.forEach((t, i) => {
      const result = placed(results[i]);
      expect(where(result)).toEqual({ start: t.start + INSERTED.length, end: t.end + INSERTED.length, method: 'exact' });
      expect(t.paragraph.contains(result.range.startContainer)).toBe(true);
    });
  });

  it('makes an orphan of a quote deleted from the page', () => {
    const { root, targets } = setup(page);
    for (const t of targets) t.paragraph.remove();
    const results = anchorAll(
      root,
      targets.map((t) => t.selectors),
    );
    // Not found at all, or found only where the context says it is another passage (pages repeat
    // their sentences in teasers and summaries).
    for (const r of results) {
      expect('orphan' in r ? r : where(r)).toEqual({ orphan: true, reason: expect.stringMatching(/^(not-found|unconfirmed)$/) });
    }
  });

  it('places a short common word by its context, and orphans it once its context is gone', () => {
    const { doc, root, index, targets } = setup(page);
    const norm = index.normalized().text;
    const shorts = targets.flatMap((t) => {
      // A short word of the quote that is common on the page, so that a wrong place is possible.
      // Its context must occur only here, or deleting the paragraph would not take the context away.
      const once = (s: string): boolean => norm.indexOf(s) === norm.lastIndexOf(s);
      const words = [...t.exact.matchAll(/(?<=\s)\p{L}{2,4}(?=\s)/gu)].map((w) => {
        const start = t.start + w.index;
        return { t, start, word: w[0], selectors: describeRange(root, index.rangeFromOffsets(start, start + w[0].length), index) };
      });
      const chosen = words.find(
        (w) => norm.split(` ${w.word} `).length > 3 && once(w.selectors.quote.prefix) && once(w.selectors.quote.suffix),
      );
      return chosen ? [chosen] : [];
    });
    expect(shorts.length).toBeGreaterThanOrEqual(Math.min(3, targets.length));

    for (const s of shorts) {
      expect(where(anchor(root, s.selectors))).toEqual({ start: s.start, end: s.start + s.word.length, method: 'position' });
    }
    insertAtTop(doc, INSERTED);
    for (const s of shorts) {
      const result = placed(anchor(root, s.selectors));
      const start = s.start + INSERTED.length;
      expect(where(result)).toEqual({ start, end: start + s.word.length, method: 'exact' });
      expect(result.range.toString()).toBe(s.word);
    }
    for (const s of shorts) s.t.paragraph.remove();
    const results = anchorAll(
      root,
      shorts.map((s) => s.selectors),
    );
    expect(results.map((r) => ('orphan' in r ? r : where(r)))).toEqual(shorts.map(() => ({ orphan: true, reason: 'unconfirmed' })));
  });

  it('round-trips ranges whose ends sit between elements (paragraphs, list items, table cells)', () => {
    const { doc, root, index, targets } = setup(page);
    const ranges: Range[] = [];
    const first = targets[0]!.paragraph;
    const next = first.nextElementSibling;
    if (next && !next.matches(HIDDEN) && !next.querySelector(HIDDEN)) {
      const r = doc.createRange();
      r.setStart(first, 0);
      r.setEnd(next, next.childNodes.length);
      ranges.push(r);
    }
    const list = [...root.querySelectorAll('ul, ol')].find(
      (l) => l.children.length >= 3 && !l.querySelector(HIDDEN) && !l.closest(HIDDEN) && /\S/.test(l.textContent ?? ''),
    );
    if (list) {
      const items = [...list.childNodes];
      const r = doc.createRange();
      r.setStart(list, items.indexOf(list.children[0]!));
      r.setEnd(list, items.indexOf(list.children[1]!) + 1);
      ranges.push(r);
    }
    const row = [...root.querySelectorAll('tr')].find(
      (tr) => tr.cells.length >= 2 && tr.nextElementSibling && !tr.closest(HIDDEN) && !tr.parentElement!.querySelector(HIDDEN),
    );
    if (row) {
      const r = doc.createRange();
      r.setStart(row, [...row.childNodes].indexOf(row.cells[1]!));
      const nextRow = row.nextElementSibling!;
      r.setEnd(nextRow, nextRow.childNodes.length);
      ranges.push(r);
    }
    expect(ranges.length).toBeGreaterThanOrEqual(1);

    const described = ranges.map((r) => describeRange(root, r, index));
    described.forEach((selectors, i) => {
      expect(selectors.quote.exact).toBe(ranges[i]!.toString().trim());
      expect(selectors.quote.exact).toBe(index.text.slice(selectors.position.start, selectors.position.end));
      const { start, end } = selectors.position;
      expect(where(anchor(root, selectors, index))).toEqual({ start, end, method: 'position' });
    });
    insertAtTop(doc, INSERTED);
    const results = anchorAll(root, described);
    described.forEach((selectors, i) => {
      const result = placed(results[i]);
      expect(where(result)).toEqual({
        start: selectors.position.start + INSERTED.length,
        end: selectors.position.end + INSERTED.length,
        method: 'exact',
      });
      expect(result.range.toString()).toBe(selectors.quote.exact);
    });
  });
}

describe('anchoring on our fixture pages', () => {
  for (const page of ownPages) describe(page.name, () => pageSuite(page));

  it('has lists and tables on every fixture page, so element boundaries are covered', () => {
    for (const page of ownPages) {
      const doc = loadPage(page.file);
      expect(doc.querySelector('article ul, article ol'), page.name).not.toBeNull();
      expect(doc.querySelector('article table'), page.name).not.toBeNull();
    }
    expect(ownPages.length).toBe(2);
  });
});

if (!hasShared) {
  console.warn(`../shared is absent (${sharedPagesDir} not found): the real-page anchoring tests do not run.`);
}
describe.runIf(hasShared)('anchoring on the real pages of ../shared/eval', () => {
  it('finds the pages', () => {
    expect(sharedPages.length).toBeGreaterThanOrEqual(5);
  });
  for (const page of sharedPages) describe(page.name, () => pageSuite(page));
});
