/**
 * The one message contract between the contexts. Every request to the background and every
 * command from the background to a content script is declared here, with its reply.
 * Replies are `Result`s because an Error does not survive structured cloning.
 *
 * Types only: the background validates each incoming message against the schemas in
 * `src/background/schemas.ts` before it touches the database.
 */
import type { Annotation, AnnotationKind, Color, PageMeta, Selectors } from '@/src/core/model';
import type { ResultView } from '@/src/core/search/document';
import type { ExportMeta, ImportedAnnotation } from '@/src/core/export';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: string): Result<never> => ({ ok: false, error });

/** A new annotation as a content script proposes it; the background stamps times and normalises. */
export interface NewAnnotation extends Selectors {
  /** UUID made by the sender, so the page can paint before the reply arrives. */
  id: string;
  url: string;
  kind: AnnotationKind;
  color: Color;
  note?: string;
  tags?: string[];
  speaker?: string;
}

/** Fields an editor may change. */
export interface AnnotationPatch {
  note?: string;
  tags?: string[];
  color?: Color;
}

/** What the page's extraction found, sent when a page with annotations is seen. */
export type PageInput = Omit<PageMeta, 'updated'>;

/** One search result: what the popup shows of an annotation and its page. */
export type SearchHit = ResultView;

/** The best matches of a search, best first. */
export interface SearchResults {
  hits: SearchHit[];
  /** More annotations match than were returned. */
  more: boolean;
  /** How the query was read, for the reader: an unknown filter, a query cut short. */
  notices: string[];
  /** Where the background's time went (src/background/search-clock.ts), for benches and DevTools. */
  timings?: SearchTimings;
}

/** The stages of one search in the background, in milliseconds, with how much was read. */
export interface SearchTimings {
  /** Parsing the query. */
  parse: number;
  /** Finding the words a prefix or filter stands for. */
  expand: number;
  /** Waiting for posting blocks. */
  postings: number;
  /** Waiting for documents (candidates to check, and the results shown). */
  docs: number;
  /** Intersecting, scoring and sorting: the work between reads. */
  compute: number;
  /** Everything from the request to the reply object, in the background. */
  total: number;
  /** Posting blocks and documents read. */
  blocks: number;
  docsRead: number;
  /** Document blocks read, and the IndexedDB requests that read them (each request costs far more than a block's bytes). */
  docBlocks: number;
  docRequests: number;
}

/**
 * Requests to the background. `from` says which senders may make each one:
 * `content` (a content script, only about the page it runs in) or `extension` (popup and other
 * pages of this extension). Anything else is refused.
 */
export interface BackgroundRequests {
  /** Annotations saved for one page, oldest first. */
  'annotations.forPage': { req: { url: string }; res: Annotation[]; from: 'content' | 'extension' };
  /** Save a new annotation (and the page's metadata, first time or refreshed). */
  'annotation.create': { req: { annotation: NewAnnotation; page?: PageInput }; res: Annotation; from: 'content' };
  /** Change note, tags or colour; saved as the reader types. */
  'annotation.update': { req: { id: string; patch: AnnotationPatch }; res: Annotation; from: 'content' | 'extension' };
  'annotation.delete': { req: { id: string }; res: null; from: 'content' | 'extension' };
  /** After anchoring: which annotations of the page could not be placed. */
  'anchoring.report': { req: { url: string; orphans: string[]; anchored: string[] }; res: null; from: 'content' };
  /** Tags already used, most used first, for autocompletion. */
  'tags.list': { req: Record<string, never>; res: string[]; from: 'content' | 'extension' };
  /** Inject a bundle the content script loads on demand into the sender's frame (see src/page/lazy-bundle.ts). */
  'bundle.load': { req: { bundle: LazyBundle }; res: null; from: 'content' };
  /** One page's metadata and annotations, for the popup's "This page". */
  'page.get': { req: { url: string }; res: { page: PageMeta | null; annotations: Annotation[] }; from: 'extension' };
  /**
   * Search every saved annotation as typed (words by prefix, "phrases", tag: site: kind: color:
   * is: filters; see src/core/search/query.ts); the empty query gives the most recent.
   */
  'search.query': { req: { query: string; limit?: number }; res: SearchResults; from: 'extension' };
  /**
   * Open (or focus) the annotation's page in a tab, then scroll to it and flash it there. Replies
   * once the page's content script has answered: `placed` false when it could not be placed (the
   * page then says so itself).
   */
  'annotation.open': { req: { id: string }; res: { placed: boolean }; from: 'extension' };
}

/** Export file formats. */
export type ExportFileFormat = 'json' | 'csv' | 'markdown';

/**
 * What an export covers: everything, one page, or every annotation a search matches (in ranked
 * order; the background runs the query without a limit, so no result is left out).
 */
export type ExportRequestScope = { kind: 'all' } | { kind: 'page'; url: string } | { kind: 'search'; query: string };

/** An import's plan, for the reader to confirm. */
export interface ImportPreview {
  summary: string;
  add: number;
  update: number;
  skip: number;
  /** What was changed on the way in (control characters removed, long context cut). */
  warnings: string[];
}

/** Parts of the page side loaded on demand: the in-page UI, and the automatic-highlight pipeline. */
export const LAZY_BUNDLES = ['ui', 'auto'] as const;
export type LazyBundle = (typeof LAZY_BUNDLES)[number];

