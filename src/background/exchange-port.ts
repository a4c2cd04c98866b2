/**
 * The background's side of the export and import connections (EXPORT_PORT, IMPORT_PORT in
 * src/messaging/protocol.ts). One runtime message cannot carry a large export or import (Chrome
 * caps a message at 64 MiB; 100,000 highlights are about 90 MB of JSON), so both go in chunks:
 *
 * - Export: the scope is read in one read transaction (a consistent snapshot), in pages, and handed
 *   out a chunk per `next` as it is read (export-stream.ts), each chunk with the pages it needs;
 *   the page writes the file as they come.
 * - Import: the page parses and checks the file and sends the annotations in chunks; each is
 *   checked again here and kept in memory. `plan` answers what importing them would do; `apply`
 *   writes them in ONE transaction. Nothing is written before `apply`, so a refused chunk, a closed
 *   page or a stopped worker leaves the database exactly as it was.
 *
 * Free of extension APIs: a session talks to a `PortLike`, which tests connect in memory.
 */
import { annotationSize, FUTURE_TOLERANCE, MAX_CHUNK_CHARS, MAX_PROBLEMS_SHOWN, tooDeepAt, type ImportedAnnotation } from '@/src/core/export';
import type { PageMeta } from '@/src/core/model';
import {
  EXPORT_PORT,
  IMPORT_PORT,
  type ExportChunk,
  type ExportPortReply,
  type ImportPortReply,
  type PortLike,
} from '@/src/messaging/protocol';
import type { MarginaliaDb } from './db';
import { chunkItemsSchema, exportRequestSchema, importedAnnotationSchema, importRequestSchema, MAX_CHUNK_ITEMS } from './exchange-schemas';
import { applyItems, previewItems } from './export-import';
import { fastImported } from './imported-fast';
import { openExportStream, type ExportStream } from './export-stream';
import { describeIssues } from './router';
import { portRefusal, type SenderInfo } from './sender';

export interface ExchangeDeps {
  db(): MarginaliaDb;
  /** The clock, milliseconds since the epoch. */
  now(): number;
  /** The extension's version (the manifest's), written into exports. */
  appVersion: string;
}

/** Annotations per export chunk when the page names no size: about 2 MB of JSON. */
export const DEFAULT_CHUNK_ITEMS = 2_000;
/** Our connections are named `marginalia:…`; others are not ours to answer. */
export const isOurPort = (name: string): boolean => name.startsWith('marginalia:');

/** Checks who opened the connection, then serves it; a refused one gets an error and is closed. */
export function acceptPort(port: PortLike, sender: SenderInfo, deps: ExchangeDeps): void {
  const error = portRefusal(port.name, sender);
  if (error) {
    port.postMessage({ type: 'error', error } satisfies ExportPortReply);
    port.disconnect();
    return;
  }
  if (port.name === EXPORT_PORT) serveExport(port, deps);
  else if (port.name === IMPORT_PORT) serveImport(port, deps);
}

/** Runs the handlers one at a time, in arrival order, and turns a throw into an error reply. */
function serve(port: PortLike, handle: (raw: unknown) => Promise<void>, onError: (error: string) => void): { closed: () => boolean } {
  let closed = false;
  let queue = Promise.resolve();
  port.onDisconnect.addListener(() => {
    closed = true;
  });
  port.onMessage.addListener((raw) => {
    queue = queue.then(async () => {
      if (closed) return;
      try {
        await handle(raw);
      } catch (error: unknown) {
        console.error(`[marginalia] ${port.name} failed:`, error);
        onError(error instanceof Error ? error.message : String(error));
      }
    });
  });
  return { closed: () => closed };
}

function serveExport(port: PortLike, deps: ExchangeDeps): void {
  let state: { stream: ExportStream; sent: Set<string>; left: number; size: number } | null = null;
  let started = false;
  const session = serve(
    port,
    async (raw) => {
      const parsed = exportRequestSchema.safeParse(raw);
      if (!parsed.success) return finish(`Invalid export request: ${describeIssues(parsed.error.issues)}`);
      const request = parsed.data;
      if (request.type === 'start') {
        if (started) return finish('This export has already started.');
        started = true;
        // The header goes out once the scope is counted; chunks follow as they are read.
        const stream = openExportStream(deps.db(), request.scope);
        const { total, scope } = await stream.header;
        state = { stream, sent: new Set(), left: total, size: request.chunkSize ?? DEFAULT_CHUNK_ITEMS };
        const meta = { generated: deps.now(), scope, appVersion: deps.appVersion };
        return send({ type: 'header', total, meta });
      }
      if (!state) return finish(started ? 'This export is over.' : 'The export has not started.');
      const annotations = await state.stream.take(state.size, annotationSize, MAX_CHUNK_CHARS);
      if (annotations.length === 0 && state.left > 0) return finish('The export ended before every annotation was read.');
      state.left -= annotations.length;
      const pages: PageMeta[] = [];
      for (const a of annotations) {
        const page = state.stream.pages.get(a.url);
        if (page && !state.sent.has(a.url)) pages.push(page);
        state.sent.add(a.url);
      }
      const done = state.left <= 0;
      // The stream is let go as soon as the last chunk is out.
      if (done) state = null;
      send({ type: 'chunk', data: JSON.stringify({ annotations, pages } satisfies ExportChunk), done });
    },
    (error) => finish(`The export failed: ${error}`),
  );
  function send(reply: ExportPortReply): void {
    if (!session.closed()) port.postMessage(reply);
  }
  function finish(error: string): void {
    state = null;
    started = true;
    send({ type: 'error', error });
  }
}

