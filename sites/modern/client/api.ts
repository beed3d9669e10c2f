/** fetch() wrappers for the shop's JSON API. */

export interface ApiAnswer<T> {
  ok: boolean;
  status: number;
  data: T;
}

async function read<T>(response: Response): Promise<ApiAnswer<T>> {
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    data = { error: `The shop answered ${response.status} without data; please try again.` };
  }
  return { ok: response.ok, status: response.status, data: data as T };
}

export async function getJson<T>(url: string): Promise<ApiAnswer<T>> {
  return read<T>(await fetch(url, { headers: { accept: 'application/json' } }));
}

export async function postJson<T>(url: string, body: unknown): Promise<ApiAnswer<T>> {
  return read<T>(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}
