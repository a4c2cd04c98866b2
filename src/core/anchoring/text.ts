/**
 * The text of an anchoring root, built once per page load: the string that selector offsets
 * count in, and the maps between those offsets and DOM positions. Only standard DOM APIs, so the
 * same code runs in the content script and in Node tests.
 */
import { normalize, type NormalizedText } from './whitespace';

// Numeric DOM constants, so that the module does not depend on the `Node` global
// (absent when a DOM implementation is used without installing it globally).
const TEXT_NODE = 3;
const SHOW_TEXT = 0x4;
const DOCUMENT_POSITION_PRECEDING = 0x02;
const DOCUMENT_POSITION_CONTAINED_BY = 0x10;

/** Marks our own in-page UI host, whose text is never part of the page's text. */
export const UI_HOST_ATTRIBUTE = 'data-marginalia-ui';

/** Elements whose content a reader never sees as text (local names, so SVG's `style` counts too). */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

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

/**
 * Text nodes inside elements whose content may itself be elements (our UI host; `noscript` and
 * `template` as some parsers build them). Such elements are rare, so their text is collected up
 * front instead of testing every text node's ancestors.
 */
function textInsideContainers(root: Element): Set<Node> {
  const excluded = new Set<Node>();
  for (const container of root.querySelectorAll(`noscript, template, [${UI_HOST_ATTRIBUTE}]`)) {
    const walker = root.ownerDocument.createTreeWalker(container, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) excluded.add(node);
  }
  return excluded;
}

/** Walks the root's text nodes once and returns the index used by `describe` and `anchor`. */
export function buildTextIndex(root: Element): TextIndex {
  const doc = root.ownerDocument;
  // No NodeFilter callback: calling into script for every node costs several times the walk
  // itself in Chromium. Script, style and textarea hold only text, so their text nodes are
  // recognised by the parent; other skipped elements by the set built beforehand.
  const excluded = textInsideContainers(root);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    if (data.length === 0) continue;
    const parent = node.parentNode as Element | null;
    if ((parent && SKIPPED_ELEMENTS.has(parent.localName)) || excluded.has(node)) continue;
    nodes.push(node);
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
