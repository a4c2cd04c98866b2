/**
 * The export page's address (export.html), which can carry an export to run at once: the popup
 * hands a large export over to it, since building 100,000 highlights in the popup would hold it
 * for seconds and a popup closes as soon as it loses focus.
 */
import type { ExportFormat } from '@/src/core/export';
import type { ExportRequestScope } from '@/src/messaging/protocol';

const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'markdown'];

export interface ExportPageParams {
  /** The page for "Export this page". */
  pageUrl: string | null;
  /** The search for "Export results". */
  query: string | null;
  /** An export to start as soon as the page opens. */
  run: { format: ExportFormat; scope: ExportRequestScope } | null;
}

export function exportPageUrl({ pageUrl, query, run }: ExportPageParams): string {
  const params = new URLSearchParams();
  if (pageUrl) params.set('url', pageUrl);
  if (query) params.set('q', query);
  if (run) {
    params.set('run', run.scope.kind);
    params.set('format', run.format);
  }
  const search = params.toString();
  return `/export.html${search ? `?${search}` : ''}`;
}

/** Reads the page's parameters; `normalize` checks the page URL (src/core/url.ts). */
export function readExportPageParams(search: string, normalize: (url: string) => string | null): ExportPageParams {
  const params = new URLSearchParams(search);
  const raw = params.get('url');
  const pageUrl = raw ? normalize(raw) : null;
  const query = params.get('q');
  const format = params.get('format') as ExportFormat | null;
  const kind = params.get('run');
  let scope: ExportRequestScope | null = null;
  if (kind === 'all') scope = { kind: 'all' };
  else if (kind === 'page' && pageUrl) scope = { kind: 'page', url: pageUrl };
  else if (kind === 'search' && query !== null) scope = { kind: 'search', query };
  const run = scope && format && FORMATS.includes(format) ? { format, scope } : null;
  return { pageUrl, query, run };
}
