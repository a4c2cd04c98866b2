/**
 * Export and import in a tab of its own (export.html). Large exports and imports run here rather
 * than in the popup: a tab stays open while they work, and a popup closes as soon as it loses
 * focus (Firefox closes it when a file dialog opens). Parameters (src/exchange/export-page-url.ts):
 * `url` for "Export this page", `q` for "Export results", `run` and `format` for an export handed
 * over by the popup, started at once.
 */
import { render } from 'preact';
import { normalizeUrl } from '@/src/core/url';
import { readExportPageParams } from '@/src/exchange/export-page-url';
import { ExportImport } from '@/src/popup/ExportImport';
import '@/src/popup/popup.css';

const params = readExportPageParams(location.search, normalizeUrl);

render(
  <main class="popup exchange-page">
    <h1>Marginalia: export and import</h1>
    <ExportImport pageUrl={params.pageUrl} searchQuery={params.query} run={params.run} open />
  </main>,
  document.getElementById('app')!,
);
