/**
 * What the detectors take and give. Detectors are pure: plain article text in, spans out; they
 * know nothing of the DOM or of the extension, so the content script, tests and CLIs run the same code.
 */

/** The article's plain text, paragraphs separated by a blank line ("\n\n"), title excluded. */
export interface ArticleText {
  text: string;
  /** Offsets of each paragraph in `text` (block elements: p, li, blockquote, h2–h6, td…). */
  paragraphs: { start: number; end: number }[];
  /** BCP 47 language of the article when known ("en", "fr"…), for language-specific rules. */
  lang?: string;
}

/** A span of `text`, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type QuoteKind = 'speech' | 'term';

export interface DetectedQuote extends Span {
  /** What stands between the marks (marks excluded); for a quote over several paragraphs, the
   *  paragraphs' texts joined by one space, while start/end cover the whole run in `text`. */
  text: string;
  kind: QuoteKind;
  /** Full name of the person or organisation it is attributed to, as first named; null when unknown. */
  speaker: string | null;
  /** Where the attribution names the speaker, when it does. */
  speakerSpan?: Span;
}

export interface OfficialMention extends Span {
  text: string;
}

export interface DetectedOfficial {
  /** The fullest form of the name in the article. */
  name: string;
  /** Title or post as the article gives it ("Mayor", "Illinois Governor", "Secretary of State"). */
  role: string;
  /** Every mention in document order, titles included where they stand before the name. */
  mentions: OfficialMention[];
}

export interface Detection {
  quotes: DetectedQuote[];
  officials: DetectedOfficial[];
}
