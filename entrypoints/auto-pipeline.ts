import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle } from '@/src/core/extract';
import { runAutoPipeline } from '@/src/page/auto/pipeline';
import type { PipelineBundle } from '@/src/page/auto/pipeline-bundle';
import { BUNDLE_GLOBALS } from '@/src/page/lazy-bundle';

// Readability, the article text and the detectors: injected by the background into a content
// script's isolated world on pages that look like articles (see src/page/auto/auto-highlights.ts).
export default defineUnlistedScript(() => {
  const exports: PipelineBundle = { runAutoPipeline, extractArticle };
  (globalThis as Record<string, unknown>)[BUNDLE_GLOBALS.auto] = exports;
});
