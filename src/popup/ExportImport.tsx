/**
 * "Export / Import" in the popup. Export asks the background for the file ('export.build') and
 * saves it through a Blob and an `<a download>` click. Import checks the file's size first, reads
 * it, shows what importing would do ('import.preview') and imports only once confirmed
 * ('import.apply'). Everything that comes from a file is rendered as text.
 */
import { useRef, useState } from 'preact/hooks';
import { sizeProblem } from '@/src/core/export/json-guard';
import { sendToBackground } from '@/src/messaging/client';
import type { ExportFileFormat, ExportRequestScope, ImportPreview } from '@/src/messaging/protocol';

const MIME: Record<ExportFileFormat, string> = {
  json: 'application/ld+json;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
};

/** Saves text as a file through the browser's downloads: the side effect, apart from the builders. */
export function saveFile(fileName: string, text: string, format: ExportFileFormat): void {
  const url = URL.createObjectURL(new Blob([text], { type: MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type ImportState =
  | { stage: 'idle' }
  | { stage: 'busy'; what: string }
  | { stage: 'preview'; name: string; text: string; preview: ImportPreview }
  | { stage: 'done'; summary: string };

export interface ExportImportProps {
  /** The active page's normalised URL, for "Export this page". */
  pageUrl: string | null;
  /** Ids of the current search results when a query is active, else null. */
  searchIds: string[] | null;
  query: string;
  /** Called after an import changed something, so the popup can reload its lists. */
  onImported?: () => void;
  /** Start expanded (the export page). */
  open?: boolean;
  /** Shows a link that opens this section in a tab of its own (the popup). */
  tabLink?: boolean;
}

export function ExportImport({ pageUrl, searchIds, query, onImported, open, tabLink }: ExportImportProps) {
  const [format, setFormat] = useState<ExportFileFormat>('json');
  const [exportStatus, setExportStatus] = useState('');
  const [error, setError] = useState('');
  const [state, setState] = useState<ImportState>({ stage: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const runExport = async (scope: ExportRequestScope): Promise<void> => {
    setError('');
    setExportStatus('Preparing the file…');
    const reply = await sendToBackground('export.build', { format, scope });
    if (!reply.ok) {
      setExportStatus('');
      return setError(`Export failed: ${reply.error}`);
    }
    saveFile(reply.value.fileName, reply.value.text, format);
    setExportStatus(`Saved ${reply.value.fileName}.`);
  };

  const onFile = async (): Promise<void> => {
    const file = fileInput.current?.files?.[0];
    setError('');
    if (!file) return setState({ stage: 'idle' });
    const tooBig = sizeProblem(file.size);
    if (tooBig) return setError(tooBig);
    setState({ stage: 'busy', what: `Reading ${file.name}…` });
    let text: string;
    try {
      text = await file.text();
    } catch (e: unknown) {
      setState({ stage: 'idle' });
      return setError(`Could not read the file: ${e instanceof Error ? e.message : String(e)}`);
    }
    const reply = await sendToBackground('import.preview', { text });
    if (!reply.ok) {
      setState({ stage: 'idle' });
      return setError(reply.error);
    }
    setState({ stage: 'preview', name: file.name, text, preview: reply.value });
  };

  const confirm = async (text: string): Promise<void> => {
    setError('');
    setState({ stage: 'busy', what: 'Importing…' });
    const reply = await sendToBackground('import.apply', { text });
    if (fileInput.current) fileInput.current.value = '';
    if (!reply.ok) {
      setState({ stage: 'idle' });
      return setError(reply.error);
    }
    setState({ stage: 'done', summary: reply.value.summary });
    onImported?.();
  };

  const cancel = (): void => {
    if (fileInput.current) fileInput.current.value = '';
    setState({ stage: 'idle' });
  };

  return (
    <details class="exchange" open={open}>
      <summary>Export / Import</summary>
      {tabLink && (
        <p class="hint">
          <a href={`/export.html${pageUrl ? `?url=${encodeURIComponent(pageUrl)}` : ''}`} target="_blank" rel="noopener">
            Open in a tab
          </a>{' '}
          (safer for importing large files)
        </p>
      )}
      <div class="exchange-row">
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFileFormat)}>
            <option value="json">JSON (Web Annotation)</option>
            <option value="csv">CSV</option>
            <option value="markdown">Markdown</option>
          </select>
        </label>
      </div>
      <div class="exchange-row">
        <button type="button" onClick={() => void runExport({ kind: 'all' })}>
          Export all
        </button>
        {pageUrl && (
          <button type="button" onClick={() => void runExport({ kind: 'page', url: pageUrl })}>
            Export this page
          </button>
        )}
        {searchIds && (
          <button type="button" disabled={searchIds.length === 0} onClick={() => void runExport({ kind: 'search', ids: searchIds, query })}>
            Export results
          </button>
        )}
      </div>
      {exportStatus && (
        <p class="hint" role="status">
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
          <button type="button" disabled={state.preview.add + state.preview.update === 0} onClick={() => void confirm(state.text)}>
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
