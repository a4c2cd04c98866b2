/** @vitest-environment happy-dom */
/**
 * The copy of the page Readability parses (src/core/extract/reading-copy.ts): the head's metadata
 * and the whole body, without the head's scripts and styles; the page itself untouched.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { detect } from '@/src/core/detect';
import { extractArticle } from '@/src/core/extract';
import { articleText } from '@/src/core/extract/article-text';
import { readingCopy } from '@/src/core/extract/reading-copy';
import { Readability } from '@mozilla/readability';
import { placeDetection } from '@/src/page/auto/pipeline';

const paragraphs = [
  '“The ferry will run again on Monday,” said Harbour Commissioner Lena Ortiz at a briefing.',
  'Ortiz said the engines had been repaired after the storm damaged the dock in January and that inspectors had signed off on the work.',
  'Passengers have waited weeks for the service, which links the island to the mainland hospital and its schools.',
  'The council approved the repair budget at a meeting on Thursday evening, according to the minutes published on Friday.',
];

function render(): void {
  document.documentElement.setAttribute('lang', 'en-GB');
  document.head.innerHTML = `
    <title>Ferry to run again | Island Courier</title>
    <meta name="author" content="Sam Reyes">
    <meta property="og:site_name" content="Island Courier">
    <base href="https://news.example.org/island/">
    <script>window.analytics = { queue: [] };</script>
    <style>body { color: #222 }</style>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2026-02-03T08:00:00Z"}</script>`;
  document.body.innerHTML = `
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Ferry to run again</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
    <script>console.log('body script')</script>`;
}

describe('the reading copy', () => {
  beforeEach(render);

  it("keeps the head's title, metadata, base and JSON-LD and the whole body, not the head's scripts and styles", () => {
    const before = document.documentElement.outerHTML;
    const copy = readingCopy(document)!;
    const head = copy.clone.querySelector('head')!;
    expect([...head.children].map((el) => el.localName)).toEqual(['title', 'meta', 'meta', 'base', 'script']);
    expect(head.querySelector('script')!.getAttribute('type')).toBe('application/ld+json');
    expect(copy.clone.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(copy.original).toBe(document.body);
    expect(copy.copy).toBe(copy.clone.body);
    expect(copy.copy.outerHTML).toBe(document.body.outerHTML);
    expect(copy.copy).not.toBe(document.body);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('gives Readability what it reads: the same metadata and text as a whole clone', () => {
    const extracted = extractArticle(document, 'https://news.example.org/island/ferry')!;
    expect(extracted.title).toBe('Ferry to run again | Island Courier');
    expect(extracted.byline).toBe('Sam Reyes');
    expect(extracted.siteName).toBe('Island Courier');
    expect(extracted.publishedTime).toBe('2026-02-03T08:00:00Z');
    expect(extracted.lang).toBe('en-GB');
    expect(extracted.article.text).toContain(paragraphs[1]);
    const whole = new Readability<Element>(document.cloneNode(true) as Document, { serializer: (node) => node as Element }).parse()!;
    expect(extracted.article.text).toBe(articleText(whole.content!).text);
    expect([extracted.title, extracted.byline, extracted.siteName, extracted.publishedTime]).toEqual([whole.title, whole.byline, whole.siteName, whole.publishedTime]);
    expect(extracted.article.text).not.toContain('body script');
  });

  it('copies the whole document when the page has no head and body of its own', () => {
    const doc = new DOMParser().parseFromString('<feed><entry>Not a web page</entry></feed>', 'application/xml');
    const copy = readingCopy(doc)!;
    expect(copy.original).toBe(doc.documentElement);
    expect(copy.copy.outerHTML).toBe(doc.documentElement.outerHTML);
  });

  it("does not keep Readability's element (and so the copy of the page) in the pipeline's result", () => {
    const extracted = extractArticle(document, 'https://news.example.org/island/ferry', { locate: true })!;
    const result = placeDetection(document, extracted, detect(extracted.article));
    expect(result.quotes.length).toBeGreaterThan(0);
    expect('content' in result.extracted).toBe(false);
    expect(result.extracted.article.text).toBe(extracted.article.text);
  });
});
