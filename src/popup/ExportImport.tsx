/**
 * "Export / Import", in the popup and in the export page (export.html). Both go over a connection
 * to the background in chunks (src/exchange/): an export is written here, chunk by chunk, into a
 * Blob and saved with an `<a download>` click; an import is parsed and checked here, sent in
 * chunks, its plan shown ("12 new, 3 updated, 1 skipped") and applied only once confirmed, in one
 * transaction. The popup hands large exports and imports to the export page, which stays open and
 * responsive while they run. Everything that comes from a file is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ExportFormat } from '@/src/core/export';
import { sizeProblem } from '@/src/core/export/json-guard';
import { exportOverPort } from '@/src/exchange/export-client';
import { exportPageUrl } from '@/src/exchange/export-page-url';
import { ImportConnection, openImportFile } from '@/src/exchange/import-client';
import { saveFile } from '@/src/exchange/save-file';
import { EXPORT_PORT, IMPORT_PORT, type ExportRequestScope, type ImportPreview } from '@/src/messaging/protocol';

/** Largest export the popup writes itself; above it, the export page does (a few MB of JSON). */
export const POPUP_EXPORT_MAX = 5_000;
/** Largest file the popup imports itself; a larger one is parsed for seconds, so the export page does it. */
export const POPUP_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

type ImportState =
  | { stage: 'idle' }
  | { stage: 'busy'; what: string }
  | { stage: 'preview'; name: string; preview: ImportPreview; connection: ImportConnection }
  | { stage: 'done'; summary: string };

export interface ExportImportProps {
  /** The active page's normalised URL, for "Export this page". */
  pageUrl: string | null;
  /** The search typed, when a search is active: "Export results" exports every match. */
  searchQuery: string | null;
  /** Called after an import changed something, so the popup can reload its lists. */
  onImported?: () => void;
  /** Start expanded (the export page). */
  open?: boolean;
  /** In the popup: a link to the export page, and large jobs handed over to it. */
  tabLink?: boolean;
  /** An export to run as soon as the section shows (the export page, handed one by the popup). */
  run?: { format: ExportFormat; scope: ExportRequestScope } | null;
}

const count = (n: number) => n.toLocaleString('en-US');
/** Marks the import's steps (`marginalia:import <step>`) for bench/import-100k.ts. */
const importMark = (step: 'start' | 'read' | 'parsed' | 'sent' | 'planned') => performance.mark(`marginalia:import ${step}`);

