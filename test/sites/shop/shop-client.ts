import { parseHTML } from 'linkedom';

/** A cookie-keeping HTTP client for the shop: one instance is one visitor (like a browser context). */
export class ShopClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), decodeURIComponent(pair!.slice(eq + 1)));
    }
  }

  private header(): Record<string, string> {
    const value = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    return value ? { cookie: value } : {};
  }

  /** GET without following redirects. */
  async get(path: string): Promise<Response> {
    const response = await fetch(this.base + path, { headers: this.header(), redirect: 'manual' });
    this.remember(response);
    return response;
  }

  /** GET a page and parse it. */
  async page(path: string): Promise<{ status: number; document: Document; html: string }> {
    const response = await this.get(path);
    const html = await response.text();
    return { status: response.status, html, document: parseHTML(html).document as Document };
  }

  /** POST a form; returns the status and the redirect target. */
  async post(
    path: string,
    form: Record<string, string>,
  ): Promise<{ status: number; location: string | null }> {
    const response = await fetch(this.base + path, {
      method: 'POST',
      headers: { ...this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    this.remember(response);
    await response.arrayBuffer();
    return { status: response.status, location: response.headers.get('location') };
  }
}

/** An element's text as a reader sees it: whitespace collapsed and trimmed. */
export function text(element: Element | null): string {
  if (!element) throw new Error('element not found');
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
