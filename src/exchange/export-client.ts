/**
 * Writes an export file in an extension page from chunks the background sends over EXPORT_PORT
 * (see src/background/exchange-port.ts): the file is built here with the pure writers of
 * src/core/export and collected as a Blob, piece by piece, so no single message and no single
 * string holds the whole of a 90 MB export, and the page stays responsive between chunks.
 */
import { exportFileName, exportWriter, type ExportFormat } from '@/src/core/export';
import type { PageMeta } from '@/src/core/model';
import type { ExportChunk, ExportPortReply, ExportRequestScope, PortLike } from '@/src/messaging/protocol';
import { Inbox } from './inbox';

export const MIME: Record<ExportFormat, string> = {
  json: 'application/ld+json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
};

/** Text gathered before it becomes a Blob part: the strings can then be collected. */
const PART_CHARS = 4_000_000;
/** Longest stretch of writing without letting the page paint or take input. */
const SLICE_MS = 50;

export interface ExportOptions {
  format: ExportFormat;
  scope: ExportRequestScope;
  /** Most annotations per chunk (the background's default when absent). */
  chunkSize?: number;
  /** Called as chunks arrive, with the annotations received and the total. */
  onProgress?(received: number, total: number): void;
  /** Asked once the total is known; true stops here (the popup hands a large export to a tab). */
  handOver?(total: number): boolean;
}

export interface ExportFile {
  fileName: string;
  blob: Blob;
  total: number;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs one export over `port` (closed at the end); null when `handOver` took it. Throws a readable Error. */
export async function exportOverPort(port: PortLike, options: ExportOptions): Promise<ExportFile | null> {
  const inbox = new Inbox<ExportPortReply>(port);
  try {
    inbox.send({ type: 'start', scope: options.scope, ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}) });
    const header = await inbox.next();
    if (header.type === 'error') throw new Error(header.error);
    if (header.type !== 'header') throw new Error('The background answered out of turn.');
    if (options.handOver?.(header.total)) return null;

    const writer = exportWriter(options.format, header.total, header.meta);
    const parts: Blob[] = [];
    let pending: string[] = [];
    let chars = 0;
    const push = (piece: string) => {
      pending.push(piece);
      chars += piece.length;
      if (chars < PART_CHARS) return;
      parts.push(new Blob(pending));
      pending = [];
      chars = 0;
    };
    const pages = new Map<string, PageMeta>();
    let received = 0;
    inbox.send({ type: 'next' });
    for (;;) {
      const reply = await inbox.next();
      if (reply.type === 'error') throw new Error(reply.error);
      if (reply.type !== 'chunk') throw new Error('The background answered out of turn.');
      // Asked for at once: the background reads the next chunk while this one is written.
      if (!reply.done) inbox.send({ type: 'next' });
      // From the background, the trusted side, which wrote it as an ExportChunk.
      const chunk = JSON.parse(reply.data) as ExportChunk;
      for (const page of chunk.pages) pages.set(page.url, page);
      for (const piece of writer.write(chunk.annotations, pages)) push(piece);
      received += chunk.annotations.length;
      options.onProgress?.(received, header.total);
      if (reply.done) break;
    }
    let slice = performance.now();
    for (const piece of writer.end()) {
      push(piece);
      if (performance.now() - slice > SLICE_MS) {
        await yieldToPage();
        slice = performance.now();
      }
    }
    parts.push(new Blob(pending));
    const { meta } = header;
    return {
      fileName: exportFileName(options.format, meta.scope, new Date(meta.generated)),
      blob: new Blob(parts, { type: MIME[options.format] }),
      total: header.total,
    };
  } finally {
    inbox.destroy();
  }
}
