/**
 * Reads an import file: size and nesting checks, JSON.parse, then every annotation in it. A file
 * is imported whole or not at all: one invalid annotation refuses the file, with the first few
 * problems named by JSON path, because a half-imported file is worse to untangle than a refusal.
 * Never throws; applies nothing (the background applies `planImport`'s result).
 */
import { LIMITS } from '../model';
import { FORMAT_VERSION } from './format';
import { at, hasType, isObject, type ImportProblem, type ReadContext } from './import-context';
import { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, sizeProblem, tooDeepAt } from './json-guard';
import { readAnnotation, type ImportedAnnotation } from './read-annotation';

/** How many problems a refusal lists; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 5;

export type ImportParse =
  | {
      ok: true;
      items: ImportedAnnotation[];
      /** What was changed on the way in (control characters removed, long context cut), for the reader. */
      warnings: string[];
    }
  | {
      ok: false;
      /** The first problems, at most MAX_PROBLEMS_SHOWN. */
      problems: ImportProblem[];
      /** Invalid annotations in the file (0 when the file as a whole is refused). */
      invalid: number;
      /** The refusal for the reader, problems included. */
      message: string;
    };

/** A refused file, as parseImport and openImport give it. */
export type ImportRefusal = Extract<ImportParse, { ok: false }>;

export interface ParseOptions {
  /** The clock, for refusing dates in the future; defaults to now. */
  now?: number;
}

const NOT_ANNOTATIONS = 'The file is not a Web Annotation, a list of them or an AnnotationCollection.';

/** Parses and checks an import file's text. */
export function parseImport(text: string, options: ParseOptions = {}): ImportParse {
  const opened = openImport(text, options);
  if (!opened.ok) return opened;
  const items = opened.reader.read(0, opened.reader.total) ?? [];
  const end = opened.reader.finish();
  return end.ok ? { ok: true, items, warnings: end.warnings } : end;
}

/**
 * An import file once parsed, read a slice at a time, so that an export page can send the first
 * annotations while it checks the next. Read every slice, in order, before `finish`.
 */
export interface ImportReader {
  /** Annotations in the file, valid or not. */
  readonly total: number;
  /**
   * The checked annotations from `from` to `to` (exclusive); null once any annotation read so far
   * was invalid, since the file will be refused (reading on still counts the problems).
   */
  read(from: number, to: number): ImportedAnnotation[] | null;
  /** The outcome, as parseImport gives it but without the annotations already handed out. */
  finish(): { ok: true; warnings: string[] } | ImportRefusal;
}

/** The checks of the file as a whole (size, nesting, JSON, where the list is), then a reader of its annotations. */
export function openImport(text: string, { now = Date.now() }: ParseOptions = {}): { ok: true; reader: ImportReader } | ImportRefusal {
  // String length is at most the UTF-8 byte length, so this refuses no file that File.size allowed.
  if (text.length > MAX_IMPORT_BYTES) return refuseFile(sizeProblem(text.length)!);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = tooDeepAt(body);
  if (deep >= 0)
    return refuseFile(`The file nests deeper than ${MAX_IMPORT_DEPTH} levels (at character ${count(deep)}).`);
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (error: unknown) {
    return refuseFile(`The file is not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }

  const found = locateItems(root);
  if ('problem' in found) return refuse([found.problem]);
  return { ok: true, reader: readerOf(found.items, found.path, now) };
}

function readerOf(list: readonly unknown[], path: string, now: number): ImportReader {
  const ctx: ReadContext = { now, cleaned: { removed: 0 }, shortened: 0, problems: [], urls: new Map() };
  const problems: ImportProblem[] = [];
  let invalid = 0;
  let problemCount = 0;
  return {
    total: list.length,
    read(from, to) {
      const items: ImportedAnnotation[] = [];
      for (let i = from; i < to; i++) {
        const item = readAnnotation(list[i], at(path, i), ctx);
        if (item) {
          items.push(item);
          continue;
        }
        invalid++;
        problemCount += ctx.problems.length;
        // Only the first few are kept; a file of 100,000 bad items must not keep 100,000 messages.
        for (const p of ctx.problems) if (problems.length < MAX_PROBLEMS_SHOWN) problems.push(p);
        ctx.problems.length = 0;
      }
      return invalid > 0 ? null : items;
    },
    finish() {
      if (invalid > 0) return refuse(problems, { invalid, total: list.length, problemCount });
      const warnings: string[] = [];
      if (ctx.cleaned.removed > 0)
        warnings.push(`Control characters were removed from ${plural(ctx.cleaned.removed, 'text')}.`);
      if (ctx.shortened > 0) {
        const where = plural(ctx.shortened, 'place');
        warnings.push(`Quote context longer than the ${LIMITS.context} characters kept was shortened in ${where}.`);
      }
      return { ok: true, warnings };
    },
  };
}

type Located = { items: unknown[]; path: string } | { problem: ImportProblem };

/** Where the annotations are: a single Annotation, a list, an AnnotationPage, or a collection. */
function locateItems(root: unknown): Located {
  if (Array.isArray(root)) return { items: root, path: '' };
  if (!isObject(root)) return { problem: { path: '', message: NOT_ANNOTATIONS } };
  const ext = root.marginalia;
  if (isObject(ext) && typeof ext.formatVersion === 'number' && ext.formatVersion > FORMAT_VERSION) {
    const message =
      `The file was made by a newer version of Marginalia (format ${ext.formatVersion}); ` +
      'update the extension to import it.';
    return { problem: { path: 'marginalia.formatVersion', message } };
  }
  if (hasType(root.type, 'Annotation')) return { items: [root], path: '' };
  const first = root.first;
  if (typeof first === 'string') {
    const message = 'The annotations are not in the file (first is a link to another server).';
    return { problem: { path: 'first', message } };
  }
  if (isObject(first) && first.items !== undefined) return listAt(first.items, 'first.items');
  if (root.items !== undefined) return listAt(root.items, 'items');
  if (hasType(root.type, 'AnnotationCollection') || hasType(root.type, 'AnnotationPage'))
    return { problem: { path: 'first.items', message: 'is missing: the collection holds no annotations.' } };
  return { problem: { path: 'type', message: NOT_ANNOTATIONS } };
}

function listAt(value: unknown, path: string): Located {
  if (Array.isArray(value)) return { items: value, path };
  return { problem: { path, message: 'must be a list of annotations' } };
}

/** A refusal of the file as a whole (too big, too deep, not JSON). */
const refuseFile = (message: string): ImportRefusal => refuse([{ path: '', message }]);

function refuse(
  problems: ImportProblem[],
  { invalid = 0, total = 0, problemCount = problems.length } = {},
): ImportRefusal {
  const head =
    invalid > 0
      ? `Nothing was imported: ${count(invalid)} of ${plural(total, 'annotation')} in the file ` +
        `${invalid === 1 ? 'is' : 'are'} invalid, and a file is imported whole or not at all.`
      : 'Nothing was imported.';
  const lines = problems.map((p) => `• ${p.path ? `${p.path}: ` : ''}${p.message}`);
  if (problemCount > problems.length) lines.push(`…and ${plural(problemCount - problems.length, 'more problem')}.`);
  return { ok: false, problems, invalid, message: [head, ...lines].join('\n') };
}

const count = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, noun: string): string => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
