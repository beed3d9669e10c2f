/** A cookie-keeping JSON client for the modern shop: one instance is one visitor. */
export class ModernClient {
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

  async get(path: string): Promise<Response> {
    const response = await fetch(this.base + path, { headers: this.header(), redirect: 'manual' });
    this.remember(response);
    return response;
  }

  async getJson<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await this.get(path);
    return { status: response.status, body: (await response.json()) as T };
  }

  async postJson<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(this.base + path, {
      method: 'POST',
      headers: { ...this.header(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    this.remember(response);
    return { status: response.status, body: (await response.json()) as T };
  }
}
