/**
 * Names for exported files: `marginalia-2026-11-27.json`, `marginalia-2026-11-27-page-<slug>.md`,
 * `marginalia-2026-11-27-search-<slug>.csv`. Dated by the reader's local calendar day, because that
 * is the day they will look for; only ASCII letters, digits and hyphens, so every OS and every
 * download dialog keeps the name as it is.
 */
import type { ExportScope } from './format';

export type ExportFormat = 'json' | 'csv' | 'markdown';

const EXTENSIONS: Record<ExportFormat, string> = { json: 'json', csv: 'csv', markdown: 'md' };

/** Longest slug; a title is a sentence, a file name needs only its start. */
const MAX_SLUG = 60;

export function exportFileName(format: ExportFormat, scope: ExportScope, date: Date): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  let suffix = '';
  if (scope.kind === 'page') suffix = `-page-${slugify(scope.title || pathOf(scope.url)) || 'untitled'}`;
  if (scope.kind === 'search') {
    const slug = slugify(scope.query);
    suffix = slug ? `-search-${slug}` : '-search';
  }
  return `marginalia-${day}${suffix}.${EXTENSIONS[format]}`;
}

/** Lower-case ASCII words joined by hyphens; accents are dropped from their letters, not the letters. */
export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, MAX_SLUG).replace(/-+$/, '');
}

/** Host and path of a URL, for a page without a title. */
function pathOf(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    return `${hostname.replace(/^www\./, '')}${pathname}`;
  } catch {
    return url;
  }
}
