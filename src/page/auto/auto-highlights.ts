/**
 * Automatic highlights on the current page: follows the reader's switches, runs the pipeline
 * once the page is ready (and again after single-page-app navigation), and keeps what it found
 * for clicks and for the popup.
 */
import type { ArticleFacts } from '@/src/core/extract';
import { normalizeUrl } from '@/src/core/url';
import type { AutoSummary } from '@/src/messaging/protocol';
import { DEFAULT_AUTO_SETTINGS, effectiveFor, loadAutoSettings, onAutoSettingsChanged, type AutoSettings } from '@/src/settings/auto-highlights';
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { loadBundle } from '../lazy-bundle';
import { AutoPainter } from './auto-painter';
import type { AutoResult } from './pipeline';
import { timed, yieldToPage, type StepTimings } from './steps';
import type { PipelineBundle } from './pipeline-bundle';

export class AutoHighlights {
  readonly painter = new AutoPainter();
  private settings: AutoSettings = DEFAULT_AUTO_SETTINGS;
  private result: AutoResult | null = null;
  private generation = 0;
  /** The steps of the last run on this page and their durations (reported with the summary). */
  private timings: StepTimings = [];
  private unsubscribe: () => void;
  /** Settles when the current run has finished. */
  ready: Promise<void> = Promise.resolve();

  constructor() {
    this.unsubscribe = onAutoSettingsChanged((settings) => {
      this.settings = settings;
      this.repaint();
    });
  }

  /** Runs the pipeline for the current URL; any earlier run still going is dropped. */
  run(): Promise<void> {
    const generation = ++this.generation;
    this.painter.clear();
    this.result = null;
    const timings: StepTimings = (this.timings = []);
    this.ready = (async () => {
      this.settings = await loadAutoSettings().catch(() => DEFAULT_AUTO_SETTINGS);
      const url = normalizeUrl(location.href);
      if (!url || generation !== this.generation) return;
      // Pages that are not articles never load Readability and the detectors.
      // Nothing here is urgent: let the page finish its own work first.
      await yieldToPage();
      if (generation !== this.generation) return;
      if (!document.body || !timed(timings, 'readerable', () => isProbablyReaderable(document))) return;
      const { runAutoPipeline } = await loadBundle<PipelineBundle>('auto');
      if (generation !== this.generation) return;
      const result = await runAutoPipeline(document, url, () => generation !== this.generation, timings);
      if (generation !== this.generation) return;
      this.result = result;
      timed(timings, 'paint', () => this.repaint());
    })().catch((error: unknown) => console.warn('[marginalia] automatic highlights failed:', error));
    return this.ready;
  }

  private kinds(): { quotes: boolean; officials: boolean; siteDisabled: boolean } {
    return effectiveFor(this.settings, location.href);
  }

  private repaint(): void {
    this.painter.show(this.result, this.kinds());
  }

  /** The article as Readability saw it, once the pipeline has run (used for page metadata). */
  get extracted(): ArticleFacts | undefined {
    return this.result?.extracted;
  }

  /** The role of a detected official by name, for "Lori Lightfoot, Mayor". */
  roleOf(name: string | null): string | undefined {
    if (!name || !this.result) return undefined;
    const last = name.split(' ').at(-1);
    return this.result.officials.find((o) => o.official.name === name || o.official.name.split(' ').at(-1) === last)?.official.role;
  }

  async summary(): Promise<AutoSummary> {
    await this.ready;
    const kinds = this.kinds();
    const r = this.result;
    return {
      article: r !== null,
      siteDisabled: kinds.siteDisabled,
      timings: this.timings,
      quotes: r && kinds.quotes ? r.quotes.map((q) => ({ text: q.quote.text, speaker: q.quote.speaker })) : [],
      officials:
        r && kinds.officials
          ? r.officials.map((o) => ({ name: o.official.name, role: o.official.role, mentions: o.official.mentions.length }))
          : [],
    };
  }

  destroy(): void {
    this.generation++;
    this.unsubscribe();
    this.painter.destroy();
  }
}
