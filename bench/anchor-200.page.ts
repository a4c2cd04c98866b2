/**
 * The in-page half of the anchor-200 bench, bundled and injected after the two bundles it times:
 * our anchoring module (`MarginaliaAnchoring`) and Apache Annotator's matcher (`AnnotatorBaseline`).
 * It only calls them; all timing happens here, in the page, with `performance.now()`.
 */
import type * as Anchoring from '../src/core/anchoring';
import type { Selectors } from '../src/core/model';

interface BaselineSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

declare const MarginaliaAnchoring: typeof Anchoring;
declare const AnnotatorBaseline: {
  createTextQuoteSelectorMatcher(selector: BaselineSelector): (scope: Node | Range) => AsyncGenerator<Range, void, void>;
  describeTextQuote(range: Range, scope?: Node | Range): Promise<BaselineSelector>;
};

const COUNT = 200;
const INSERTED =
  'Editor’s note, added after publication: this article has been updated to include a response ' +
  'from the White House press office and a correction to the date of the interview. ';

let ours: Selectors[] = [];
let theirs: BaselineSelector[] = [];
let paragraphs: HTMLParagraphElement[] = [];

/** A small deterministic generator, so every run annotates the same spans. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chooses 200 spans (30–150 characters, word to word) over the article's paragraphs, in turn. */
function chooseRanges(root: HTMLElement, index: Anchoring.TextIndex): Range[] {
  const { text } = index;
  const space = (i: number): boolean => /\s/.test(text[i] ?? ' ');
  paragraphs = [...root.querySelectorAll('p')].filter(
    (p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim().length >= 80 && !p.closest('script, style, noscript, template'),
  );
  const random = mulberry32(200);
  return Array.from({ length: COUNT }, (_, i) => {
    const paragraph = paragraphs[i % paragraphs.length]!;
    const whole = document.createRange();
    whole.selectNodeContents(paragraph);
    const { start: from, end: to } = index.offsetsFromRange(whole);
    const length = 30 + Math.floor(random() * 120);
    let start = from + Math.floor(random() * Math.max(1, to - from - length));
    while (start < to && (space(start) || !space(start - 1))) start++;
    let end = Math.min(start + length, to);
    while (end < to && !space(end)) end++;
    while (end > start && space(end - 1)) end--;
    return index.rangeFromOffsets(start, end);
  });
}

async function setup(): Promise<{ paragraphs: number; spans: number; textLength: number }> {
  const root = document.body;
  const index = MarginaliaAnchoring.buildTextIndex(root);
  const ranges = chooseRanges(root, index);
  ours = ranges.map((range) => MarginaliaAnchoring.describe(root, range, index));
  // The baseline gets selectors from its own describer, so that it matches its own text model.
  theirs = [];
  for (const range of ranges) theirs.push(await AnnotatorBaseline.describeTextQuote(range, root));
  return { paragraphs: paragraphs.length, spans: ranges.length, textLength: index.text.length };
}

/** Re-anchors all 200 with ours: one text walk, then a position check or one search each. */
function runOurs(): { ms: number; anchored: number; methods: Record<string, number> } {
  const t0 = performance.now();
  const results = MarginaliaAnchoring.anchorAll(document.body, ours);
  const ms = performance.now() - t0;
  const methods: Record<string, number> = {};
  for (const r of results) {
    const key = 'orphan' in r ? `orphan:${r.reason}` : r.method;
    methods[key] = (methods[key] ?? 0) + 1;
  }
  return { ms, anchored: results.filter((r) => !('orphan' in r)).length, methods };
}

/** Re-anchors all 200 as a client of the baseline would: take the first match of each. */
async function runBaseline(): Promise<{ ms: number; found: number }> {
  const t0 = performance.now();
  let found = 0;
  for (const selector of theirs) {
    const matches = AnnotatorBaseline.createTextQuoteSelectorMatcher(selector)(document.body);
    const first = await matches.next();
    await matches.return(undefined);
    if (!first.done) found++;
  }
  return { ms: performance.now() - t0, found };
}

/** Inserts a paragraph above the article, so that every stored position is off. */
function shift(): number {
  const note = document.createElement('p');
  note.textContent = INSERTED;
  const first = paragraphs[0]!;
  first.parentNode!.insertBefore(note, first);
  return INSERTED.length;
}

Object.assign(globalThis, { anchorBench: { setup, runOurs, runBaseline, shift } });
