import { defineConfig } from 'wxt';

// The manifest and build. Entry points live in entrypoints/, logic in src/ (imported as `@/src/...`).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
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
