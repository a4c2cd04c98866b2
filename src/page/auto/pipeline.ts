/**
 * The automatic-highlight pipeline of the content script: isProbablyReaderable → Readability on a
 * clone → article text → detectors → spans mapped onto the live page. Each stage runs in its own
 * task, yielding to the page between them, so the page never waits on us for long.
 */
import { alignArticle, type Alignment } from '@/src/core/anchoring/align';
import { buildTextIndex, type NormalizedText, type TextIndex } from '@/src/core/anchoring';
import { detectInStages } from '@/src/core/detect';
import type { DetectedOfficial, DetectedQuote, Detection, Span } from '@/src/core/detect/types';
import { extractArticleInStages, type ArticleFacts, type ExtractedArticle } from '@/src/core/extract';
import { runAll, type Staged } from '@/src/core/stages';
import { runStaged, type StepTimings } from './steps';

export interface PlacedQuote {
  quote: DetectedQuote;
  range: Range;
  speakerRange?: Range;
}

export interface PlacedOfficial {
  official: DetectedOfficial;
  /** One range per mention that could be placed, in document order. */
  ranges: Range[];
}

export interface AutoResult {
  /** Without Readability's element (the copy of the page is not kept alive). */
  extracted: ArticleFacts;
  quotes: PlacedQuote[];
  officials: PlacedOfficial[];
}

/** The text of the page (or of the article's element on it), and its whitespace-collapsed view. */
interface LiveText {
  index: TextIndex;
  normalized: NormalizedText;
}

function liveText(root: Element): LiveText {
  const index = buildTextIndex(root);
  return { index, normalized: index.normalized() };
}

/** Turns article spans into live DOM ranges through the paragraph alignment. */
function spanMapper({ index, normalized }: LiveText, alignment: Alignment): (span: Span) => Range | null {
  return ({ start, end }) => {
    const from = alignment.toLive(start);
    const to = alignment.toLive(end);
    if (from === null || to === null || to <= from) return null;
    const rawStart = normalized.toRaw(from);
    const rawEnd = normalized.toRaw(to - 1) + 1;
    return index.rangeFromOffsets(rawStart, rawEnd);
  };
}

/** Maps what the detectors found onto the live page: speech quotations (with speakers) and officials. */
export function placeDetection(doc: Document, extracted: ExtractedArticle, detection: Detection): AutoResult {
  return runAll(placeInStages(doc, extracted, detection))!;
}

/**
 * `placeDetection` in stages (see src/core/stages): the page's text, then the ranges. Returns null
 * when the page has lost its body by then.
 */
export function* placeInStages(doc: Document, extracted: ExtractedArticle, detection: Detection): Staged<AutoResult | null> {
  yield 'index';
  const body = doc.body;
  if (!body) return null;
  // The article's own element when extraction found it and it is still on the page: its text is
  // a fraction of the page's (menus, footers, related links and hidden markup left out).
  const container = extracted.container;
  const root = container && container.isConnected && body.contains(container) ? container : body;
  let live = liveText(root);
  yield 'place';
  const { article } = extracted;
  let alignment = alignArticle(article, live.normalized.text);
  if (alignment.aligned < article.paragraphs.length && root !== body) {
    // The page changed under the article's element since it was found: read the whole page.
    const whole = liveText(body);
    const wider = alignArticle(article, whole.normalized.text);
    if (wider.aligned > alignment.aligned) [live, alignment] = [whole, wider];
  }
  const toRange = spanMapper(live, alignment);
  const quotes: PlacedQuote[] = [];
  for (const quote of detection.quotes) {
    if (quote.kind !== 'speech') continue;
    const range = toRange(quote);
    if (!range) continue;
    const speakerRange = quote.speakerSpan ? (toRange(quote.speakerSpan) ?? undefined) : undefined;
    quotes.push({ quote, range, speakerRange });
  }
  const officials: PlacedOfficial[] = detection.officials.map((official) => ({
    official,
    ranges: official.mentions.map(toRange).filter((r): r is Range => r !== null),
  }));
  const { content: _dropped, ...facts } = extracted;
  return { extracted: facts, quotes, officials: officials.filter((o) => o.ranges.length > 0) };
}

/** The whole pipeline, in stages: extraction, detection, placing. */
function* autoPipeline(doc: Document, url: string): Staged<AutoResult | null> {
  const extracted = yield* extractArticleInStages(doc, url, { readerable: true, locate: true });
  if (!extracted) return null;
  const detection = yield* detectInStages(extracted.article);
  return yield* placeInStages(doc, extracted, detection);
}

/**
 * Runs the pipeline on a document that `isProbablyReaderable` has accepted (the content script
 * checks before loading this bundle), each stage in a task of its own once the page is idle.
 * Returns null when Readability finds no article, or when `cancelled()` turns true between stages
 * (the page navigated, the reader switched it off).
 */
export function runAutoPipeline(
  doc: Document,
  url: string,
  cancelled: () => boolean,
  timings?: StepTimings,
): Promise<AutoResult | null> {
  return runStaged(autoPipeline(doc, url), cancelled, timings);
}
