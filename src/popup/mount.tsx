/** Renders the popup into its page, with the first requests already out (src/popup/first-start.ts). */
import { render } from 'preact';
import type { FirstLoad } from './first-load';
import { PopupApp } from './PopupApp';

export function mountPopup(root: HTMLElement, first?: FirstLoad): void {
  render(<PopupApp first={first} />, root);
  performance.mark('marginalia:popup-rendered');
}
