/**
 * Named layers of the CSS Custom Highlight API (styles for `::highlight(<name>)` are in
 * entrypoints/content/highlights.css), shared by the reader's highlights and the automatic ones.
 * Without the API (old browsers) every call is a no-op: highlights are still saved and listed.
 */

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** How long a flashed range stays marked. */
const FLASH_MS = 1600;

export class HighlightLayers {
  private layers = new Map<string, Highlight>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  /** `priorities` maps each layer name to its stacking priority (higher paints above). */
  constructor(priorities: Record<string, number>) {
    if (!supported()) return;
    for (const [name, priority] of Object.entries(priorities)) {
      const layer = new Highlight();
      layer.priority = priority;
      this.layers.set(name, layer);
      CSS.highlights.set(name, layer);
    }
  }

  add(name: string, range: Range): void {
    this.layers.get(name)?.add(range);
  }

  delete(name: string, range: Range): void {
    this.layers.get(name)?.delete(range);
  }

  clear(name?: string): void {
    if (name) this.layers.get(name)?.clear();
    else for (const layer of this.layers.values()) layer.clear();
  }

  /** Scrolls a range into view and marks it in layer `name` for a moment. */
  flash(name: string, range: Range): void {
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.clear(name);
    this.add(name, range);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.clear(name), FLASH_MS);
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    for (const name of this.layers.keys()) CSS.highlights.delete(name);
    this.layers.clear();
  }
}
