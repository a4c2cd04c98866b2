import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Two projects: fast unit tests in Node (with happy-dom where a file asks for it), and
// real-browser tests that load the built extension into Chromium (run after `npm run build`).
export default defineConfig({
  plugins: [WxtVitest()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        // Generous timeout: some files fill fake IndexedDB databases, slow on a busy 2-core machine.
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
