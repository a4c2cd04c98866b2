/**
 * Reads one W3C Web Annotation from a parsed file into our flat model: ours as we write them, and
 * other tools' in the shapes the W3C model allows (target and selector as one or a list; body as
 * text, one object or a list; `bodyValue`; tags as bodies with purpose `tagging`). Every value is
 * checked with the same field schemas as the background's messages; a problem names its JSON path.
 */
import { z } from 'zod';
import {
  colorField,
  idField,
  kindField,
  noteField,
  pageUrlField,
  positionSelectorSchema,
  quoteSelectorSchema,
  speakerField,
} from '../field-schemas';
import { isFastColor, isFastId, isFastKind, isFastNote, isFastPosition, isFastQuote, isShortString } from '../field-fast';
import { COLORS, LIMITS, type Annotation, type PageMeta } from '../model';
import { normalizeTags } from '../tags';
import { cleanText } from './clean-text';
import { PAGE_FIELDS } from './format';
import {
  INVALID,
  at,
  check,
  checkFast,
  hasType,
  isObject,
  problem,
  text,
  type Checked,
  type Json,
  type ReadContext,
} from './import-context';
import { parseIsoDateTime } from './iso-time';
import { readBody } from './read-body';
import { findQuoteTarget } from './read-target';
import { IMPORT_NAMESPACE, uuidV5 } from './uuid-v5';

/** Page metadata as carried in a file; the page's URL is the annotation's. */
export type PageFields = Omit<PageMeta, 'url' | 'updated'>;

/** One annotation ready to store, with its page's metadata when the file had it (ours do). */
export interface ImportedAnnotation {
  annotation: Annotation;
  page?: PageFields;
}

/** How far in the future a date may be (clocks differ); beyond it, it would win every later import. */
export const FUTURE_TOLERANCE = 24 * 60 * 60 * 1000;

/** Reads one annotation at `path`; null when it has problems (recorded in `ctx.problems`). */
export function readAnnotation(raw: unknown, path: string, ctx: ReadContext): ImportedAnnotation | null {
  if (!isObject(raw)) {
    problem(ctx, path, 'must be an annotation (a JSON object)');
    return null;
  }
  if (!hasType(raw.type, 'Annotation')) problem(ctx, at(path, 'type'), 'must be "Annotation"');

  const id = readId(raw.id);
  if (id === null) problem(ctx, at(path, 'id'), 'must be the annotation’s id (a non-empty string)');

  const times = readTimes(ctx, raw, path);
  const found = findQuoteTarget(ctx, raw.target, at(path, 'target'));
  let url: Checked<string> = INVALID;
  let quote: Checked<Annotation['quote']> = INVALID;
  let position: Checked<Annotation['position']> = INVALID;
  if (found) {
    url = readUrl(ctx, found.source, found.sourcePath);
    const q = found.quote;
    const prefix = context(ctx, text(ctx, q.prefix ?? ''), 'end');
    const suffix = context(ctx, text(ctx, q.suffix ?? ''), 'start');
    const exact = text(ctx, q.exact);
    quote = checkFast(ctx, quoteSelectorSchema, isFastQuote, { type: 'TextQuoteSelector', exact, prefix, suffix }, found.quotePath);
    // Without a position (many tools write none) anchoring goes straight to the quote search.
    const { start, end } = found.position ?? { start: 0, end: 0 };
    position = checkFast(ctx, positionSelectorSchema, isFastPosition, { type: 'TextPositionSelector', start, end }, found.positionPath);
  }

  const body = readBody(ctx, raw, path);
  const note = body
    ? checkFast(ctx, noteField, isFastNote, cleanText(body.note, ctx.cleaned), at(path, raw.body === undefined ? 'bodyValue' : 'body'))
    : INVALID;
  const tags = body ? normalizeTags(body.tags.map((t) => cleanText(t, ctx.cleaned))) : [];
  const ext = readExtension(ctx, raw.marginalia, at(path, 'marginalia'));

  // Every failed check above recorded a problem; the test of each value is for the compiler.
  if (ctx.problems.length > 0 || id === null || times === null || url === INVALID || quote === INVALID) return null;
  if (position === INVALID || note === INVALID || ext === null) return null;

  const annotation: Annotation = {
    id,
    url,
    kind: ext.kind,
    color: ext.color,
    note,
    tags,
    quote,
    position,
    ...(ext.speaker ? { speaker: ext.speaker } : {}),
    orphan: ext.orphan,
    created: times.created,
    updated: times.updated,
  };
  return ext.page ? { annotation, page: ext.page } : { annotation };
}

