/**
 * The text of an anchoring root, built once per page load: the string that selector offsets
 * count in, and the maps between those offsets and DOM positions. Only standard DOM APIs, so the
 * same code runs in the content script and in Node tests.
 */

// Numeric DOM constants, so that the module does not depend on the `Node`/`NodeFilter` globals
// (absent when a DOM implementation is used without installing it globally).
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;
const DOCUMENT_POSITION_PRECEDING = 0x02;
const DOCUMENT_POSITION_CONTAINED_BY = 0x10;

/** Marks our own in-page UI host, whose text is never part of the page's text. */
export const UI_HOST_ATTRIBUTE = 'data-marginalia-ui';

/** Elements whose content a reader never sees as text (local names, so SVG's `style` counts too). */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

/** The root's text with whitespace runs collapsed, for matching text whose spacing has changed. */
export interface NormalizedText {
  readonly text: string;
  /** `toRaw[i]` is the raw offset of `text[i]`; `toRaw[text.length]` is the raw text's length. */
  readonly toRaw: Uint32Array;
  /** The normalised offset of the first character at or after a raw offset. */
  fromRaw(raw: number): number;
}

export interface TextIndex {
  readonly root: Element;
  /** The concatenated values of the root's visible text nodes, in document order. */
  readonly text: string;
  /** The text nodes, in document order; empty ones are left out. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset of `nodes[i]`'s first character in `text` (ascending). */
  readonly starts: readonly number[];
  /** A DOM range over `text.slice(start, end)`; offsets are clamped to the text. */
  rangeFromOffsets(start: number, end: number): Range;
  /** The text offsets of a range's boundaries, which may sit in text nodes or between elements. */
  offsetsFromRange(range: Range): { start: number; end: number };
  /** The whitespace-collapsed view, built on first use: most anchors never need it. */
  normalized(): NormalizedText;
}

/** Exactly the characters of JavaScript's `\s`, so `collapseWhitespace` and the index agree. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Runs of whitespace become one space; the ends are kept, so context strings still abut the quote. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Narrows `[start, end)` so that it neither starts nor ends in whitespace. */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Walks the root's text nodes once and returns the index used by `describe` and `anchor`. */
export function buildTextIndex(root: Element): TextIndex {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType === TEXT_NODE) return FILTER_ACCEPT;
      const el = node as Element;
      // REJECT skips the whole subtree; SKIP only the element itself, so its children are visited.
      return SKIPPED_ELEMENTS.has(el.localName) || el.hasAttribute(UI_HOST_ATTRIBUTE) ? FILTER_REJECT : FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length === 0) continue;
    nodes.push(node as Text);
    starts.push(length);
    parts.push(data);
    length += data.length;
  }
  const text = parts.join('');

  /** The first index in [0, nodes.length] for which `pred` is false (`pred` holds on a prefix). */
  function partition(pred: (i: number) => boolean): number {
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  const startOf = (i: number): number => (i < starts.length ? starts[i]! : text.length);

  // A range's start at the seam between two nodes goes into the later node and its end into the
  // earlier one, so that the range does not begin or end with an empty piece of a node.
  function boundary(offset: number, isEnd: boolean): [Node, number] {
    const after = partition((i) => (isEnd ? starts[i]! < offset : starts[i]! <= offset));
    const i = Math.max(0, after - 1);
    const node = nodes[i];
    if (!node) return [root, 0];
    return [node, Math.min(Math.max(offset - starts[i]!, 0), node.length)];
  }

  function rangeFromOffsets(start: number, end: number): Range {
    start = Math.min(Math.max(start, 0), text.length);
    end = Math.min(Math.max(end, start), text.length);
    const range = doc.createRange();
    const [startNode, startOffset] = boundary(start, false);
    const [endNode, endOffset] = start === end ? [startNode, startOffset] : boundary(end, true);
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range;
  }

  /** Text offset of the point just before `ref` (counting no text inside it). */
  function offsetBefore(ref: Node): number {
    return startOf(partition((i) => (ref.compareDocumentPosition(nodes[i]!) & DOCUMENT_POSITION_PRECEDING) !== 0));
  }

  /** Text offset of the point just after the last child of `container`. */
  function offsetAfterContents(container: Node): number {
    const inOrBefore = DOCUMENT_POSITION_PRECEDING | DOCUMENT_POSITION_CONTAINED_BY;
    return startOf(partition((i) => (container.compareDocumentPosition(nodes[i]!) & inOrBefore) !== 0));
  }

  // Boundary points are compared in document order (a binary search over the nodes), which also
  // covers element containers (selections across paragraphs, list items, table cells), text
  // nodes inside skipped elements, and points outside the root (clamped to its ends).
  function offsetOfPoint(container: Node, offset: number): number {
    if (container.nodeType === TEXT_NODE) {
      const i = partition((k) => nodes[k] !== container && (container.compareDocumentPosition(nodes[k]!) & DOCUMENT_POSITION_PRECEDING) !== 0);
      const node = nodes[i];
      if (node === container) return starts[i]! + Math.min(offset, node.length);
      return startOf(i);
    }
    const child = container.childNodes[offset];
    return child ? offsetBefore(child) : offsetAfterContents(container);
  }

  function offsetsFromRange(range: Range): { start: number; end: number } {
    const start = offsetOfPoint(range.startContainer, range.startOffset);
    const end = range.collapsed ? start : offsetOfPoint(range.endContainer, range.endOffset);
    return { start, end: Math.max(start, end) };
  }

  let normalizedText: NormalizedText | undefined;
  return {
    root,
    text,
    nodes,
    starts,
    rangeFromOffsets,
    offsetsFromRange,
    normalized: () => (normalizedText ??= normalize(text)),
  };
}

/** Collapses whitespace runs to one space and keeps, for each character, where it came from. */
export function normalize(raw: string): NormalizedText {
  const toRaw = new Uint32Array(raw.length + 1);
  const pieces: string[] = [];
  let n = 0;
  let i = 0;
  while (i < raw.length) {
    const from = i;
    if (isSpace(raw.charCodeAt(i))) {
      toRaw[n++] = i;
      while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
      pieces.push(' ');
    } else {
      while (i < raw.length && !isSpace(raw.charCodeAt(i))) toRaw[n++] = i++;
      pieces.push(raw.slice(from, i));
    }
  }
  toRaw[n] = raw.length;
  const map = toRaw.subarray(0, n + 1);
  return {
    text: pieces.join(''),
    toRaw: map,
    fromRaw(rawOffset: number): number {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (map[mid]! < rawOffset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
