// Drives the extension as a reader does: drags the mouse over text, clicks the toolbar, types.
// The in-page UI is in a closed shadow root that no selector can reach (that is the point), so
// the toolbar is clicked by its position, which follows from its fixed geometry.
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Viewport boxes of the first and last characters of the first occurrence of `phrase` in the article. */
async function phraseEnds(page: Page, phrase: string): Promise<{ first: Box; last: Box; all: Box }> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const el = node.parentElement;
      el?.scrollIntoView({ block: 'center' });
      const box = (start: number, end: number) => {
        const r = document.createRange();
        r.setStart(node, start);
        r.setEnd(node, end);
        const rect = r.getBoundingClientRect();
        return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
      };
      return { first: box(at, at + 1), last: box(at + needle.length - 1, at + needle.length), all: box(at, at + needle.length) };
    }
    throw new Error(`phrase not on the page: ${needle}`);
  }, phrase);
}

/** Selects a phrase (within one text node) by dragging the mouse over it, as a reader does. */
export async function dragSelect(page: Page, phrase: string): Promise<Box> {
  const { first, last, all } = await phraseEnds(page, phrase);
  await page.mouse.move(first.left + 1, (first.top + first.bottom) / 2);
  await page.mouse.down();
  await page.mouse.move((first.left + last.right) / 2, (last.top + last.bottom) / 2, { steps: 4 });
  await page.mouse.move(last.right - 1, (last.top + last.bottom) / 2, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
  if (selected.trim() !== phrase.trim()) throw new Error(`selected ${JSON.stringify(selected)} instead of ${JSON.stringify(phrase)}`);
  return all;
}

/**
 * Clicks colour swatch `index` of the toolbar shown under a selection whose viewport box is `box`.
 * Geometry from src/page/ui/styles.css: toolbar centred under the selection, 8px below it,
 * 1px border, 6px/8px padding, 22px swatches 6px apart.
 */
export async function clickSwatch(page: Page, box: Box, index: number): Promise<void> {
  const centre = (box.left + box.right) / 2;
  const width = 2 + 16 + 5 * 22 + 4 * 6;
  const x = centre - width / 2 + 1 + 8 + index * 28 + 11;
  const y = box.bottom + 8 + 1 + 6 + 11;
  // The in-page UI is injected on first use: wait for its host, then a frame for it to render.
  await page.waitForSelector('[data-marginalia-ui]', { state: 'attached' });
  await page.waitForTimeout(100);
  await page.mouse.click(x, y);
}

/** Text ranges painted in each of our highlight layers, read from the page's CSS.highlights. */
export async function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('marginalia-')) return;
      out[name] = [...highlight].map((r) => r.toString());
    });
    return out;
  });
}

/** Waits until a highlight of `color` with exactly `text` is painted. */
export async function waitForPainted(page: Page, color: string, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    ([name, expected]) => [...(CSS.highlights.get(name) ?? [])].some((r) => r.toString() === expected),
    [`marginalia-${color}`, text] as const,
    { timeout },
  );
}

/**
 * Sends a request to the background from one of the extension's own pages, the way the popup
 * does; used to read what is stored.
 */
export async function askBackground<T = unknown>(extensionPage: Page, type: string, payload: unknown): Promise<T> {
  const reply = await extensionPage.evaluate(
    ([t, p]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        channel: 'marginalia',
        type: t,
        payload: p,
      }),
    [type, payload] as const,
  );
  const result = reply as { ok: boolean; value?: T; error?: string };
  if (!result?.ok) throw new Error(`background refused ${type}: ${result?.error}`);
  return result.value as T;
}

/** Scrolls a painted highlight into view and clicks its middle, as a reader does to open the editor. */
export async function clickHighlight(page: Page, color: string, text: string): Promise<void> {
  const point = await page.evaluate(
    ([name, expected]) => {
      const range = [...(CSS.highlights.get(name) ?? [])].find((r) => r.toString() === expected) as Range | undefined;
      if (!range) throw new Error(`no ${name} highlight of ${expected}`);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(20, rect.width / 2), y: (rect.top + rect.bottom) / 2 };
    },
    [`marginalia-${color}`, text] as const,
  );
  await page.mouse.click(point.x, point.y);
}

/** True while focus is inside our in-page UI (focus in a closed shadow root shows as its host). */
export function focusInOurUi(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.hasAttribute('data-marginalia-ui') ?? false);
}
