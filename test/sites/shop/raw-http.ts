import { connect } from 'node:net';

/**
 * Sends raw bytes to a server and resolves with the status code of its answer (null when the
 * connection closed without one). `hangUpAfterMs` closes the socket early, like a client leaving.
 */
export function rawRequest(
  port: number,
  bytes: string,
  hangUpAfterMs: number | null = null,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') resolve(statusOf(answer));
      else reject(error);
    });
    socket.on('close', () => resolve(statusOf(answer)));
    socket.write(bytes, 'latin1');
    if (hangUpAfterMs !== null) setTimeout(() => socket.destroy(), hangUpAfterMs);
    socket.setTimeout(5000, () => socket.destroy());
  });
}

function statusOf(answer: string): number | null {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
  return match ? Number(match[1]) : null;
}

/** A GET request line with headers; the connection closes after the answer. */
export const get = (target: string, method = 'GET'): string =>
  `${method} ${target} HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n`;

/** A request with a body; `length` may claim more bytes than sent (a cut-off upload). */
export const withBody = (
  target: string,
  type: string,
  body: string,
  length = Buffer.byteLength(body),
): string =>
  `POST ${target} HTTP/1.1\r\nHost: shop\r\nConnection: close\r\nContent-Type: ${type}\r\n` +
  `Content-Length: ${length}\r\n\r\n${body}`;
