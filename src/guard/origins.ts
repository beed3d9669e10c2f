/**
 * The origin rule of the live-site guard: which pages a session may open. A session stays on the
 * origin of its start URL (scheme, host and port, as browsers compare origins), on the origin the
 * start page landed on after the site's own redirects (http -> https, example.com -> www...), and
 * on the origins the user allows with `--allow-origin`. A pattern is an origin
 * (`https://shop.example.com`, `http://127.0.0.1:8080`) or an origin whose host starts with `*.`
 * (`https://*.example.com`: every subdomain of example.com, not example.com itself). Only http(s)
 * pages are guarded; about:, data:, blob: and file: pages are not network navigations to a site.
 */
import { UsageError } from '../errors.js';

interface OriginPattern {
  scheme: string;
  /** Exact host, or the suffix after `*.` when `wildcard`. */
  host: string;
  wildcard: boolean;
  port: string;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Reads one `--allow-origin` pattern; a UsageError says what is wrong and what to write. */
export function parseOriginPattern(pattern: string, label = '--allow-origin'): OriginPattern {
  const bad = (why: string) =>
    new UsageError(
      `${label} "${pattern}": ${why}; give an origin like https://shop.example.com, ` +
        'https://*.example.com or http://127.0.0.1:8080.',
    );
  const match = /^(https?):\/\/(\*\.)?([^/:?#*]+)(?::(\d{1,5}))?\/?$/i.exec(pattern.trim());
  if (!match) {
    if (!/^https?:\/\//i.test(pattern)) throw bad('it has no http:// or https:// scheme');
    throw bad('it is not a bare origin (no path, query, or * other than a leading *.)');
  }
  const scheme = `${match[1]!.toLowerCase()}:`;
  const port = match[4] ?? DEFAULT_PORTS[scheme]!;
  if (Number(port) < 1 || Number(port) > 65535) throw bad(`port ${port} is out of range`);
  const host = new URL(`${scheme}//${match[3]}`).hostname;
  if (match[2] && !host.includes('.')) throw bad('a wildcard needs a domain with a dot after *.');
  return { scheme, host, wildcard: !!match[2], port };
}

function parts(url: string): { scheme: string; host: string; port: string } | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return { scheme: u.protocol, host: u.hostname, port: u.port || DEFAULT_PORTS[u.protocol]! };
  } catch {
    return null;
  }
}

function matches(pattern: OriginPattern, url: string): boolean {
  const p = parts(url);
  if (!p || p.scheme !== pattern.scheme || p.port !== pattern.port) return false;
  return pattern.wildcard ? p.host.endsWith(`.${pattern.host}`) : p.host === pattern.host;
}

/** The origin of an http(s) URL ("https://a.example"), or null for other schemes. */
export function originOf(url: string): string | null {
  return parts(url) ? new URL(url).origin : null;
}

/** OriginPolicy.rules(): allowed origins, and patterns as scheme ("https:"), host and port. */
export interface OriginRules {
  origins: string[];
  wildcards: { scheme: string; host: string; port: string }[];
  exact: { scheme: string; host: string; port: string }[];
}

/** The origins one session may visit. */
export class OriginPolicy {
  private readonly patterns: OriginPattern[];
  private readonly origins: string[] = [];

  constructor(
    startUrl: string,
    private readonly allowOrigins: readonly string[] = [],
  ) {
    this.patterns = allowOrigins.map((p) => parseOriginPattern(p));
    this.addOrigin(startUrl);
  }

  /** Allows the origin of `url` too (the page the start URL landed on). */
  addOrigin(url: string): void {
    const origin = originOf(url);
    if (origin && !this.origins.includes(origin)) this.origins.push(origin);
  }

  /** The rule as plain data, for the in-page check of window.open (see src/browser/site-guard). */
  rules(): OriginRules {
    return {
      origins: [...this.origins],
      wildcards: this.patterns
        .filter((p) => p.wildcard)
        .map(({ scheme, host, port }) => ({ scheme, host, port })),
      exact: this.patterns
        .filter((p) => !p.wildcard)
        .map(({ scheme, host, port }) => ({ scheme, host, port })),
    };
  }

  /** Whether a top-level navigation to `url` stays within the allowed origins. */
  allows(url: string): boolean {
    const origin = originOf(url);
    if (origin === null) return true;
    return this.origins.includes(origin) || this.patterns.some((p) => matches(p, url));
  }

  /** The step result of a blocked navigation, written for the model and the trace. */
  blockedMessage(url: string, how: string): string {
    const allowed = [...this.origins, ...this.allowOrigins].join(', ');
    return (
      `blocked: ${how} to ${url} leaves the allowed origins (${allowed}); ` +
      `stay on this site, or pass --allow-origin ${originOf(url) ?? url} to allow it.`
    );
  }
}
