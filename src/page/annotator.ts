/**
 * The reader's side of the content script: loads the page's annotations from the background,
 * anchors and paints them, turns selections into highlights and runs the editor. Holds page
 * state only; the database lives in the background.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorAll, buildTextIndex, describe } from '@/src/core/anchoring';
import type { Annotation, AnnotationKind, Color } from '@/src/core/model';
import { COLORS } from '@/src/core/model';
import { normalizeUrl } from '@/src/core/url';
import { sendToBackground } from '@/src/messaging/client';
import type { AnnotationPatch, PageInput } from '@/src/messaging/protocol';
import { AutoHighlights } from './auto/auto-highlights';
import type { AutoHit } from './auto/auto-painter';
import { Highlighter } from './highlighter';
import { extractPageMeta } from './page-meta';
import { checkSelection } from './selection';
import type { UiState } from './ui/App';
import { LazyUi } from './ui/lazy-ui';

/** Edits are sent this long after the last keystroke (and at once when the editor closes). */
const SAVE_DELAY_MS = 350;
/** Late content (lazy article bodies, single-page apps) is re-anchored this long after it settles. */
const MUTATION_SETTLE_MS = 400;
/** Orphan flags are reported once placement has been stable this long. */
const REPORT_SETTLE_MS = 1500;

export class Annotator {
  private url: string | null = null;
  private annotations = new Map<string, Annotation>();
  private orphans = new Set<string>();
  private highlighter = new Highlighter();
  /** Quotations and officials found on the page. */
  readonly auto = new AutoHighlights();
  /** The automatic highlight whose card is open. */
  private cardTarget: AutoHit | undefined;
  private ui: LazyUi;
  private state: UiState = { knownTags: [] };
  /** Edits not yet acknowledged by the background, per annotation. */
  private pending = new Map<string, AnnotationPatch>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private hoverPending = false;
  private observer: MutationObserver;
  private meta: PageInput | undefined;
  /** Bumped on every load so a slow reply for an old URL is dropped. */
  private generation = 0;

