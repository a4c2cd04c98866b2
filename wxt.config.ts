import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint: every function of the pipeline bundle is compiled when the bundle
 * is loaded (its own task, before the pipeline's first step) instead of lazily, on its first
 * call, in the middle of a step — the pipeline calls nearly all of its code on every article.
 * Other engines read it as a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
const compileEagerly = (fileName: string): Plugin => ({
  name: 'marginalia:compile-hint',
  enforce: 'post',
  generateBundle(_options, bundle) {
    const chunk = bundle[fileName];
    if (chunk?.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code;
  },
});

// The manifest and build. Entry points live in entrypoints/, logic in src/ (imported as `@/src/...`).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    // NO_MINIFY=1: readable function names in a CPU profile (see the README's Benchmarks).
    ...(process.env.NO_MINIFY ? { build: { minify: false } } : {}),
    plugins: [compileEagerly('auto-pipeline.js')],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  manifest: ({ browser }) => ({
    name: 'Marginalia — article notes',
    description:
      'Highlight news articles, keep notes and tags, and see quotations and officials at a glance. Everything stays in your browser.',
    // tabs: 'annotation.open' finds the tab already showing a page (its URL is hidden otherwise); no new
    // install warning, as the content scripts' all-sites access already covers it.
    // scripting: the in-page UI is injected on first use (src/page/ui/lazy-ui.ts), into the same
    // pages the content script already runs on (host_permissions).
    permissions: ['contextMenus', 'activeTab', 'tabs', 'scripting', 'storage', 'unlimitedStorage'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Marginalia' },
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: {
            gecko: {
              id: 'marginalia@example.org',
              // 140 brought the CSS Custom Highlight API; 142 data_collection_permissions on Android.
              strict_min_version: '142.0',
              // Nothing leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          } }
      : {}),
  }),
});