export type BackgroundRequestType = keyof BackgroundRequests;
export type RequestOf<K extends BackgroundRequestType> = BackgroundRequests[K]['req'];
export type ReplyOf<K extends BackgroundRequestType> = BackgroundRequests[K]['res'];

/** The wire form of a request to the background. */
export interface BackgroundMessage<K extends BackgroundRequestType = BackgroundRequestType> {
  /** Marks our messages apart from any other traffic on runtime messaging. */
  channel: 'marginalia';
  type: K;
  payload: RequestOf<K>;
}

/** Commands from the background (context menu, keyboard shortcut, popup) to a content script. */
export interface TabCommands {
  /** Highlight the current selection, in the given colour or the default. */
  'selection.highlight': { req: { color?: Color }; res: null };
  /** Scroll to an annotation and flash it. */
  'annotation.flash': { req: { id: string }; res: { placed: boolean } };
  /** The page's automatic highlights, for the popup. */
  'detections.get': { req: Record<string, never>; res: AutoSummary };
}

/** What the popup shows of a page's automatic highlights. */
export interface AutoSummary {
  /** False when the page is not an article (nothing is highlighted automatically). */
  article: boolean;
  siteDisabled: boolean;
  quotes: { text: string; speaker: string | null }[];
  officials: { name: string; role: string; mentions: number }[];
  /** The automatic pipeline's steps on this page, in ms each (main-thread work; for benches and bug reports). */
  timings: { step: string; ms: number }[];
}

export type TabCommandType = keyof TabCommands;

export interface TabMessage<K extends TabCommandType = TabCommandType> {
  channel: 'marginalia';
  type: K;
  payload: TabCommands[K]['req'];
}

/**
 * Exports and imports travel over long-lived connections (`runtime.connect`) opened by an extension
 * page, in chunks: a file of 100,000 highlights (about 90 MB) is larger than one runtime message may
 * be (Chrome's limit is 64 MiB). Only extension pages may open them (src/background/sender.ts), and
 * the background validates every message it receives (src/background/exchange-schemas.ts).
 */
export const EXPORT_PORT = 'marginalia:export';
export const IMPORT_PORT = 'marginalia:import';

/**
 * Requests over one connection instead of a message each (src/messaging/port-client.ts): the
 * popup's searches, one per keystroke. A runtime message opens and closes a channel every time;
 * a connection kept open answers sooner (search-100k's round trip beyond the background's own
 * time, p50: 1.4–1.8 ms over it, 2.2–2.9 ms as messages).
 */
export const REQUEST_PORT = 'marginalia:requests';

/** A request over REQUEST_PORT: the same envelope as a runtime message, numbered for its reply. */
export interface PortRequest {
  id: number;
  message: BackgroundMessage<BackgroundRequestType>;
}

/** The reply to PortRequest `id` (-1: the connection was refused). */
export interface PortReply {
  id: number;
  reply: Result<unknown>;
}

/** Export, page → background: `start` once, then `next` for each chunk, until one says `done`. */
export type ExportPortRequest =
  | { type: 'start'; scope: ExportRequestScope; /** Most annotations per chunk. */ chunkSize?: number }
  | { type: 'next' };

/** Export, background → page: the header (count and the file's metadata), then the chunks. */
export type ExportPortReply =
  | { type: 'header'; total: number; meta: ExportMeta }
  | {
      type: 'chunk';
      /** An `ExportChunk` as JSON (see `ChunkText`). */
      data: ChunkText<ExportChunk>;
      done: boolean;
    }
  | { type: 'error'; error: string };

/** One chunk of an export. */
export interface ExportChunk {
  annotations: Annotation[];
  /** The pages of this chunk's annotations not sent in an earlier chunk. */
  pages: PageMeta[];
}

/**
 * A chunk travels as one JSON string rather than as objects: browsers copy a message of many small
 * objects several times slower than the same data as one string (Chrome converts each value on
 * both sides), and an export or import is mostly many small objects. The receiver parses it, and
 * the background checks what it parses as it would any message.
 */
export type ChunkText<T> = string & { readonly __chunkOf?: T };

/**
 * Import, page → background. The page parses and checks the file (src/core/export/parse-import.ts)
 * and sends the annotations in chunks, which the background checks again and keeps; `plan` asks
 * what importing them would do, `apply` does it in one transaction. Nothing is written before
 * `apply`; closing the connection drops what was sent.
 */
export type ImportPortRequest =
  | { type: 'begin'; total: number }
  /** `ImportedAnnotation[]` as JSON (see `ChunkText`). */
  | { type: 'items'; data: ChunkText<ImportedAnnotation[]> }
  | { type: 'plan' }
  | { type: 'apply' }
  /** Keeps the background awake while the reader reads the plan. */
  | { type: 'ping' };

/** Import, background → page. After an `error` the import is over and nothing was written. */
export type ImportPortReply =
  | { type: 'staged'; received: number }
  | { type: 'plan'; preview: Omit<ImportPreview, 'warnings'> }
  | { type: 'applied'; summary: string }
  | { type: 'error'; error: string };

/** The part of `runtime.Port` either end uses; tests connect two in memory. */
export interface PortLike {
  readonly name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
