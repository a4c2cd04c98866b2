/** Renders the popup into its page; loaded by the entry script once the first requests are out. */
import { render } from 'preact';
import type { FirstLoad } from './first-load';
import { PopupApp } from './PopupApp';

export function mountPopup(root: HTMLElement, first?: FirstLoad): void {
  render(<PopupApp first={first} />, root);
  performance.mark('marginalia:popup-rendered');
}
