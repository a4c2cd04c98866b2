/**
 * Paints automatic highlights — quotations, their speakers' names, officials — in their own
 * CSS highlight layers (styles in entrypoints/content/highlights.css), below the reader's own
 * highlights, and finds which of them lie under a click.
 */
import { rangesAt } from '../hit-test';
import type { AutoResult, PlacedOfficial, PlacedQuote } from './pipeline';

const LAYERS = { quote: 'marginalia-quote', speaker: 'marginalia-speaker', official: 'marginalia-official', focus: 'marginalia-focus' } as const;

export type AutoHit = { kind: 'quote'; item: PlacedQuote } | { kind: 'official'; item: PlacedOfficial; mention: number };

export class AutoPainter {
  private layers = new Map<string, Highlight>();
  private quotes: PlacedQuote[] = [];
  private officials: PlacedOfficial[] = [];
  private focusTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

  constructor() {
    if (!this.supported) return;
    for (const name of Object.values(LAYERS)) {
      const layer = new Highlight();
      // Under the reader's highlights (priority 0 and up), except the focus flash.
      layer.priority = name === LAYERS.focus ? 3 : -1;
      this.layers.set(name, layer);
      CSS.highlights.set(name, layer);
    }
  }

  /** Shows what the pipeline found, limited to the kinds that are switched on. */
  show(result: AutoResult | null, kinds: { quotes: boolean; officials: boolean }): void {
    this.clear();
    if (!result) return;
    if (kinds.quotes) this.quotes = result.quotes;
    if (kinds.officials) this.officials = result.officials;
    const quoteLayer = this.layers.get(LAYERS.quote);
    const speakerLayer = this.layers.get(LAYERS.speaker);
    for (const q of this.quotes) {
      quoteLayer?.add(q.range);
      if (q.speakerRange) speakerLayer?.add(q.speakerRange);
    }
    const officialLayer = this.layers.get(LAYERS.official);
    for (const o of this.officials) for (const r of o.ranges) officialLayer?.add(r);
  }

  clear(): void {
    for (const layer of this.layers.values()) layer.clear();
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
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const layer = this.layers.get(LAYERS.focus);
    layer?.clear();
    layer?.add(range);
    clearTimeout(this.focusTimer);
    this.focusTimer = setTimeout(() => layer?.clear(), 1600);
  }

  destroy(): void {
    clearTimeout(this.focusTimer);
    this.clear();
    if (!this.supported) return;
    for (const name of this.layers.keys()) CSS.highlights.delete(name);
    this.layers.clear();
  }
}
