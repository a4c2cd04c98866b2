/**
 * Hosts the in-page UI in a closed shadow root: the page's scripts cannot reach into it, so
 * note and tag text never enters the page's DOM, and the page's CSS cannot restyle it.
 */
import { h, render } from 'preact';
import css from './styles.css?inline';
import { UI_HOST_ATTRIBUTE } from '@/src/core/anchoring';
import { App, type UiActions, type UiState } from './App';

export interface UiHost {
  host: HTMLElement;
  update(state: UiState): void;
  /** True when the event happened inside our UI (events are retargeted to the host). */
  owns(event: Event): boolean;
  destroy(): void;
}

export function mountUi(actions: UiActions): UiHost {
  const host = document.createElement('div');
  // Marks our host so the anchoring text walk skips it.
  host.setAttribute(UI_HOST_ATTRIBUTE, '');
  // The host sits at the document's origin so children can use page coordinates.
  host.style.cssText = 'all:initial!important;position:absolute!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483647!important;display:block!important;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.documentElement.append(host);

  return {
    host,
    update: (state) => render(h(App, { state, actions }), container),
    owns: (event) => event.composedPath().includes(host),
    destroy: () => {
      render(null, container);
      host.remove();
    },
  };
}
