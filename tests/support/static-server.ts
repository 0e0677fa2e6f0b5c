import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';

/**
 * A minimal static file server for browser tests. It listens on 127.0.0.1 on
 * a free port and serves one built site folder under a base path, the way the
 * intranet's web server would: `/performance/scorecard/x/` maps to
 * `<root>/x/index.html`. Anything outside the base path, or not on disk,
 * gets 404, so a broken link fails a test instead of being guessed at.
 */

export interface StaticServerOptions {
  /** Folder of a built site. */
  root: string;
  /** URL path the site is served under, with leading and trailing slashes. Default `/`. */
  base?: string;
  /** Extra headers sent with every response, for example a Content-Security-Policy. */
  headers?: Record<string, string>;
}

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Absolute URL of a path inside the site, for example `url('indicators/w-1/')`. */
  url(path?: string): string;
  /** Every request the server responded to, in order. */
  served: ServedRequest[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const base = options.base ?? '/';
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/", got "${base}"`);

  const served: ServedRequest[] = [];
  const server = createServer((request, response) => {
    const status = respond(request, response, root, base, options.headers ?? {});
    served.push({ method: request.method ?? 'GET', path: request.url ?? '', status });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path = '') => `${origin}${base}${path.replace(/^\/+/, '')}`,
    served,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

/** Sends one response and returns its status code. */
function respond(request: IncomingMessage, response: ServerResponse, root: string, base: string, headers: Record<string, string>): number {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return 405;
  }

  const pathname = decodePath(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  if (pathname === null || !pathname.startsWith(base)) return notFound(response);

  const file = resolve(root, `.${sep}${pathname.slice(base.length)}`);
  const inside = relative(root, file);
  if (inside.startsWith('..') || resolve(root, inside) !== file) return notFound(response);

  const stats = statOrNull(file);
  if (stats?.isDirectory()) {
    // Directory URLs without the trailing slash redirect, as common web servers do.
    if (!pathname.endsWith('/')) {
      response.writeHead(301, { Location: `${pathname}/` }).end();
      return 301;
    }
    return sendFile(request, response, join(file, 'index.html'));
  }
  if (!stats?.isFile() || pathname.endsWith('/')) return notFound(response);
  return sendFile(request, response, file);
}

function sendFile(request: IncomingMessage, response: ServerResponse, file: string): number {
  const stats = statOrNull(file);
  if (!stats?.isFile()) return notFound(response);

  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(stats.size),
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
  return 200;
}

function notFound(response: ServerResponse): number {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  return 404;
}

function decodePath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
