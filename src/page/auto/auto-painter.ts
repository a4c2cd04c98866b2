/**
 * Paints automatic highlights — quotations, their speakers' names, officials — in their own
 * CSS highlight layers (styles in entrypoints/content/highlights.css), below the reader's own
 * highlights, and finds which of them lie under a click.
 */
import { HighlightLayers } from '../highlight-layers';
import { rangesAt } from '../hit-test';
import type { AutoResult, PlacedOfficial, PlacedQuote } from './pipeline';

const LAYERS = { quote: 'marginalia-quote', speaker: 'marginalia-speaker', official: 'marginalia-official', focus: 'marginalia-focus' } as const;

export type AutoHit = { kind: 'quote'; item: PlacedQuote } | { kind: 'official'; item: PlacedOfficial; mention: number };

export class AutoPainter {
  // Under the reader's highlights (priority 0 and up), except the focus flash.
  private layers = new HighlightLayers({
    [LAYERS.quote]: -1,
    [LAYERS.speaker]: -1,
    [LAYERS.official]: -1,
    [LAYERS.focus]: 3,
  });
  private quotes: PlacedQuote[] = [];
  private officials: PlacedOfficial[] = [];

  /** Shows what the pipeline found, limited to the kinds that are switched on. */
  show(result: AutoResult | null, kinds: { quotes: boolean; officials: boolean }): void {
    this.clear();
    if (!result) return;
    if (kinds.quotes) this.quotes = result.quotes;
    if (kinds.officials) this.officials = result.officials;
    for (const q of this.quotes) {
      this.layers.add(LAYERS.quote, q.range);
      if (q.speakerRange) this.layers.add(LAYERS.speaker, q.speakerRange);
    }
    for (const o of this.officials) for (const r of o.ranges) this.layers.add(LAYERS.official, r);
  }

  clear(): void {
    this.layers.clear();
    this.quotes = [];
    this.officials = [];
  }

  /** The innermost automatic highlight under a point: an official's name inside a quote wins. */
  hitTest(x: number, y: number): AutoHit | undefined {
    const entries: (readonly [AutoHit, Range])[] = [];
    for (const item of this.quotes) entries.push([{ kind: 'quote', item }, item.range]);
    for (const item of this.officials) item.ranges.forEach((r, mention) => entries.push([{ kind: 'official', item, mention }, r]));
    return rangesAt(entries, x, y)[0];
  }

  /** Scrolls to a range and outlines it briefly (stepping through an official's mentions). */
  focus(range: Range): void {
    this.layers.flash(LAYERS.focus, range);
  }

  destroy(): void {
    this.clear();
    this.layers.destroy();
  }
}
