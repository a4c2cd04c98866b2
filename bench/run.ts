/**
 * `npm run bench`: runs each bench module in turn and prints every result as one JSON line, so
 * that CI and people can compare runs with plain text tools. Add a bench by adding its module here.
 */
import * as anchor200 from './anchor-200';
import * as autohighlight from './autohighlight';
import * as autohighlightInExtension from './autohighlight-in-extension';
import * as contentScriptSize from './content-script-size';
import * as detectHostile from './detect-hostile';
import * as detectSpeed from './detect-speed';
import * as export100k from './export-100k';
import * as import100k from './import-100k';
import type { BenchModule } from './types';

const benches: Record<string, BenchModule> = {
  'anchor-200': anchor200,
  'content-script-size': contentScriptSize,
  'detect-per-1k-words': detectSpeed,
  'detect-hostile': detectHostile,
  'autohighlight-vs-readability': autohighlight,
  'autohighlight-in-extension': autohighlightInExtension,
  'export-100k': export100k,
  'import-100k': import100k,
  'search-100k': await import('./search-100k'), // also reports popup-first-results
};

// `npm run bench -- search-100k detect-per-1k-words` runs only the benches named.
const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in benches));
if (unknown.length > 0) throw new Error(`unknown bench: ${unknown.join(', ')} (have: ${Object.keys(benches).join(', ')})`);

for (const [name, bench] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  try {
    for (const result of await bench.run()) console.log(JSON.stringify(result));
  } catch (error: unknown) {
    console.log(JSON.stringify({ bench: name, error: error instanceof Error ? error.message : String(error) }));
    process.exitCode = 1;
  }
}
