/**
 * Imports a file from an extension page over IMPORT_PORT (see src/background/exchange-port.ts):
 * the file is parsed and checked here (parseImport's checks, a slice at a time), the annotations go
 * to the background in chunks as they pass, and the background checks them again and keeps them
 * while the page checks the next (two threads at work, not one after the other); the plan comes
 * back for the reader to confirm, and `apply` writes everything in one transaction. Nothing is
 * written until then; a refused file, `destroy()` or closing the page drops what was sent.
 */
import { annotationSize, chunkEnd, openImport, type ImportedAnnotation, type ImportReader } from '@/src/core/export';
import type { ImportPortReply, ImportPreview, PortLike } from '@/src/messaging/protocol';
import { Inbox } from './inbox';

/** Annotations per chunk by default: about 2 MB of messages. */
export const IMPORT_CHUNK_ITEMS = 2_000;
/** While the reader reads the plan, the background is pinged this often so that it stays awake. */
const PING_MS = 20_000;

/** Opens a file's text for `planFile`; the refusal of the file as a whole (size, nesting, JSON, shape). */
export function openImportFile(text: string, now = Date.now()): { ok: true; reader: ImportReader } | { ok: false; error: string } {
  const opened = openImport(text, { now });
  return opened.ok ? opened : { ok: false, error: opened.message };
}

type PlanOptions = {
  chunkSize?: number;
  onProgress?(sent: number, total: number): void;
  /** Called once every chunk is staged, before the plan is asked for. */
  onSent?(): void;
};

/** One import over one connection: stage and plan, then apply or destroy. */
export class ImportConnection {
  private inbox: Inbox<ImportPortReply>;
  private pinger: ReturnType<typeof setInterval> | undefined;

  constructor(port: PortLike) {
    this.inbox = new Inbox(port);
  }

  /** Sends the annotations in chunks and returns the plan; throws a readable Error on refusal. */
  async plan(items: readonly ImportedAnnotation[], { chunkSize = IMPORT_CHUNK_ITEMS, onProgress }: PlanOptions = {}): Promise<Omit<ImportPreview, 'warnings'>> {
    let given = false;
    await this.send(items.length, () => (given ? null : ((given = true), items)), chunkSize, onProgress);
    return this.askPlan();
  }

  /**
   * Checks the file's annotations a slice at a time and sends each slice as it passes, then returns
   * the plan with the file's warnings. An invalid annotation stops the sending; the rest is still
   * read so that the Error names the same problems, in the same words, as parseImport's refusal.
   */
  async planFile(reader: ImportReader, { chunkSize = IMPORT_CHUNK_ITEMS, onProgress, onSent }: PlanOptions = {}): Promise<ImportPreview> {
    let from = 0;
    const next = (): readonly ImportedAnnotation[] | null => {
      if (from >= reader.total) return null;
      const to = Math.min(from + chunkSize, reader.total);
      const items = reader.read(from, to);
      from = to;
      if (items === null) reader.read(to, reader.total);
      return items;
    };
    const complete = await this.send(reader.total, next, chunkSize, onProgress);
    const end = reader.finish();
    if (!end.ok) throw new Error(end.message);
    if (!complete) throw new Error('The file was not read to the end.');
    onSent?.();
    return { ...(await this.askPlan()), warnings: end.warnings };
  }

  /**
   * Announces `total` and sends the batches `next` gives (null: no more) in chunks of at most
   * `chunkSize` annotations and MAX_CHUNK_CHARS of text. False when `next` stopped early (a refusal
   * in the page), in which case the chunks in flight are not waited for.
   */
  private async send(
    total: number,
    next: () => readonly ImportedAnnotation[] | null,
    chunkSize: number,
    onProgress: PlanOptions['onProgress'],
  ): Promise<boolean> {
    this.inbox.send({ type: 'begin', total });
    let unanswered = 0;
    let sent = 0;
    for (let batch = next(); batch !== null; batch = next()) {
      for (let from = 0; from < batch.length; ) {
        const end = chunkEnd(batch, from, chunkSize, (item) => annotationSize(item.annotation) + 200);
        this.inbox.send({ type: 'items', data: JSON.stringify(batch.slice(from, end)) });
        sent += end - from;
        from = end;
        // Two chunks in flight at most: the next is on its way while the background checks one.
        if (++unanswered === 2) {
          await this.expect('staged');
          unanswered--;
        }
        onProgress?.(sent, total);
      }
    }
    if (sent < total) return false;
    for (; unanswered > 0; unanswered--) await this.expect('staged');
    return true;
  }

  private async askPlan(): Promise<Omit<ImportPreview, 'warnings'>> {
    this.inbox.send({ type: 'plan' });
    const { preview } = await this.expect('plan');
    this.pinger = setInterval(() => this.inbox.send({ type: 'ping' }), PING_MS);
    return preview;
  }

  /** Applies what was planned, in one transaction; the summary of what was done. */
  async apply(): Promise<string> {
    clearInterval(this.pinger);
    this.inbox.send({ type: 'apply' });
    return (await this.expect('applied')).summary;
  }

  destroy(): void {
    clearInterval(this.pinger);
    this.inbox.destroy();
  }

  private async expect<K extends Exclude<ImportPortReply['type'], 'error'>>(type: K): Promise<Extract<ImportPortReply, { type: K }>> {
    const reply = await this.inbox.next();
    if (reply.type === 'error') throw new Error(reply.error);
    if (reply.type !== type) throw new Error('The background answered out of turn.');
    return reply as Extract<ImportPortReply, { type: K }>;
  }
}
