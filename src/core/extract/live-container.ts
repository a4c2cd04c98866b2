/**
 * Where the extracted article sits on the live page. Readability works on a clone, so its article
 * is made of the clone's nodes; matching the clone's elements to the page's, in document order,
 * right after cloning (before Readability moves anything) lets the pipeline find the page's
 * element that holds the whole article, and read that element's text instead of the whole page's.
 */

const SHOW_TEXT = 0x4;
const ELEMENT_NODE = 1;

/** The page's element for each of the clone's elements (valid for a fresh deep clone). */
export type LiveOf = (cloneElement: Node) => Element | undefined;

/**
 * Pairs the elements under `copy`, just deep-cloned from `original`, with the originals, in
 * document order. Both lists are taken at once by the engine (`querySelectorAll`, no walk in
 * script); a clone element is looked up only when asked, which `liveContainer` does a few times.
 */
export function matchClone(original: Element, copy: Element): LiveOf {
  const live = original.querySelectorAll('*');
  const copies = copy.querySelectorAll('*');
  if (live.length !== copies.length) return (node) => (node === copy ? original : undefined);
  return (node) => {
    if (node === copy) return original;
    const i = Array.prototype.indexOf.call(copies, node);
    return i >= 0 ? live[i] : undefined;
  };
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
