// The background service worker: only wiring; the logic is in src/background/.
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/src/background/main';

export default defineBackground(() => {
  startBackground();
});
