/**
 * Paints highlights with the CSS Custom Highlight API, so the page's DOM is never changed
 * (nothing for a framework's hydration to trip on, no note text in the page), and finds which
 * highlights lie under a point, since painted ranges cannot take clicks themselves.
 */
import { COLORS, type Color } from '@/src/core/model';
import { HighlightLayers } from './highlight-layers';
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
  // Active and flash sit above the colours.
  private layers = new HighlightLayers({
    ...Object.fromEntries(COLORS.map((color) => [colorName(color), 0])),
    [ACTIVE]: 1,
    [FLASH]: 2,
  });

  paint(id: string, range: Range, color: Color): void {
    this.remove(id);
    this.painted.set(id, { range, color });
    this.layers.add(colorName(color), range);
  }

  recolor(id: string, color: Color): void {
    const item = this.painted.get(id);
    if (item) this.paint(id, item.range, color);
  }

  remove(id: string): void {
    const item = this.painted.get(id);
    if (!item) return;
    this.layers.delete(colorName(item.color), item.range);
    this.layers.delete(ACTIVE, item.range);
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
    this.layers.clear(ACTIVE);
    const item = id ? this.painted.get(id) : undefined;
    if (item) this.layers.add(ACTIVE, item.range);
  }

  /** Scrolls a highlight into view and flashes it briefly. */
  flash(id: string): boolean {
    const item = this.painted.get(id);
    if (!item) return false;
    this.layers.flash(FLASH, item.range);
    return true;
  }

  destroy(): void {
    this.painted.clear();
    this.layers.destroy();
  }
}
