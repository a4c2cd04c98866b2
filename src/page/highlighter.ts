/**
 * Paints highlights with the CSS Custom Highlight API, so the page's DOM is never changed
 * (nothing for a framework's hydration to trip on, no note text in the page), and finds which
 * highlights lie under a point, since painted ranges cannot take clicks themselves.
 */
import { COLORS, type Color } from '@/src/core/model';
import { rangesAt } from './hit-test';

/** Registry names; the styles for `::highlight(<name>)` are in entrypoints/content/highlights.css. */
const colorName = (color: Color) => `marginalia-${color}`;
const FLASH = 'marginalia-flash';
const ACTIVE = 'marginalia-active';

interface Painted {
  range: Range;
  color: Color;
}

export class Highlighter {
  private painted = new Map<string, Painted>();
  private layers = new Map<string, Highlight>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Browsers without the API (old Firefox) still save and list highlights, just unpainted. */
  readonly supported = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

  constructor() {
    if (!this.supported) return;
    for (const name of [...COLORS.map(colorName), ACTIVE, FLASH]) {
      const layer = new Highlight();
      // Active and flash sit above the colours.
      layer.priority = name === FLASH ? 2 : name === ACTIVE ? 1 : 0;
      this.layers.set(name, layer);
      CSS.highlights.set(name, layer);
    }
  }

  paint(id: string, range: Range, color: Color): void {
    this.remove(id);
    this.painted.set(id, { range, color });
    this.layers.get(colorName(color))?.add(range);
  }

  recolor(id: string, color: Color): void {
    const item = this.painted.get(id);
    if (item) this.paint(id, item.range, color);
  }

  remove(id: string): void {
    const item = this.painted.get(id);
    if (!item) return;
    this.layers.get(colorName(item.color))?.delete(item.range);
    this.layers.get(ACTIVE)?.delete(item.range);
    this.painted.delete(id);
  }

  has(id: string): boolean {
    return this.painted.has(id);
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.get(id)?.range;
  }

  /** Ids whose ranges are no longer in the document (a single-page app re-rendered them). */
  detached(): string[] {
    return [...this.painted].filter(([, p]) => !p.range.startContainer.isConnected || !p.range.endContainer.isConnected).map(([id]) => id);
  }

  /**
   * Ids of the highlights under a viewport point, innermost (shortest) first, so that a
   * highlight inside a longer one stays clickable.
   */
  hitTest(x: number, y: number): string[] {
    return rangesAt([...this.painted].map(([id, p]) => [id, p.range] as const), x, y);
  }

  /** Marks the highlight being edited; `undefined` clears the mark. */
  setActive(id: string | undefined): void {
    const layer = this.layers.get(ACTIVE);
    layer?.clear();
    const item = id ? this.painted.get(id) : undefined;
    if (item) layer?.add(item.range);
  }

  /** Scrolls a highlight into view and flashes it briefly. */
  flash(id: string): boolean {
    const item = this.painted.get(id);
    if (!item) return false;
    const target = item.range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const layer = this.layers.get(FLASH);
    layer?.clear();
    layer?.add(item.range);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => layer?.clear(), 1600);
    return true;
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    this.painted.clear();
    if (!this.supported) return;
    for (const name of this.layers.keys()) CSS.highlights.delete(name);
    this.layers.clear();
  }
}
