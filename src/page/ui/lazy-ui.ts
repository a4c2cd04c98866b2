/**
 * The in-page UI, loaded on first use. Preact and the toolbar, editor and cards are not part of
 * the content script that runs on every article: the first time something must be shown, the
 * background injects them (entrypoints/page-ui.ts) into this content script's isolated world.
 */
import { loadBundle } from '../lazy-bundle';
import type { UiActions, UiState } from './App';
import type { UiHost } from './mount';

export type MountUi = (actions: UiActions) => UiHost;

/** True when the state has something to show, so the UI must be loaded. */
const showsSomething = (s: UiState) => Boolean(s.toolbar || s.editor || s.card || s.tip || s.toast);

export class LazyUi {
  private real: UiHost | undefined;
  private loading: Promise<void> | undefined;
  private last: UiState | undefined;

  constructor(private actions: UiActions) {}

  /** Our host element once mounted; selections inside it are ignored. */
  get host(): HTMLElement | null {
    return this.real?.host ?? null;
  }

  update(state: UiState): void {
    this.last = state;
    if (this.real) this.real.update(state);
    else if (showsSomething(state)) void this.load();
  }

  owns(event: Event): boolean {
    return this.real?.owns(event) ?? false;
  }

  private load(): Promise<void> {
    this.loading ??= (async () => {
      const mount = await loadBundle<MountUi>('ui');
      this.real = mount(this.actions);
      if (this.last) this.real.update(this.last);
    })().catch((error: unknown) => {
      console.warn('[marginalia] could not load the page UI:', error);
      this.loading = undefined;
    });
    return this.loading;
  }

  destroy(): void {
    this.real?.destroy();
    this.real = undefined;
  }
}
