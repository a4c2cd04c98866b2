/** What the on-demand pipeline bundle (entrypoints/auto-pipeline.ts) exports; types only, so importing it loads nothing. */
import type { extractArticle } from '@/src/core/extract';
import type { runAutoPipeline } from './pipeline';

export interface PipelineBundle {
  runAutoPipeline: typeof runAutoPipeline;
  extractArticle: typeof extractArticle;
}
