/**
 * Which ranges lie under a viewport point. Painted highlights cannot take clicks (the page's DOM
 * is untouched), so clicks are matched against the ranges' boxes instead.
 */

/** Keys of the ranges under (x, y), innermost (shortest text) first, so nested ones stay clickable. */
export function rangesAt<K>(entries: Iterable<readonly [K, Range]>, x: number, y: number): K[] {
  const hits: { key: K; length: number }[] = [];
  for (const [key, range] of entries) {
    for (const rect of range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) {
        hits.push({ key, length: range.toString().length });
        break;
      }
    }
  }
  return hits.sort((a, b) => a.length - b.length).map((h) => h.key);
}
