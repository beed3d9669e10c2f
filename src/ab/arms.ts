import { UsageError } from '../errors.js';

/** How the site tells the arms apart when one site serves both. */
export type VariantBy =
  | { kind: 'query'; name: string }
  | { kind: 'cookie'; name: string }
  | { kind: 'header'; name: string };

/** One arm of an A/B preview: where its sessions start and what the browser sends. */
export interface Arm {
  /** Folder name and label: the variant (a, b) or the --arm name (control, treatment). */
  name: string;
  startUrl: string;
  /** Request headers every page load of the arm carries (header variants). */
  headers: Record<string, string>;
  /**
   * Cookies set on the start URL before the first page load (cookie variants). They go into the
   * browser's cookie jar, not a Cookie header: a header would replace the jar's cookies (the
   * shop's visitor and cart) on every request.
   */
  cookies: Record<string, string>;
}

const ARM_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/** "query:variant" | "cookie:NAME" | "header:NAME". */
export function parseVariantBy(text: string): VariantBy {
  const match = /^(query|cookie|header):([A-Za-z0-9_.-]+)$/.exec(text.trim());
  if (!match) {
    throw new UsageError(
      `--variant-by ${text}: use query:NAME, cookie:NAME or header:NAME (e.g. query:variant).`,
    );
  }
  return { kind: match[1] as VariantBy['kind'], name: match[2]! };
}

/** "a,b": exactly two distinct variant values, control first. */
export function parseVariants(text: string): [string, string] {
  const values = text.split(',').map((v) => v.trim());
  if (values.length !== 2 || values.some((v) => !ARM_NAME.test(v)) || values[0] === values[1]) {
    throw new UsageError(
      `--variants ${text}: give two different variant values, control first (e.g. a,b); ` +
        'letters, digits, _ and - only.',
    );
  }
  return [values[0]!, values[1]!];
}

/** The two arms of one site that serves both, told apart as `by` says. */
export function variantArms(siteUrl: string, variants: [string, string], by: VariantBy): Arm[] {
  return variants.map((value) => {
    const url = new URL(siteUrl);
    const headers: Record<string, string> = {};
    const cookies: Record<string, string> = {};
    if (by.kind === 'query') url.searchParams.set(by.name, value);
    else if (by.kind === 'cookie') cookies[by.name] = value;
    else headers[by.name] = value;
    return { name: value, startUrl: url.href, headers, cookies };
  });
}

/** `--arm control=URL --arm treatment=URL`: two named arms on their own URLs, control first. */
export function urlArms(specs: readonly string[]): Arm[] {
  if (specs.length !== 2) {
    throw new UsageError(
      `--arm was given ${specs.length} time(s); give exactly two: --arm control=URL --arm treatment=URL.`,
    );
  }
  const arms = specs.map((spec) => {
    const at = spec.indexOf('=');
    const name = at > 0 ? spec.slice(0, at) : '';
    const url = spec.slice(at + 1);
    if (!ARM_NAME.test(name)) {
      throw new UsageError(`--arm ${spec}: write NAME=URL with a plain name (e.g. control=URL).`);
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--arm ${spec}: "${url}" is not a URL; give an http(s) address.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new UsageError(`--arm ${spec}: only http and https URLs can be shopped.`);
    }
    return { name, startUrl: parsed.href, headers: {}, cookies: {} };
  });
  if (arms[0]!.name === arms[1]!.name) {
    throw new UsageError(`--arm: the two arms are both named "${arms[0]!.name}"; name them apart.`);
  }
  return arms;
}
