/**
 * Imports a file from an extension page over IMPORT_PORT (see src/background/exchange-port.ts):
 * the file is parsed and checked here (parseImport, the same checks as ever), the annotations go to
 * the background in chunks, which checks them again and keeps them; the plan comes back for the
 * reader to confirm, and `apply` writes everything in one transaction. Nothing is written until
 * then; `destroy()` (or closing the page) drops what was sent.
 */
import { annotationSize, chunkEnd, parseImport, type ImportedAnnotation } from '@/src/core/export';
import type { ImportPortReply, ImportPreview, PortLike } from '@/src/messaging/protocol';
import { Inbox } from './inbox';

/** Annotations per chunk by default: about 2 MB of messages. */
export const IMPORT_CHUNK_ITEMS = 2_000;
/** While the reader reads the plan, the background is pinged this often so that it stays awake. */
const PING_MS = 20_000;

/** Parses a file's text; the refusal names the first problems (JSON path and reason). */
export function readImportFile(text: string, now = Date.now()): { ok: true; items: ImportedAnnotation[]; warnings: string[] } | { ok: false; error: string } {
  const parsed = parseImport(text, { now });
  return parsed.ok ? { ok: true, items: parsed.items, warnings: parsed.warnings } : { ok: false, error: parsed.message };
}

/** One import over one connection: stage and plan, then apply or destroy. */
export class ImportConnection {
  private inbox: Inbox<ImportPortReply>;
  private pinger: ReturnType<typeof setInterval> | undefined;

  constructor(port: PortLike) {
    this.inbox = new Inbox(port);
  }

  /** Sends the annotations in chunks and returns the plan; throws a readable Error on refusal. */
  async plan(
    items: readonly ImportedAnnotation[],
    { chunkSize = IMPORT_CHUNK_ITEMS, onProgress }: { chunkSize?: number; onProgress?(sent: number, total: number): void } = {},
  ): Promise<Omit<ImportPreview, 'warnings'>> {
    this.inbox.send({ type: 'begin', total: items.length });
    let unanswered = 0;
    for (let from = 0; from < items.length; ) {
      const end = chunkEnd(items, from, chunkSize, (item) => annotationSize(item.annotation) + 200);
      this.inbox.send({ type: 'items', data: JSON.stringify(items.slice(from, end)) });
      from = end;
      // Two chunks in flight at most: the next is on its way while the background checks one.
      if (++unanswered === 2) {
        await this.expect('staged');
        unanswered--;
      }
      onProgress?.(from, items.length);
    }
    for (; unanswered > 0; unanswered--) await this.expect('staged');
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
