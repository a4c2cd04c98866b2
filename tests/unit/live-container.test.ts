/** @vitest-environment happy-dom */
/**
 * Finding the article's element on the live page (src/core/extract/live-container.ts), and the
 * pipeline's placing of detections through it — or through the whole page when that element has
 * gone or changed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { detect } from '@/src/core/detect';
import { extractArticle } from '@/src/core/extract';
import { liveContainer, matchClone } from '@/src/core/extract/live-container';
import { placeDetection } from '@/src/page/auto/pipeline';

const story = [
  '“We will rebuild the bridge before winter,” said Mayor Ana Ruiz on Tuesday.',
  'The river crossing has been closed since the flood in March, and residents have driven a long detour to reach the hospital and the schools on the east bank.',
  'Ruiz said the council had approved the money at a special meeting. “Nobody should wait another season,” she said.',
  'Engineers from the state transportation department inspected the piers last week and found them sound, according to a report released on Monday evening.',
  'Governor Tom Ellis, who toured the site, called the repair “a test of whether we can still build things quickly.”',
];

function render(): void {
  document.documentElement.setAttribute('lang', 'en');
  document.head.innerHTML = '<title>Bridge to reopen | Millbrook Gazette</title>';
  document.body.innerHTML = `
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <header><p>Subscribe to the newsletter for “morning briefings” from the newsroom.</p></header>
    <main>
      <article id="story">
        <h1>Bridge to reopen before winter</h1>
        <div class="body">${story.map((p) => `<p>${p}</p>`).join('\n')}</div>
      </article>
    </main>
    <footer><p>© Millbrook Gazette. “Trusted since 1901.”</p></footer>`;
}

describe('the live container of the article', () => {
  beforeEach(render);

  it("pairs the clone's elements with the page's and finds the element holding the article", () => {
    const clone = document.cloneNode(true) as Document;
    const liveOf = matchClone(document.documentElement, clone.documentElement);
    const cloneStory = clone.querySelector('#story')!; // (happy-dom's getElementById answers from the original)
    expect(liveOf(cloneStory)).toBe(document.getElementById('story'));
    const paragraphs = clone.querySelectorAll('.body p');
    // Content made of the clone's own paragraphs (as Readability's is): their common ancestor on the page.
    const content = clone.createElement('div');
    for (const p of paragraphs) content.appendChild(p);
    expect(liveContainer(content, liveOf)).toBe(document.querySelector('.body'));
    // Text only in elements made afterwards has no counterpart.
    const made = clone.createElement('div');
    made.appendChild(clone.createElement('p')).textContent = 'new';
    expect(liveContainer(made, liveOf)).toBeNull();
    expect(liveContainer(clone.createElement('div'), liveOf)).toBeNull();
  });

  it('extractArticle(locate) reports the element that holds the article, inside the page', () => {
    const located = extractArticle(document, 'https://example.org/bridge', { locate: true });
    expect(located?.container).toBeTruthy();
    expect(located!.container!.contains(document.querySelector('.body p'))).toBe(true);
    expect(located!.container!.contains(document.querySelector('nav'))).toBe(false);
    expect(extractArticle(document, 'https://example.org/bridge')?.container).toBeUndefined();
  });

  it('places quotations and officials through the container, as through the whole page', () => {
    const located = extractArticle(document, 'https://example.org/bridge', { locate: true })!;
    const detection = detect(located.article);
    const through = placeDetection(document, located, detection);
    const whole = placeDetection(document, { ...located, container: null }, detection);
    const texts = (r: typeof through) => ({
      quotes: r.quotes.map((q) => q.range.toString()),
      officials: r.officials.map((o) => o.ranges.map(String)),
    });
    expect(through.quotes.length).toBeGreaterThanOrEqual(2);
    expect(texts(through)).toEqual(texts(whole));
    expect(through.quotes[0]!.range.toString()).toContain('We will rebuild the bridge before winter');
  });

  it('falls back to the whole page when the container has left the page or lost paragraphs', () => {
    const located = extractArticle(document, 'https://example.org/bridge', { locate: true })!;
    const detection = detect(located.article);
    const expected = placeDetection(document, { ...located, container: null }, detection).quotes.map((q) => q.range.toString());
    // Detached: the page re-rendered the article into a new element.
    const detached = document.createElement('div');
    detached.innerHTML = located.container!.innerHTML;
    expect(placeDetection(document, { ...located, container: detached }, detection).quotes.map((q) => q.range.toString())).toEqual(expected);
    // Still on the page but no longer holding the article's text.
    const nav = document.querySelector('nav')!;
    expect(placeDetection(document, { ...located, container: nav }, detection).quotes.map((q) => q.range.toString())).toEqual(expected);
  });
});
