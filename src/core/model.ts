/**
 * The data model, after the W3C Web Annotation Data Model but stored flat.
 * Shared by every context (page, background, popup, Node tools); no runtime dependencies.
 */

/** Highlight colours a reader can pick; the first is the default. */
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type Color = (typeof COLORS)[number];

/** What made an annotation: a reader's highlight, or a saved detection (later issues). */
export const KINDS = ['highlight', 'quote', 'official'] as const;
export type AnnotationKind = (typeof KINDS)[number];

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offsets into the text of the anchoring root (see src/core/anchoring/text.ts). */
  start: number;
  end: number;
}

/** Both selectors of one target, as `describe()` returns them and `anchor()` takes them. */
export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface Annotation {
  /** A UUID (v4), stable across export and import. */
  id: string;
  /** The page, normalised by `normalizeUrl()`. */
  url: string;
  kind: AnnotationKind;
  color: Color;
  note: string;
  /** Normalised by `normalizeTags()`: trimmed, de-duplicated, bounded. */
  tags: string[];
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** Who said a saved quotation (kind `quote`). */
  speaker?: string;
  /** True when the last visit could not place the annotation on the page. */
  orphan: boolean;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
}

/** What Readability tells us about a page; every field but the URL may be missing. */
export interface PageMeta {
  url: string;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
  updated: number;
}

/** Bounds on user input; anything longer is refused with a message, never truncated silently. */
export const LIMITS = {
  /** Longest selection that can be highlighted, in characters. */
  quote: 5000,
  /** Context kept on each side of a quote. */
  context: 32,
  note: 20000,
  tag: 40,
  tags: 30,
  pageField: 1000,
} as const;
