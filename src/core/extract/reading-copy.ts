/**
 * The copy of a page that Readability parses (it rewrites the document it is given, and the live
 * page must not change). Readability reads the body, and from the head only the title, the
 * metadata, the base address and JSON-LD; the rest of a head is mostly inline scripts and styles
 * (on some news pages near a megabyte) that it would copy only to delete. So the copy holds the
 * root element's attributes (lang, dir), those head elements and the whole body.
 */

/** What Readability reads in `<head>`. */
const HEAD_READ = 'title, meta, base, script[type="application/ld+json" i]';

export interface ReadingCopy {
  /** The document to hand to Readability. */
  clone: Document;
  /** The page's element that `copy` is a deep clone of (for matchClone). */
  original: Element;
  copy: Element;
}

/** A copy of `doc` for Readability; a whole clone when the page is not plain `<html><head><body>`. */
export function readingCopy(doc: Document): ReadingCopy | null {
  const { documentElement: root, head, body } = doc;
  if (!root) return null;
  if (head && body && head.parentNode === root && body.parentNode === root && body.localName === 'body') {
    const clone = doc.cloneNode(false) as Document;
    const html = clone.appendChild(clone.importNode(root, false));
    const headCopy = html.appendChild(clone.importNode(head, false));
    for (const el of head.querySelectorAll(HEAD_READ)) headCopy.appendChild(clone.importNode(el, true));
    const copy = html.appendChild(clone.importNode(body, true));
    if (clone.body === copy) return { clone, original: body, copy };
  }
  const clone = doc.cloneNode(true) as Document;
  return clone.documentElement ? { clone, original: root, copy: clone.documentElement } : null;
}
