/**
 * Sends the popup's first requests as this module is evaluated. The entry script imports it before
 * the UI modules, so the requests go out before Preact and the components are evaluated, while
 * every module is still fetched in parallel (a dynamic import of the UI would fetch it only now).
 * Only the popup imports this: nothing evaluates it at build time.
 */
import { startFirstLoad } from './first-load';

performance.mark('marginalia:popup-script');
export const firstLoad = startFirstLoad();
void firstLoad.search.then(() => performance.mark('marginalia:first-reply'));