function serveImport(port: PortLike, deps: ExchangeDeps): void {
  let expected: number | null = null;
  let staged: ImportedAnnotation[] = [];
  // Page URLs already checked in this import, with their normal form (see fastImported).
  const urls = new Map<string, string | null>();
  // After a refusal or once applied, the session answers nothing but errors.
  let over: string | null = null;
  const session = serve(
    port,
    async (raw) => {
      if (over !== null) return send({ type: 'error', error: over });
      const parsed = importRequestSchema.safeParse(raw);
      if (!parsed.success) return refuse(`Invalid import request: ${describeIssues(parsed.error.issues)}`);
      const request = parsed.data;
      switch (request.type) {
        case 'ping':
          return;
        case 'begin':
          if (expected !== null) return refuse('This import has already begun.');
          expected = request.total;
          return;
        case 'items': {
          if (expected === null) return refuse('The import has not begun.');
          const items = readChunk(request.data);
          if (typeof items === 'string') return refuse(`Invalid import request: ${items}`);
          if (staged.length + items.length > expected)
            return refuse(`More annotations were sent than the ${expected.toLocaleString('en-US')} announced.`);
          const problem = stage(items, staged.length, deps.now(), urls);
          if (typeof problem === 'string') return refuse(problem);
          staged.push(...problem);
          return send({ type: 'staged', received: staged.length });
        }
        case 'plan':
        case 'apply': {
          if (expected === null || staged.length !== expected) {
            const got = `${staged.length.toLocaleString('en-US')} of ${(expected ?? 0).toLocaleString('en-US')}`;
            return refuse(`Nothing was imported: only ${got} annotations arrived.`);
          }
          if (request.type === 'plan') return send({ type: 'plan', preview: await previewItems(deps.db(), staged) });
          const result = await applyItems(deps.db(), staged);
          if (!result.ok) return refuse(result.error);
          over = 'This import is done; choose a file to import again.';
          staged = [];
          return send({ type: 'applied', summary: result.value.summary });
        }
      }
    },
    (error) => refuse(`The import failed and nothing was changed: ${error}`),
  );
  port.onDisconnect.addListener(() => {
    staged = [];
  });
  function send(reply: ImportPortReply): void {
    if (!session.closed()) port.postMessage(reply);
  }
  function refuse(error: string): void {
    over = 'This import was refused; nothing was imported. Choose the file again.';
    staged = [];
    send({ type: 'error', error });
  }
}

/** An `items` chunk's list, parsed from its JSON; or what is wrong with it. */
function readChunk(data: string): unknown[] | string {
  // Our format nests 7 deep; a deeper chunk is refused before anything walks it.
  if (tooDeepAt(data) >= 0) return 'the chunk nests too deep';
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return 'the chunk is not JSON';
  }
  const list = chunkItemsSchema.safeParse(value);
  return list.success ? list.data : `the chunk must be a list of 1 to ${MAX_CHUNK_ITEMS.toLocaleString('en-US')} annotations`;
}

/**
 * Checks one chunk of annotations (numbered from `offset` across the whole import): the checked
 * annotations, or a refusal naming the first problems by place.
 */
function stage(items: readonly unknown[], offset: number, now: number, urls: Map<string, string | null>): ImportedAnnotation[] | string {
  const out: ImportedAnnotation[] = [];
  const problems: string[] = [];
  let invalid = 0;
  items.forEach((raw, i) => {
    const fast = fastImported(raw, urls);
    if (fast && fast.annotation.updated <= now + FUTURE_TOLERANCE) {
      out.push(fast);
      return;
    }
    // Anything unusual goes through the schema, which names each problem by place.
    const parsed = importedAnnotationSchema.safeParse(raw);
    const where = `items[${offset + i}]`;
    if (!parsed.success) {
      invalid++;
      if (problems.length < MAX_PROBLEMS_SHOWN) problems.push(`${where}: ${describeIssues(parsed.error.issues, 2)}`);
      return;
    }
    const { annotation, page } = parsed.data;
    if (annotation.updated > now + FUTURE_TOLERANCE) {
      invalid++;
      if (problems.length < MAX_PROBLEMS_SHOWN) problems.push(`${where}.annotation.updated: is in the future`);
      return;
    }
    const fields = page ? Object.fromEntries(Object.entries(page).filter(([, v]) => v !== undefined)) : undefined;
    out.push(fields && Object.keys(fields).length ? { annotation, page: fields } : { annotation });
  });
  if (invalid === 0) return out;
  const head = `Nothing was imported: ${invalid.toLocaleString('en-US')} annotation${invalid === 1 ? '' : 's'} did not pass the background's checks.`;
  return [head, ...problems.map((p) => `• ${p}`)].join('\n');
}
