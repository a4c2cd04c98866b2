/**
 * Where the extracted article sits on the live page. Readability works on a clone, so its article
 * is made of the clone's nodes; matching the clone's elements to the page's, in document order,
 * right after cloning (before Readability moves anything) lets the pipeline find the page's
 * element that holds the whole article, and read that element's text instead of the whole page's.
 */

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;

/** The page's element for each of the clone's elements (valid for a fresh `doc.cloneNode(true)`). */
export type LiveOf = (cloneElement: Node) => Element | undefined;

/** Pairs the elements of `clone`, just cloned from `doc`, with the page's, in document order. */
export function matchClone(doc: Document, clone: Document): LiveOf {
  const live = new Map<Node, Element>();
  const from = doc.documentElement;
  const to = clone.documentElement;
  if (!from || !to) return () => undefined;
  live.set(to, from);
  const a = doc.createTreeWalker(from, SHOW_ELEMENT);
  const b = clone.createTreeWalker(to, SHOW_ELEMENT);
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) live.set(y, x as Element);
  return (node) => live.get(node);
}

/**
 * The page's element holding all of `content`'s text: the closest common ancestor of the page's
 * elements around its first and last text. Null when either end has no counterpart (the text sits
 * only in elements Readability made itself) or `content` has no text.
 */
export function liveContainer(content: Element, liveOf: LiveOf): Element | null {
  const walker = content.ownerDocument.createTreeWalker(content, SHOW_TEXT);
  const first = walker.firstChild(); // (elements are skipped, not rejected: these are descendants)
  walker.currentNode = content;
  const last = walker.lastChild();
  if (!first || !last) return null;
  const start = counterpart(first, content, liveOf);
  const end = counterpart(last, content, liveOf);
  if (!start || !end || start.ownerDocument !== end.ownerDocument) return null;
  for (let node: Node | null = start; node; node = node.parentNode) {
    if (node.nodeType === ELEMENT_NODE && node.contains(end)) return node as Element;
  }
  return null;
}

/** The page's element for the nearest of `node`'s ancestors inside `content` that has one. */
function counterpart(node: Node, content: Element, liveOf: LiveOf): Element | undefined {
  for (let n = node.parentNode; n && n !== content; n = n.parentNode) {
    const live = liveOf(n);
    if (live) return live;
  }
  return undefined;
}
