/**
 * Parses what the reader types into the search box: words (matched as prefixes), quoted phrases
 * (matched exactly), and filters (`tag:ice`, `site:nbcchicago.com`, `kind:quote`, `color:yellow`,
 * `is:orphan`). Never throws: anything it cannot use becomes plain words or is dropped, with a
 * notice saying so, because the box is typed into one key at a time.
 */
import { COLORS, KINDS } from '@/src/core/model';
import { fold, tokenize } from './text';

/** Longest query used; a longer paste is cut here, before any work is done on it. */
export const MAX_QUERY_LENGTH = 300;
/** Most terms (words, phrases and filters together) used from one query. */
export const MAX_TERMS = 10;

export const FILTER_FIELDS = ['tag', 'site', 'kind', 'color', 'is'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Values a closed filter accepts; `tag` and `site` take anything. */
const CLOSED: Partial<Record<FilterField, readonly string[]>> = { kind: KINDS, color: COLORS, is: ['orphan'] };
const ALIASES: Record<string, FilterField> = { colour: 'color', tags: 'tag' };

export interface Filter {
  field: FilterField;
  /** Folded; matched as a prefix of the stored value unless `exact` (typed in quotes). */
  value: string;
  exact: boolean;
}

export interface ParsedQuery {
  /** Folded words, each matched as the prefix of a word in any field. */
  words: string[];
  /** Quoted phrases as folded words, matched as consecutive whole words. */
  phrases: string[][];
  filters: Filter[];
  /** What the reader should know about how the query was read (unknown filter, cut short...). */
  notices: string[];
}

/** True when there is nothing to search for: the most recent highlights are shown instead. */
export const isEmptyQuery = (q: ParsedQuery): boolean => !q.words.length && !q.phrases.length && !q.filters.length;

const QUOTES = /["“”„«»]/;
/** One piece of the query: a quoted phrase, a `name:` with a quoted or bare value, or a bare run. */
const PIECE = /([a-z]+):(?:["“”„«»]([^"“”„«»]*)["“”„«»]?|(\S*))|["“”„«»]([^"“”„«»]*)["“”„«»]?|(\S+)/giu;

/** The value a filter is compared with: folded, spaces collapsed; a site loses scheme, path and `www.`. */
export function filterValue(field: FilterField, raw: string): string {
  const value = fold(raw).replace(/\s+/g, ' ').trim();
  if (field !== 'site') return value;
  let host = value;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(value) || value.includes('/')) {
    try {
      host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(value) ? value : `http://${value}`).hostname;
    } catch {
      host = value;
    }
  }
  return host.replace(/^www\./, '');
}

export function parseQuery(input: string): ParsedQuery {
  const notices: string[] = [];
  let text = input;
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    // Not half a word: the cut would otherwise search for a prefix nobody typed.
    const lastSpace = text.search(/\s\S*$/);
    if (lastSpace > 0) text = text.slice(0, lastSpace);
    notices.push(`Only the first ${MAX_QUERY_LENGTH} characters are searched.`);
  }
  const words: string[] = [];
  const phrases: string[][] = [];
  const filters: Filter[] = [];
  const unknown = new Set<string>();
  const addWords = (raw: string) => words.push(...tokenize(raw));

  for (const m of text.matchAll(PIECE)) {
    const [whole, name, quotedValue, bareValue, phrase, bare] = m;
    if (name !== undefined) {
      const value = quotedValue ?? bareValue ?? '';
      const field = resolveField(name);
      if (field === null) {
        // Only alphabetic names look like filters; "10:30" or "https://..." are just words.
        if (!value.startsWith('//')) unknown.add(`${name.toLowerCase()}:`);
        addWords(whole);
        continue;
      }
      const folded = filterValue(field, value);
      // `tag:` alone is a filter still being typed: nothing to apply yet.
      if (!folded) continue;
      const allowed = CLOSED[field];
      if (allowed && !allowed.some((v) => v.startsWith(folded))) {
        notices.push(`No ${field} “${value}”: try ${allowed.map((v) => `${field}:${v}`).join(', ')}.`);
        addWords(value);
        continue;
      }
      filters.push({ field, value: folded, exact: quotedValue !== undefined && QUOTES.test(whole.slice(-1)) });
    } else if (phrase !== undefined) {
      const tokens = tokenize(phrase);
      if (tokens.length) phrases.push(tokens);
    } else if (bare !== undefined) {
      addWords(bare);
    }
  }
  if (unknown.size) {
    notices.push(
      `${[...unknown].map((u) => `“${u}”`).join(', ')} ${unknown.size > 1 ? 'are not filters' : 'is not a filter'}; searched as words. Filters: ${FILTER_FIELDS.map((f) => `${f}:`).join(' ')}`,
    );
  }
  return limitTerms({ words: [...new Set(words)], phrases: dedupePhrases(phrases), filters: dedupeFilters(filters), notices });
}

function resolveField(name: string): FilterField | null {
  const lower = name.toLowerCase();
  const field = FILTER_FIELDS.find((f) => f === lower) ?? ALIASES[lower];
  return field ?? null;
}

function dedupePhrases(phrases: string[][]): string[][] {
  const seen = new Set<string>();
  return phrases.filter((p) => !seen.has(p.join(' ')) && !!seen.add(p.join(' ')));
}

function dedupeFilters(filters: Filter[]): Filter[] {
  const seen = new Set<string>();
  return filters.filter((f) => {
    const key = `${f.field}:${f.value}:${f.exact}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/** Keeps the first MAX_TERMS terms, filters first (they are what chips add, and cheap to apply). */
function limitTerms(q: ParsedQuery): ParsedQuery {
  const total = q.words.length + q.phrases.length + q.filters.length;
  if (total <= MAX_TERMS) return q;
  const filters = q.filters.slice(0, MAX_TERMS);
  const phrases = q.phrases.slice(0, MAX_TERMS - filters.length);
  const words = q.words.slice(0, MAX_TERMS - filters.length - phrases.length);
  return { words, phrases, filters, notices: [...q.notices, `Only the first ${MAX_TERMS} terms are searched.`] };
}
