// A tiny static file server on 127.0.0.1 for end-to-end tests and screenshots: serves fixture
// pages from disk with real content types, and can hold a page's response open to simulate a
// page that never finishes loading. No dependencies beyond node:http.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ServeOptions {
  /**
   * URL paths whose response sends the file up to its </body> tag and then never ends (until
   * close()). A key may carry a query (`'/a.html?slow'`) so the same file is also served whole.
   */
  slow?: ReadonlySet<string>;
  /** Port to listen on; default 0 (a free port chosen by the OS). */
  port?: number;
}

export interface StaticServer {
  /** e.g. `http://127.0.0.1:43127` */
  origin: string;
  /** Absolute URL for a path on this server (`url('/a.html')`). */
  url(path: string): string;
  /** Stops the server, ending any held-open (slow) responses. */
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Content type for a file name, by extension; unknown types are served as bytes. */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The request's path (decoded) and query, or null if malformed or climbing out (`..`, NUL). */
function requestPath(req: IncomingMessage): { pathname: string; search: string } | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.split(/[/\\]/).includes('..')) return null;
  return { pathname, search: url.search };
}

/** Where the file for `pathname` lives, or null if there is none. */
type Resolver = (pathname: string) => Promise<string | null>;

async function start(resolveFile: Resolver, opts: ServeOptions): Promise<StaticServer> {
  const slow = opts.slow ?? new Set<string>();
  const held = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(err instanceof Error ? err.message : String(err));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const target = requestPath(req);
    if (target === null) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const { pathname, search } = target;
    const file = await resolveFile(pathname);
    if (file === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const body = await readFile(file);
    const headers = { 'content-type': contentType(file), 'cache-control': 'no-store' };

    if (slow.has(pathname) || (search !== '' && slow.has(pathname + search))) {
      // Send the whole article but not the end of the document, then hold the connection:
      // the document stays in the "loading" state, DOMContentLoaded and `load` never fire.
      const text = body.toString('utf8');
      const cut = text.search(/<\/body>/i);
      const head = cut < 0 ? text.slice(0, Math.ceil(text.length / 2)) : text.slice(0, cut);
      res.writeHead(200, headers);
      res.write(head);
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }

    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });

  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;

  return {
    origin,
    url: (path) => new URL(path, origin + '/').href,
    close() {
      closing ??= new Promise<void>((ok) => {
        for (const res of held) res.end();
        server.close(() => ok());
        // Keep-alive sockets from the browser would otherwise keep close() waiting.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** Serves exactly the given URL paths (`'/article.html'`) from the given absolute file paths. */
export async function serveFiles(map: Record<string, string>, opts: ServeOptions = {}): Promise<StaticServer> {
  const files = new Map<string, string>();
  for (const [path, file] of Object.entries(map)) {
    if (!isAbsolute(file)) throw new Error(`serveFiles: not an absolute path: ${file}`);
    files.set(path.startsWith('/') ? path : `/${path}`, file);
  }
  return start(async (pathname) => files.get(pathname) ?? null, opts);
}

/** Serves every file under `dir` at its relative path; `/` and folders serve their index.html. */
export function serveDir(dir: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  return start(async (pathname) => {
    let file = resolve(root, `.${pathname}`);
    const rel = relative(root, file);
    if (rel.startsWith('..') || isAbsolute(rel)) return null; // belt and braces against traversal
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      return info.isFile() ? file : null;
    } catch {
      return null;
    }
  }, opts);
}

// `npx tsx scripts/serve.ts [dir]` serves a folder (default: the fixture pages) until Ctrl-C.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'tests', 'fixtures', 'pages'));
  const server = await serveDir(dir, { port: Number(process.env.PORT ?? 0) });
  const names = (await readdir(dir)).filter((name) => name.endsWith('.html'));
  console.log(`Serving ${dir}${sep} at ${server.origin}`);
  for (const name of names) console.log(`  ${server.url(`/${name}`)}`);
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}
