import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BUNDLE_GLOBALS } from '@/src/page/lazy-bundle';
import { mountUi } from '@/src/page/ui/mount';

// Injected by the background into a content script's isolated world on first use (see src/page/lazy-bundle.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[BUNDLE_GLOBALS.ui] = mountUi;
});
