/**
 * Bundles the content script loads on demand: the in-page UI (on first interaction) and the
 * automatic-highlight pipeline (on pages that look like articles). The background injects them
 * into this content script's isolated world, where each leaves its exports under a global that
 * the page's own scripts cannot see.
 */
import { sendToBackground } from '@/src/messaging/client';
import type { LazyBundle } from '@/src/messaging/protocol';

/** Where each bundle leaves its exports (see entrypoints/page-ui.ts and entrypoints/auto-pipeline.ts). */
export const BUNDLE_GLOBALS: Record<LazyBundle, string> = {
  ui: '__marginaliaMountUi',
  auto: '__marginaliaAutoPipeline',
};

const loading = new Map<LazyBundle, Promise<unknown>>();

/** The bundle's exports, injecting it first if needed; rejects with a readable error. */
export function loadBundle<T>(bundle: LazyBundle): Promise<T> {
  const key = BUNDLE_GLOBALS[bundle];
  const present = () => (globalThis as Record<string, unknown>)[key] as T | undefined;
  let promise = loading.get(bundle);
  if (!promise) {
    promise = (async () => {
      if (!present()) {
        const reply = await sendToBackground('bundle.load', { bundle });
        if (!reply.ok) throw new Error(reply.error);
      }
      const exports = present();
      if (!exports) throw new Error(`the ${bundle} bundle did not register`);
      return exports;
    })();
    // A failed load may be retried later.
    promise.catch(() => loading.delete(bundle));
    loading.set(bundle, promise);
  }
  return promise as Promise<T>;
}
