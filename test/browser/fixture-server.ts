import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '../fixtures/browser');

export interface FixtureServer {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves test/fixtures/browser, plus /hang (never answers, for navigation timeouts) and
 * /download.bin (an attachment, which sessions must not download), and /slow?ms=N (answers after
 * N milliseconds).
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    if (url.pathname === '/hang') {
      hanging.add(res);
      return;
    }
    if (url.pathname === '/slow') {
      const ms = Number(url.searchParams.get('ms') ?? 300);
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('slow'), ms);
      return;
    }
    if (url.pathname === '/download.bin') {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename="download.bin"',
      });
      res.end(Buffer.alloc(1024));
      return;
    }
    const file = path.join(ROOT, path.normalize(url.pathname).replace(/^[/\\]+/, ''));
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
      },
      () => {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      },
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
