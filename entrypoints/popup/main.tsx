import { startFirstLoad } from '@/src/popup/first-load';
import '@/src/popup/popup.css';

// The first search goes out before the UI code is even loaded; the app picks up its answer.
// The marks show where the popup's first moments go (`npm run bench`, popup-first-results).
performance.mark('marginalia:popup-script');
const first = startFirstLoad();
void first.search.then(() => performance.mark('marginalia:first-reply'));
void import('@/src/popup/mount').then(({ mountPopup }) => mountPopup(document.getElementById('app')!, first));
