/**
 * The background's message handler: everything between a raw runtime message and the repository.
 * Order matters — sender identity, then the request type and the sender policy, then the payload
 * schema, then the content script's page scope — and nothing reaches storage until all have passed.
 * Free of extension APIs, so tests drive it directly.
 */
import { z } from 'zod';
import {
  fail,
  ok,
  type BackgroundRequestType,
  type LazyBundle,
  type ReplyOf,
  type RequestOf,
  type Result,
} from '@/src/messaging/protocol';
import type { PageScope, Repository } from './repository';
import { requestSchemas } from './schemas';
import { classifySender, isAllowed, urlFieldsOf, type FrameRef, type SenderInfo } from './sender';

/** What the background does beyond storage (it needs the browser's tabs); absent in storage-only tests. */
export interface BackgroundActions {
  /** 'annotation.open': focus or open the annotation's page and flash it there. */
  open(id: string): Promise<Result<{ placed: boolean }>>;
  /** 'bundle.load': inject an on-demand bundle into a content script's frame. */
  loadBundle?(bundle: LazyBundle, frame: FrameRef): Promise<Result<null>>;
}

type Handler<K extends BackgroundRequestType> = (
  repo: Repository,
  payload: RequestOf<K>,
  scope: PageScope,
  actions: BackgroundActions | undefined,
  /** The content script's tab and frame; undefined for extension pages. */
  frame: FrameRef | undefined,
) => Promise<Result<ReplyOf<K>>>;

/** One handler per request type; `scope` is the content script's page, undefined for extension pages. */
const handlers: { [K in BackgroundRequestType]: Handler<K> } = {
  'annotations.forPage': async (repo, { url }) => ok(await repo.forPage(url)),
  'annotation.create': (repo, req) => repo.create(req),
  'annotation.update': (repo, { id, patch }, scope) => repo.update(id, patch, scope),
  'annotation.delete': (repo, { id }, scope) => repo.remove(id, scope),
  'anchoring.report': (repo, { url, orphans, anchored }) => repo.reportAnchoring(url, orphans, anchored),
  'tags.list': async (repo) => ok(await repo.listTags()),
  'page.get': async (repo, { url }) => ok(await repo.getPage(url)),
  'bundle.load': (_repo, { bundle }, _scope, actions, frame) =>
    actions?.loadBundle && frame ? actions.loadBundle(bundle, frame) : Promise.resolve(fail('Page bundles cannot be loaded here.')),
  'search.query': async (repo, { query, limit }) => ok(await repo.search(query, limit)),
  'annotation.open': (_repo, { id }, _scope, actions) =>
    actions ? actions.open(id) : Promise.resolve(fail('Opening pages is not available here.')),
};

const isRequestType = (type: unknown): type is BackgroundRequestType =>
  typeof type === 'string' && Object.hasOwn(handlers, type);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a runtime message is addressed to us. Objects of another channel belong to someone else
 * and get no reply; a non-object cannot belong to anyone, so it is claimed and answered with an error.
 */
export function claims(raw: unknown): boolean {
  return !isRecord(raw) || raw.channel === 'marginalia';
}

/** The first few problems, each with its path, e.g. `annotation.position.start: expected number`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], shown = 3): string {
  const parts = issues.slice(0, shown).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = issues.length > shown ? ` (and ${issues.length - shown} more)` : '';
  return parts.join('; ') + more;
}

async function route<K extends BackgroundRequestType>(
  type: K,
  payload: unknown,
  pageUrl: string | undefined,
  repo: Repository,
  actions: BackgroundActions | undefined,
  frame: FrameRef | undefined,
): Promise<Result<ReplyOf<K>>> {
  const schema: z.core.$ZodType<RequestOf<K>, unknown> = requestSchemas[type];
  const parsed = z.safeParse(schema, payload);
  if (!parsed.success) return fail(`Invalid ${type} request: ${describeIssues(parsed.error.issues)}`);
  if (pageUrl !== undefined && urlFieldsOf(parsed.data).some((url) => url !== pageUrl)) {
    return fail(`Refused: a content script may only use the annotations of its own page.`);
  }
  const handler: Handler<K> = handlers[type];
  return handler(repo, parsed.data, pageUrl, actions, frame);
}

/**
 * Validates and answers one runtime message. Resolves to undefined for messages that are not ours
 * (no reply), otherwise to a Result; refusals and storage failures are `fail`s, never throws.
 */
export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  repo: Repository,
  actions?: BackgroundActions,
): Promise<Result<unknown> | undefined> {
  if (!claims(raw)) return undefined;
  if (!isRecord(raw)) return fail('Malformed message: expected an object.');
  const who = classifySender(sender);
  if ('refused' in who) return fail(who.refused);
  if (typeof raw.type !== 'string') return fail('Malformed message: missing "type".');
  if (!('payload' in raw)) return fail(`Malformed message: missing "payload" for ${raw.type}.`);
  const type = raw.type;
  if (!isRequestType(type)) return fail(`Unknown request type "${type.slice(0, 80)}".`);
  if (!isAllowed(type, who)) {
    const from = who.kind === 'content' ? 'a content script' : 'an extension page';
    return fail(`Refused: ${type} is not allowed from ${from}.`);
  }
  try {
    const content = who.kind === 'content' ? who : undefined;
    return await route(type, raw.payload, content?.pageUrl, repo, actions, content?.frame);
  } catch (error: unknown) {
    console.error(`[marginalia] ${type} failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return fail(`Could not complete ${type}: ${message}`);
  }
}
