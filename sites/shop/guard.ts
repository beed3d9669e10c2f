import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Where a shop writes its few log lines; stderr unless a test or embedder gives its own. */
export type ShopLog = (line: string) => void;

export const stderrLog: ShopLog = (line) => {
  process.stderr.write(line + '\n');
};

const GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/** True for the errors of a client that hung up mid-request: worth one short line, no stack. */
export function isDisconnect(error: unknown): boolean {
  const e = error as NodeJS.ErrnoException | null;
  return !!e && (GONE.has(e.code ?? '') || e.message === 'aborted');
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Wraps a shop's request handler so that no request can take the server down: a handler that
 * throws is answered 500 (or the socket closed when the answer had started), a client that hangs
 * up is logged in one line, and requests Node cannot even parse (bad method, huge headers) get
 * the right 4xx without reaching the shop.
 */
export function guardRequests(server: Server, label: string, handle: Handler, log: ShopLog): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const where = `${req.method ?? '?'} ${(req.url ?? '').slice(0, 80)}`;
    let noted = false;
    const note = (error: unknown): void => {
      if (noted) return;
      noted = true;
      log(
        isDisconnect(error)
          ? `${label}: client went away during ${where}`
          : `${label}: ${where}: ${(error as Error).message}`,
      );
    };
    req.on('error', note);
    res.on('error', note);
    handle(req, res).catch((error: unknown) => {
      if (isDisconnect(error) || req.destroyed) {
        note(error);
      } else {
        log(`${label}: ${where} failed: ${(error as Error).stack ?? String(error)}`);
      }
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal error.');
      } else {
        res.destroy();
      }
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (isDisconnect(error) || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
}