  constructor(private ctx: ContentScriptContext) {
    this.ui = new LazyUi({
      pick: (color) => void this.highlightSelection(color),
      change: (id, patch) => this.change(id, patch),
      remove: (id) => void this.remove(id),
      nextOverlap: () => this.nextOverlap(),
      closeEditor: () => this.closeEditor(),
      saveQuote: () => void this.saveQuote(),
      stepMention: (delta) => this.stepMention(delta),
    });
    this.observer = new MutationObserver(() => {
      clearTimeout(this.mutationTimer);
      this.mutationTimer = setTimeout(() => this.reanchorMissing(), MUTATION_SETTLE_MS);
    });
    this.observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });

    const doc = document;
    ctx.addEventListener(doc, 'mouseup', (e) => !this.ui.owns(e) && setTimeout(() => this.onSelectionEnd(), 0));
    ctx.addEventListener(doc, 'keyup', (e) => !this.ui.owns(e) && e.shiftKey && this.onSelectionEnd());
    ctx.addEventListener(doc, 'selectionchange', () => {
      if (this.state.toolbar && document.getSelection()?.isCollapsed) this.setState({ toolbar: undefined });
    });
    ctx.addEventListener(doc, 'click', (e) => this.onClick(e), { capture: true });
    ctx.addEventListener(doc, 'mousemove', (e) => this.onHover(e), { passive: true });
    ctx.addEventListener(doc, 'keydown', (e) => {
      if (e.key === 'Escape' && (this.state.toolbar || this.state.editor || this.state.card)) this.closeEditor();
    });
    ctx.addEventListener(window, 'pagehide', () => void this.flush());
    ctx.addEventListener(doc, 'visibilitychange', () => document.visibilityState === 'hidden' && void this.flush());
    ctx.addEventListener(window, 'wxt:locationchange', () => void this.load());
    this.render();
  }

  /** Settles when the current URL's annotations are loaded and placed. */
  private loading: Promise<void> = Promise.resolve();

  /** Loads and places the annotations of the current URL. */
  load(): Promise<void> {
    this.loading = this.loadNow();
    return this.loading;
  }

  private async loadNow(): Promise<void> {
    await this.flush();
    const generation = ++this.generation;
    for (const id of this.annotations.keys()) this.highlighter.remove(id);
    this.annotations.clear();
    this.orphans.clear();
    this.meta = undefined;
    this.closeEditor();
    this.url = normalizeUrl(location.href);
    if (!this.url) return;
    const reply = await sendToBackground('annotations.forPage', { url: this.url });
    if (generation !== this.generation) return;
    if (!reply.ok) {
      console.warn('[marginalia] could not load highlights:', reply.error);
      return;
    }
    for (const a of reply.value) this.annotations.set(a.id, a);
    this.place([...this.annotations.values()]);
    void this.auto.run();
  }

  /** Anchors and paints the given annotations in one pass over the page's text. */
  private place(list: Annotation[]): void {
    if (!list.length || !document.body) return;
    const results = anchorAll(document.body, list);
    list.forEach((a, i) => {
      const result = results[i];
      if (result && 'range' in result) {
        this.highlighter.paint(a.id, result.range, a.color);
        this.orphans.delete(a.id);
      } else {
        this.highlighter.remove(a.id);
        this.orphans.add(a.id);
      }
    });
    this.report();
  }

  /**
   * Tells the background which annotations are orphans, when that differs from what it has —
   * after the page has been quiet for a moment, so a late article does not flip the flags twice.
   */
  private report(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => this.reportNow(), REPORT_SETTLE_MS);
  }

  private reportNow(): void {
    if (!this.url) return;
    const changed = [...this.annotations.values()].filter((a) => a.orphan !== this.orphans.has(a.id));
    if (!changed.length) return;
    for (const a of changed) a.orphan = this.orphans.has(a.id);
    void sendToBackground('anchoring.report', {
      url: this.url,
      orphans: changed.filter((a) => a.orphan).map((a) => a.id),
      anchored: changed.filter((a) => !a.orphan).map((a) => a.id),
    });
  }

  /** After the page changed: place orphans (the article may have arrived late) and re-rendered ones. */
  private reanchorMissing(): void {
    const ids = new Set([...this.orphans, ...this.highlighter.detached()]);
    const list = [...ids].map((id) => this.annotations.get(id)).filter((a): a is Annotation => !!a);
    if (list.length) this.place(list);
  }

  private onSelectionEnd(): void {
    const check = checkSelection(document.getSelection(), this.ui.host);
    if (check.kind === 'ignore') return;
    if (check.kind === 'error') {
      this.toast(check.message, 'error');
      return;
    }
    const rect = check.range.getBoundingClientRect();
    this.setState({ toolbar: { x: rect.left + rect.width / 2 + scrollX, y: rect.bottom + scrollY + 8 } });
  }

  /** Highlights the current selection: from the toolbar, the context menu or the shortcut. */
  async highlightSelection(color: Color = COLORS[0]): Promise<void> {
    const check = checkSelection(document.getSelection(), this.ui.host);
    this.setState({ toolbar: undefined });
    if (check.kind === 'error') return this.toast(check.message, 'error');
    if (check.kind === 'ignore') return this.toast('Select some text in the article first.', 'info');
    document.getSelection()?.removeAllRanges();
    await this.save(check.range, { kind: 'highlight', color });
  }

  /** Saves a range as an annotation, paints it at once and opens its editor. */
  private async save(
    range: Range,
    fields: { kind: AnnotationKind; color: Color; tags?: string[]; speaker?: string },
  ): Promise<Annotation | undefined> {
    if (!this.url) {
      this.toast('Highlights cannot be saved on this page.', 'error');
      return undefined;
    }
    const index = buildTextIndex(document.body);
    const selectors = describe(document.body, range, index);
    const id = crypto.randomUUID();
    // Anchoring what was just described gives the whitespace-trimmed range that will be restored later.
    const placed = anchorAll(document.body, [selectors], index)[0];
    this.highlighter.paint(id, placed && 'range' in placed ? placed.range : range, fields.color);
    this.meta ??= await extractPageMeta(document, this.url, this.auto.extracted);
    const reply = await sendToBackground('annotation.create', {
      annotation: { id, url: this.url, ...fields, ...selectors },
      page: this.meta,
    });
    if (!reply.ok) {
      this.highlighter.remove(id);
      this.toast(`Could not save the highlight: ${reply.error}`, 'error');
      return undefined;
    }
    this.annotations.set(id, reply.value);
    this.openEditor(id, [id]);
    return reply.value;
  }

  /** Saves the quotation whose card is open, with its speaker and the tag `quote`. */
  private async saveQuote(): Promise<void> {
    const hit = this.cardTarget;
    if (hit?.kind !== 'quote') return;
    const speaker = hit.item.quote.speaker ?? undefined;
    await this.save(hit.item.range, { kind: 'quote', color: 'blue', tags: ['quote'], ...(speaker ? { speaker } : {}) });
  }

  /** Steps through the mentions of the official whose card is open. */
  private stepMention(delta: 1 | -1): void {
    const hit = this.cardTarget;
    const card = this.state.card;
    if (hit?.kind !== 'official' || card?.kind !== 'official') return;
    const count = hit.item.ranges.length;
    const mention = (card.mention + delta + count) % count;
    const range = hit.item.ranges[mention];
    if (!range) return;
    this.auto.painter.focus(range);
    this.setState({ card: { ...card, mention } });
  }

  private openCard(hit: AutoHit): void {
    void this.flush();
    this.cardTarget = hit;
    const range = hit.kind === 'quote' ? hit.item.range : hit.item.ranges[hit.mention];
    if (!range) return;
    const rect = range.getBoundingClientRect();
    const x = Math.max(scrollX + 8, Math.min(rect.left + scrollX, scrollX + innerWidth - 300));
    const y = rect.bottom + scrollY + 8;
    this.highlighter.setActive(undefined);
    if (hit.kind === 'quote') {
      const speaker = hit.item.quote.speaker;
      this.setState({ editor: undefined, toolbar: undefined, card: { kind: 'quote', x, y, speaker, role: this.auto.roleOf(speaker), saved: false } });
    } else {
      const { name, role } = hit.item.official;
      this.setState({
        editor: undefined,
        toolbar: undefined,
        card: { kind: 'official', x, y, name, role, mention: hit.mention, count: hit.item.ranges.length },
      });
    }
  }

  /** Shows who said the quotation under the pointer; at most one hit test per animation frame. */
  private onHover(e: MouseEvent): void {
    if (this.hoverPending || e.buttons !== 0 || this.ui.owns(e)) return;
    this.hoverPending = true;
    requestAnimationFrame(() => {
      this.hoverPending = false;
      const hit = this.auto.painter.hitTest(e.clientX, e.clientY);
      const speaker = hit?.kind === 'quote' ? hit.item.quote.speaker : null;
      if (speaker) {
        const role = this.auto.roleOf(speaker);
        const text = role ? `${speaker}, ${role}` : speaker;
        if (this.state.tip?.text !== text) this.setState({ tip: { x: e.pageX + 12, y: e.pageY + 18, text } });
      } else if (this.state.tip) {
        this.setState({ tip: undefined });
      }
    });
  }

  private onClick(e: MouseEvent): void {
    if (this.ui.owns(e)) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const hits = this.highlighter.hitTest(e.clientX, e.clientY);
    const first = hits[0];
    if (first) return this.openEditor(first, hits);
    const auto = this.auto.painter.hitTest(e.clientX, e.clientY);
    if (auto) return this.openCard(auto);
    if (this.state.editor || this.state.card) this.closeEditor();
  }

  private openEditor(id: string, overlaps: string[]): void {
    const annotation = this.annotations.get(id);
    const range = this.highlighter.rangeOf(id);
    if (!annotation || !range) return;
    void this.flush();
    const rect = range.getBoundingClientRect();
    const x = Math.max(scrollX + 8, Math.min(rect.left + scrollX, scrollX + innerWidth - 340));
    this.highlighter.setActive(id);
    this.setState({ toolbar: undefined, card: undefined, editor: { annotation, x, y: rect.bottom + scrollY + 8, overlaps, saveState: 'saved' } });
    void sendToBackground('tags.list', {}).then((r) => r.ok && this.setState({ knownTags: r.value }));
  }

  private nextOverlap(): void {
    const editor = this.state.editor;
    if (!editor) return;
    const i = editor.overlaps.indexOf(editor.annotation.id);
    const next = editor.overlaps[(i + 1) % editor.overlaps.length];
    if (next) this.openEditor(next, [...editor.overlaps]);
  }

  private closeEditor(): void {
    void this.flush();
    this.highlighter.setActive(undefined);
    this.cardTarget = undefined;
    if (this.state.editor || this.state.toolbar || this.state.card) this.setState({ editor: undefined, toolbar: undefined, card: undefined });
  }

  /** Applies an edit at once on screen, and saves it shortly after the last change. */
  private change(id: string, patch: AnnotationPatch): void {
    const current = this.annotations.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    this.annotations.set(id, next);
    if (patch.color) this.highlighter.recolor(id, patch.color);
    this.pending.set(id, { ...this.pending.get(id), ...patch });
    const editor = this.state.editor;
    if (editor?.annotation.id === id) this.setState({ editor: { ...editor, annotation: next, saveState: 'saving' } });
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Sends every pending edit; the editor shows whether it was saved. */
  private async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    const batch = [...this.pending];
    this.pending.clear();
    await Promise.all(
      batch.map(async ([id, patch]) => {
        const reply = await sendToBackground('annotation.update', { id, patch });
        const editor = this.state.editor;
        if (editor?.annotation.id !== id || this.pending.has(id)) return;
        this.setState({ editor: { ...editor, saveState: reply.ok ? 'saved' : { error: reply.error } } });
      }),
    );
  }

  private async remove(id: string): Promise<void> {
    this.pending.delete(id);
    const reply = await sendToBackground('annotation.delete', { id });
    if (!reply.ok) return this.toast(`Could not delete: ${reply.error}`, 'error');
    this.highlighter.remove(id);
    this.annotations.delete(id);
    this.orphans.delete(id);
    this.highlighter.setActive(undefined);
    this.setState({ editor: undefined });
    this.toast('Highlight deleted.', 'info');
  }

  /**
   * Scrolls to a highlight and flashes it (from the popup or search). Waits for the page's
   * annotations to load; says so when the highlight could not be placed.
   */
  async flash(id: string): Promise<boolean> {
    await this.loading;
    if (this.highlighter.flash(id)) return true;
    const annotation = this.annotations.get(id);
    const excerpt = annotation ? `: “${annotation.quote.exact.slice(0, 80)}${annotation.quote.exact.length > 80 ? '…' : ''}”` : '';
    this.toast(`This highlight could not be placed on the page as it is now${excerpt}`, 'error');
    return false;
  }

  private toast(message: string, tone: 'info' | 'error'): void {
    clearTimeout(this.toastTimer);
    this.setState({ toast: { message, tone } });
    this.toastTimer = setTimeout(() => this.setState({ toast: undefined }), tone === 'error' ? 6000 : 2500);
  }

  private setState(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  private render(): void {
    if (this.ctx.isValid) this.ui.update(this.state);
  }

  destroy(): void {
    void this.flush();
    clearTimeout(this.toastTimer);
    clearTimeout(this.mutationTimer);
    clearTimeout(this.reportTimer);
    this.observer.disconnect();
    this.highlighter.destroy();
    this.auto.destroy();
    this.ui.destroy();
  }
}
