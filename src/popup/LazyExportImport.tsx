/**
 * The popup's Export / Import section, its code loaded only once the first results are on screen.
 * That code (the export builders, the import's checks with zod) is three quarters of the popup's;
 * evaluated up front it held the page's main thread while the first search's reply waited to be
 * shown. The export page imports ExportImport directly.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ExportImportProps } from './ExportImport';

/** `load`: false until the code may be fetched (the popup's first results are shown). */
export function LazyExportImport({ load, ...props }: ExportImportProps & { load: boolean }) {
  // The section's component once its module has loaded.
  const [Section, setSection] = useState<FunctionComponent<ExportImportProps> | null>(null);
  useEffect(() => {
    if (!load || Section) return;
    import('./ExportImport')
      .then((module) => setSection(() => module.ExportImport))
      .catch((error: unknown) => console.error('[marginalia] export and import could not load:', error));
  }, [load, Section]);
  return Section ? <Section {...props} /> : null;
}
