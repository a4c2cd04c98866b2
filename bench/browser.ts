/** What browser benches share: one page served from 127.0.0.1, and the system's headless Chromium. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Serves one file at `/` on a random local port (everything else is 404). */
export async function serveFile(file: string): Promise<{ url: string; close(): Promise<void> }> {
  const body = fs.readFileSync(file);
  const server = http.createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens `url` with every request to another origin refused: the saved pages reference ad and
 * analytics servers that are unreachable here and would otherwise hold the load event.
 */
export async function openOffline(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  const origin = new URL(url).origin;
  await page.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One IIFE bundle exposing its exports as `globalName`, ready for `page.addScriptTag`. */
export async function bundle(globalName: string, entry: { file: string } | { source: string }): Promise<string> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.source, resolveDir: projectRoot, loader: 'ts' as const } }),
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome110',
    minify: true,
    write: false,
    logLevel: 'silent',
    absWorkingDir: projectRoot,
    // NODE_PATH is honoured so that a missing dependency can be supplied without installing it
    // (its own dependencies then come from the project's node_modules).
    nodePaths: [...(process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean), path.join(projectRoot, 'node_modules')],
  });
  return result.outputFiles[0]!.text;
}