export function ExportImport({ pageUrl, searchQuery, onImported, open, tabLink, run }: ExportImportProps) {
  // The export format picked.
  const [format, setFormat] = useState<ExportFormat>(run?.format ?? 'json');
  // Progress and outcome of the last export.
  const [exportStatus, setExportStatus] = useState('');
  // While an export runs, its buttons are disabled.
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState('');
  const [state, setState] = useState<ImportState>({ stage: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const tabUrl = exportPageUrl({ pageUrl, query: searchQuery, run: null });

  const openTab = (url: string) => void browser.tabs.create({ url: browser.runtime.getURL(url as '/export.html') });

  const runExport = async (scope: ExportRequestScope, as: ExportFormat = format): Promise<void> => {
    setError('');
    setExporting(true);
    setExportStatus('Preparing the file…');
    try {
      const file = await exportOverPort(browser.runtime.connect({ name: EXPORT_PORT }), {
        format: as,
        scope,
        onProgress: (received, total) => setExportStatus(`Writing ${count(received)} of ${count(total)} highlights…`),
        handOver: (total) => {
          if (!tabLink || total <= POPUP_EXPORT_MAX) return false;
          setExportStatus(`${count(total)} highlights: the export continues in a tab.`);
          openTab(exportPageUrl({ pageUrl, query: searchQuery, run: { format: as, scope } }));
          return true;
        },
      });
      if (!file) return;
      saveFile(file.fileName, file.blob);
      setExportStatus(`Saved ${file.fileName} (${count(file.total)} highlight${file.total === 1 ? '' : 's'}).`);
    } catch (e: unknown) {
      setExportStatus('');
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setExporting(false);
    }
  };

  // The export page runs the export it was opened for, once.
  const ran = useRef(false);
  useEffect(() => {
    if (!run || ran.current) return;
    ran.current = true;
    void runExport(run.scope, run.format);
  }, [run]);

  // The import connection open now, if any: one at a time, and closed when the section goes.
  const connectionRef = useRef<ImportConnection | null>(null);
  const closeImport = () => {
    connectionRef.current?.destroy();
    connectionRef.current = null;
  };
  useEffect(() => closeImport, []);

  const onFile = async (): Promise<void> => {
    const file = fileInput.current?.files?.[0];
    setError('');
    closeImport();
    if (!file) return setState({ stage: 'idle' });
    const tooBig = sizeProblem(file.size);
    if (tooBig) return setError(tooBig);
    if (tabLink && file.size > POPUP_IMPORT_MAX_BYTES) {
      setState({ stage: 'idle' });
      return setError(`${file.name} is large: import it from the export page (“Open in a tab” above), which stays open while it works.`);
    }
    setState({ stage: 'busy', what: `Reading ${file.name}…` });
    importMark('start');
    let text: string;
    try {
      text = await file.text();
    } catch (e: unknown) {
      setState({ stage: 'idle' });
      return setError(`Could not read the file: ${e instanceof Error ? e.message : String(e)}`);
    }
    importMark('read');
    setState({ stage: 'busy', what: `Checking ${file.name}…` });
    // Let the page paint the status before the parse holds it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const opened = openImportFile(text);
    importMark('parsed');
    if (!opened.ok) {
      setState({ stage: 'idle' });
      return setError(opened.error);
    }
    // The annotations are checked a slice at a time and sent as they pass; an invalid one refuses
    // the file with parseImport's message, and closing the connection drops what was sent.
    const connection = new ImportConnection(browser.runtime.connect({ name: IMPORT_PORT }));
    connectionRef.current = connection;
    try {
      const preview = await connection.planFile(opened.reader, {
        onProgress: (sent, total) => setState({ stage: 'busy', what: `Checking and sending ${count(sent)} of ${count(total)} annotations…` }),
        onSent: () => importMark('sent'),
      });
      importMark('planned');
      setState({ stage: 'preview', name: file.name, preview, connection });
    } catch (e: unknown) {
      closeImport();
      setState({ stage: 'idle' });
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const confirm = async (connection: ImportConnection): Promise<void> => {
    setError('');
    setState({ stage: 'busy', what: 'Importing…' });
    if (fileInput.current) fileInput.current.value = '';
    try {
      const summary = await connection.apply();
      setState({ stage: 'done', summary });
      onImported?.();
    } catch (e: unknown) {
      setState({ stage: 'idle' });
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      closeImport();
    }
  };

  const cancel = (): void => {
    closeImport();
    if (fileInput.current) fileInput.current.value = '';
    setState({ stage: 'idle' });
  };

  return (
    <details class="exchange" open={open}>
      <summary>Export / Import</summary>
      {tabLink && (
        <p class="hint">
          <a href={tabUrl} target="_blank" rel="noopener">
            Open in a tab
          </a>{' '}
          (for large exports and imports)
        </p>
      )}
      <div class="exchange-row">
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            <option value="json">JSON (Web Annotation)</option>
            <option value="csv">CSV</option>
            <option value="markdown">Markdown</option>
          </select>
        </label>
      </div>
      <div class="exchange-row">
        <button type="button" disabled={exporting} onClick={() => void runExport({ kind: 'all' })}>
          Export all
        </button>
        {pageUrl && (
          <button type="button" disabled={exporting} onClick={() => void runExport({ kind: 'page', url: pageUrl })}>
            Export this page
          </button>
        )}
        {searchQuery !== null && (
          <button
            type="button"
            disabled={exporting || searchQuery.trim() === ''}
            title={`Every highlight matching “${searchQuery}”`}
            onClick={() => void runExport({ kind: 'search', query: searchQuery })}
          >
            Export results
          </button>
        )}
      </div>
      {exportStatus && (
        <p class="hint export-status" role="status">
          {exportStatus}
        </p>
      )}
      <div class="exchange-row">
        <label>
          Import a JSON file{' '}
          <input ref={fileInput} type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={() => void onFile()} />
        </label>
      </div>
      {state.stage === 'busy' && (
        <p class="hint" role="status">
          {state.what}
        </p>
      )}
      {state.stage === 'preview' && (
        <div class="import-preview">
          <p class="import-summary">
            {state.name}: {state.preview.summary}
          </p>
          {state.preview.warnings.map((w) => (
            <p class="hint" key={w}>
              {w}
            </p>
          ))}
          <button
            type="button"
            disabled={state.preview.add + state.preview.update === 0}
            onClick={() => void confirm(state.connection)}
          >
            Import
          </button>{' '}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {state.stage === 'done' && (
        <p class="import-result" role="status">
          {state.summary}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
