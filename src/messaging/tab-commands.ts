/**
 * Checks a command arriving in a content script before acting on it. Runs in every article page,
 * so it is hand-written (no zod): the two payloads are tiny.
 */
import { COLORS } from '@/src/core/model';
import type { TabCommands, TabCommandType, TabMessage } from './protocol';

/** Any one command, narrowed by `type` (a discriminated union, unlike `TabMessage`). */
export type AnyTabMessage = { [K in TabCommandType]: TabMessage<K> }[TabCommandType];

/** The reply a content script sends for a command. */
export type TabReplyOf<K extends TabCommandType> = { ok: true; value: TabCommands[K]['res'] } | { ok: false; error: string };

/** The parts of `runtime.MessageSender` the check reads. */
export interface TabCommandSender {
  id?: string;
  tab?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the object has no keys beyond `allowed`. */
const onlyKeys = (value: Record<string, unknown>, allowed: readonly string[]): boolean =>
  Object.keys(value).every((key) => allowed.includes(key));

/** Payload checks, one per command; each refuses unknown keys. */
const payloadChecks: { [K in TabCommandType]: (payload: Record<string, unknown>) => boolean } = {
  'selection.highlight': (p) =>
    onlyKeys(p, ['color']) && (p.color === undefined || COLORS.some((color) => color === p.color)),
  'annotation.flash': (p) => onlyKeys(p, ['id']) && typeof p.id === 'string' && UUID.test(p.id),
  'detections.get': (p) => onlyKeys(p, []),
};

const isCommandType = (type: unknown): type is TabCommandType =>
  typeof type === 'string' && Object.hasOwn(payloadChecks, type);

/**
 * The command in `raw`, or null if it is not a well-formed command from this extension.
 * Only the background and extension pages (sender without a tab) may command a content script;
 * another content script — any web page — may not. Pass `browser.runtime.id` as `ownId`.
 */
export function parseTabMessage(raw: unknown, sender: TabCommandSender, ownId: string): AnyTabMessage | null {
  if (!ownId || sender.id !== ownId || sender.tab !== undefined) return null;
  if (!isRecord(raw) || raw.channel !== 'marginalia' || !isCommandType(raw.type)) return null;
  const { payload } = raw;
  if (!isRecord(payload) || !payloadChecks[raw.type](payload)) return null;
  // The checks above establish exactly the shape of this command's payload.
  return { channel: 'marginalia', type: raw.type, payload } as AnyTabMessage;
}
