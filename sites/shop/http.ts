import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small request/response helpers for node:http; no framework. */

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in cookies) continue;
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      cookies[name] = part.slice(eq + 1).trim();
    }
  }
  return cookies;
}

export function cookie(name: string, value: string, options: { httpOnly?: boolean } = {}): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'SameSite=Lax',
    'Max-Age=2592000',
  ];
  if (options.httpOnly) parts.push('HttpOnly');
  return parts.join('; ');
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request target as a URL; "//x" stays a path (new URL would read it as a host). */
export function requestUrl(target: string | undefined): URL {
  const path = target ?? '/';
  if (!path.startsWith('/')) throw new HttpError(400, 'The request target must be a path.');
  try {
    return new URL('http://shop.local' + path);
  } catch {
    throw new HttpError(400, 'The request path is not a valid URL.');
  }
}

const MAX_BODY = 64 * 1024;

/** Reads an application/x-www-form-urlencoded body (the only kind the shop's forms send). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new HttpError(415, 'Send the form as application/x-www-form-urlencoded.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'The form is too large.');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
}

export function htmlReply(body: string, status = 200): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body,
  };
}

export function jsonReply(value: unknown, status = 200): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(value),
  };
}

/** 303 See Other: after a POST the browser GETs the target (POST-redirect-GET). */
export function redirect(location: string): Reply {
  return { status: 303, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

export function send(res: ServerResponse, reply: Reply, cookies: string[]): void {
  if (res.headersSent || res.destroyed) return; // the client went away meanwhile
  const headers = { ...reply.headers };
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

/** A local path to go back to after a form, never another site ("//evil" or "http:"). */
export function safeReturnPath(value: string | null, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.length > 600) {
    return fallback;
  }
  return value;
}