/** Our ids are `urn:uuid:…`; any other IRI gets the name-based UUID of itself, the same every time. */
function readId(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0) return null;
  // Ours, as we write them: `urn:uuid:` and a lower-case UUID, taken without the regular expressions.
  if (raw.length === 45 && raw.startsWith('urn:uuid:') && isFastId(raw.slice(9))) return raw.slice(9);
  const urn = /^urn:uuid:(.*)$/i.exec(raw);
  const uuid = urn?.[1]?.toLowerCase();
  if (uuid !== undefined && idField.safeParse(uuid).success) return uuid;
  return uuidV5(raw, IMPORT_NAMESPACE);
}

/** The page URL, normalised; parsing a URL is costly, so each distinct one is parsed once. */
function readUrl(ctx: ReadContext, source: unknown, where: string): Checked<string> {
  const known = typeof source === 'string' ? ctx.urls.get(source) : undefined;
  if (known !== undefined) return known;
  const url = check(ctx, pageUrlField, source, where);
  if (url !== INVALID && typeof source === 'string') ctx.urls.set(source, url);
  return url;
}

/** A quote's context is anchoring help, not the reader's text: longer context is cut to our size. */
function context(ctx: ReadContext, value: unknown, keep: 'start' | 'end'): unknown {
  if (typeof value !== 'string' || value.length <= LIMITS.context) return value;
  ctx.shortened++;
  return keep === 'end' ? value.slice(-LIMITS.context) : value.slice(0, LIMITS.context);
}

/** One date: undefined when absent, null when invalid (and recorded). */
function readTime(ctx: ReadContext, raw: Json, key: 'created' | 'modified', path: string): number | null | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? parseIsoDateTime(value) : null;
  if (ms === null) {
    problem(ctx, at(path, key), 'must be an ISO 8601 date-time with a time zone, such as 2026-11-27T09:30:00Z');
    return null;
  }
  if (ms > ctx.now + FUTURE_TOLERANCE) {
    problem(ctx, at(path, key), 'is in the future');
    return null;
  }
  return ms;
}

function readTimes(ctx: ReadContext, raw: Json, path: string): { created: number; updated: number } | null {
  const created = readTime(ctx, raw, 'created', path);
  const modified = readTime(ctx, raw, 'modified', path);
  if (created === null || modified === null) return null;
  if (created === undefined && modified === undefined) {
    problem(ctx, path, 'needs a created or modified date');
    return null;
  }
  const first = created ?? modified!;
  // Never modified before it was created, as the repository keeps it for local edits.
  return { created: first, updated: Math.max(first, modified ?? first) };
}

interface Extension {
  color: Annotation['color'];
  kind: Annotation['kind'];
  orphan: boolean;
  speaker?: string;
  page?: PageFields;
}

const FOREIGN: Extension = { color: COLORS[0], kind: 'highlight', orphan: false };

/** Our own fields, when the file is ours; defaults for other tools' annotations. */
function readExtension(ctx: ReadContext, raw: unknown, path: string): Extension | null {
  if (raw === undefined) return FOREIGN;
  if (!isObject(raw)) {
    problem(ctx, path, 'must be an object');
    return null;
  }
  const color = raw.color === undefined ? FOREIGN.color : checkFast(ctx, colorField, isFastColor, raw.color, at(path, 'color'));
  const kind = raw.kind === undefined ? FOREIGN.kind : checkFast(ctx, kindField, isFastKind, raw.kind, at(path, 'kind'));
  let orphan = false;
  if (typeof raw.orphan === 'boolean') orphan = raw.orphan;
  else if (raw.orphan !== undefined) problem(ctx, at(path, 'orphan'), 'must be true or false');
  const speaker =
    raw.speaker === undefined ? '' : checkFast(ctx, speakerField, isSpeaker, text(ctx, raw.speaker), at(path, 'speaker'));
  const page = readPage(ctx, raw.page, at(path, 'page'));
  if (color === INVALID || kind === INVALID || speaker === INVALID || page === null) return null;
  return { color, kind, orphan, ...(speaker ? { speaker } : {}), ...(page ? { page } : {}) };
}

/** Page metadata is bounded like every imported string: over the limit is refused, not cut. */
const pageField = z.string().max(LIMITS.pageField, { error: `must be at most ${LIMITS.pageField} characters` });
/** The fast tests of speakerField and pageField (see field-fast.ts). */
const isSpeaker = (value: unknown): value is string => isShortString(value, LIMITS.pageField);
const isPageField = isSpeaker;

function readPage(ctx: ReadContext, raw: unknown, path: string): PageFields | undefined | null {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    problem(ctx, path, 'must be an object');
    return null;
  }
  const out: PageFields = {};
  let ok = true;
  let any = false;
  for (const key of PAGE_FIELDS) {
    if (raw[key] === undefined) continue;
    const value = checkFast(ctx, pageField, isPageField, text(ctx, raw[key]), at(path, key));
    if (value === INVALID) ok = false;
    else if (value) {
      out[key] = value;
      any = true;
    }
  }
  if (!ok) return null;
  return any ? out : undefined;
}
