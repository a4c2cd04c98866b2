/**
 * The one message contract between the contexts. Every request to the background and every
 * command from the background to a content script is declared here, with its reply.
 * Replies are `Result`s because an Error does not survive structured cloning.
 *
 * Types only: the background validates each incoming message against the schemas in
 * `src/background/schemas.ts` before it touches the database.
 */
import type { Annotation, AnnotationKind, Color, PageMeta, Selectors } from '@/src/core/model';

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
  /** One page's metadata and annotations, for the popup's "This page". */
  'page.get': { req: { url: string }; res: { page: PageMeta | null; annotations: Annotation[] }; from: 'extension' };
}

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
}

export type TabCommandType = keyof TabCommands;

export interface TabMessage<K extends TabCommandType = TabCommandType> {
  channel: 'marginalia';
  type: K;
  payload: TabCommands[K]['req'];
}
