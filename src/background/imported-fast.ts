/**
 * The background's fast check of one imported annotation, for chunks as our own export page sends
 * them: field by field with the fast tests of src/core/field-fast.ts, no zod. It returns exactly
 * what `importedAnnotationSchema` would output (URL normalised, tags normalised), or null when
 * anything is unusual, and the session then runs the schema, which accepts it or names the problem.
 * So the schema stays the definition of what passes; this only skips it for what plainly does.
 */
import { hasOnlyKeys, isFastColor, isFastId, isFastKind, isFastNote, isFastPosition, isFastQuote, isPlainObject, isShortString } from '@/src/core/field-fast';
import { MAX_URL } from '@/src/core/field-schemas';
import { LIMITS, type Annotation } from '@/src/core/model';
import { normalizeTags } from '@/src/core/tags';
import { normalizeUrl } from '@/src/core/url';
import type { ImportedAnnotation, PageFields } from '@/src/core/export';

/** Milliseconds since the epoch as `time` in exchange-schemas.ts bounds them. */
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 8.64e15;

const PAGE_KEYS = ['title', 'byline', 'siteName', 'publishedTime', 'lang'] as const;

/**
 * The schema's output for `raw`, or null to send it to the schema. `urls` remembers each page URL's
 * normal form (or null when it has none) across the chunks of one import: URLs repeat, parsing is costly.
 */
export function fastImported(raw: unknown, urls: Map<string, string | null>): ImportedAnnotation | null {
  if (!isPlainObject(raw)) return null;
  const { annotation: a, page } = raw;
  if (!isPlainObject(a) || !hasOnlyKeys(raw, page === undefined ? 1 : 2)) return null;
  const url = pageUrl(a.url, urls);
  if (url === null || !isFastId(a.id) || !isFastKind(a.kind) || !isFastColor(a.color) || !isFastNote(a.note)) return null;
  if (!isFastQuote(a.quote) || !isFastPosition(a.position) || typeof a.orphan !== 'boolean') return null;
  if (!isTime(a.created) || !isTime(a.updated) || a.created > a.updated) return null;
  const speaker = a.speaker;
  if (speaker !== undefined && !(isShortString(speaker, LIMITS.pageField) && speaker.length >= 1)) return null;
  const tags = a.tags;
  if (!Array.isArray(tags) || tags.length > LIMITS.tags || !tags.every((t) => isShortString(t, LIMITS.tag))) return null;
  if (!hasOnlyKeys(a, speaker === undefined ? 11 : 12)) return null;
  const fields = page === undefined ? undefined : pageFields(page);
  if (fields === null) return null;
  const annotation: Annotation = {
    id: a.id,
    url,
    kind: a.kind,
    color: a.color,
    note: a.note,
    tags: normalizeTags(tags as string[]),
    quote: { type: a.quote.type, exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
    position: { type: a.position.type, start: a.position.start, end: a.position.end },
    ...(speaker !== undefined ? { speaker } : {}),
    orphan: a.orphan,
    created: a.created,
    updated: a.updated,
  };
  return fields ? { annotation, page: fields } : { annotation };
}

function pageUrl(value: unknown, urls: Map<string, string | null>): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL) return null;
  let normal = urls.get(value);
  if (normal === undefined) {
    normal = normalizeUrl(value);
    urls.set(value, normal);
  }
  return normal;
}

/** The page fields, each a non-empty string within bounds; null for anything else. */
function pageFields(value: unknown): PageFields | undefined | null {
  if (!isPlainObject(value)) return null;
  const out: PageFields = {};
  let keys = 0;
  for (const key of PAGE_KEYS) {
    const field = value[key];
    if (field === undefined) continue;
    if (typeof field !== 'string' || field.length < 1 || field.length > LIMITS.pageField) return null;
    out[key] = field;
    keys++;
  }
  if (!hasOnlyKeys(value, keys)) return null;
  return keys ? out : undefined;
}
