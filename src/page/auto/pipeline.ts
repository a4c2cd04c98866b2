/**
 * The automatic-highlight pipeline of the content script: isProbablyReaderable → Readability on a
 * clone → article text → detectors → spans mapped onto the live page. Each step runs in its own
 * task, yielding to the page between them, so the page never waits on us for long.
 */
import { alignArticle } from '@/src/core/anchoring/align';
import { buildTextIndex, type TextIndex } from '@/src/core/anchoring';
import { detect } from '@/src/core/detect';
import type { DetectedOfficial, DetectedQuote, Detection, Span } from '@/src/core/detect/types';
import { extractArticle, type ExtractedArticle } from '@/src/core/extract';
import { timed, yieldToPage, type StepTimings } from './steps';

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
  extracted: ExtractedArticle;
  quotes: PlacedQuote[];
  officials: PlacedOfficial[];
}

/** Turns article spans into live DOM ranges through the paragraph alignment. */
function spanMapper(extracted: ExtractedArticle, index: TextIndex): (span: Span) => Range | null {
  const normalized = index.normalized();
  const alignment = alignArticle(extracted.article, normalized.text);
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
  const toRange = spanMapper(extracted, buildTextIndex(doc.body));
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
  return { extracted, quotes, officials: officials.filter((o) => o.ranges.length > 0) };
}

/**
 * Runs the pipeline on a document that `isProbablyReaderable` has accepted (the content script
 * checks before loading this bundle). Returns null when Readability finds no article, or when
 * `cancelled()` turns true between steps (the page navigated, the reader switched it off).
 */
export async function runAutoPipeline(
  doc: Document,
  url: string,
  cancelled: () => boolean,
  timings?: StepTimings,
): Promise<AutoResult | null> {
  // Its own task: the bundle has just been compiled and run in the one before.
  await yieldToPage();
  if (cancelled() || !doc.body) return null;
  const extracted = timed(timings, 'extract', () => extractArticle(doc, url, { readerable: true }));
  if (!extracted) return null;
  await yieldToPage();
  if (cancelled()) return null;
  const detection = timed(timings, 'detect', () => detect(extracted.article));
  await yieldToPage();
  if (cancelled() || !doc.body) return null;
  return timed(timings, 'place', () => placeDetection(doc, extracted, detection));
}
