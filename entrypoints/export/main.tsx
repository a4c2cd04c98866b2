/**
 * Export and import in a tab of its own (export.html, `?url=` for "Export this page"). A popup can
 * close while a file dialog is open (Firefox closes it), so importing from here is the safe path.
 */
import { render } from 'preact';
import { normalizeUrl } from '@/src/core/url';
import { ExportImport } from '@/src/popup/ExportImport';
import '@/src/popup/popup.css';

const param = new URLSearchParams(location.search).get('url');

render(
  <main class="popup exchange-page">
    <h1>Marginalia: export and import</h1>
    <ExportImport pageUrl={param ? normalizeUrl(param) : null} searchIds={null} query="" open />
  </main>,
  document.getElementById('app')!,
);
