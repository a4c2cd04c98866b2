// First import: its evaluation sends the first search, before the UI modules below are evaluated.
// Its marks, and the one after rendering, show where the popup's first moments go (`npm run bench`).
import { firstLoad } from '@/src/popup/first-start';
import { mountPopup } from '@/src/popup/mount';
import '@/src/popup/popup.css';

mountPopup(document.getElementById('app')!, firstLoad);
