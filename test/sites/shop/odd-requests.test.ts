import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModernShop } from '../../../sites/modern/server.js';
import { startShop } from '../../../sites/shop/server.js';
import { get, rawRequest, withBody } from './raw-http.js';

interface Served {
  port: number;
  url: string;
  close(): Promise<void>;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/**
 * Odd requests any server on the open web gets; each must be answered (with the status given
 * for [the shop, the modern shop]; null = the client hung up first) and none may kill it.
 */
const ODD: [string, string, number | null, number | null][] = [
  ['GET //', get('//'), 404, 404],
  ['GET ///x//y', get('///x//y'), 404, 404],
  ['GET /static/constructor', get('/static/constructor'), 404, 404],
  ['GET /static/__proto__', get('/static/__proto__'), 404, 404],
  ['GET /assets/__proto__', get('/assets/__proto__'), 404, 404],
  ['GET /%', get('/%'), 404, 404],
  ['GET /%E0%A4%A', get('/%E0%A4%A'), 404, 404],
  ['GET /search?q=%&page=%zz', get('/search?q=%&page=%zz'), 200, 200],
  ['GET /api/orders?visitor=%', get('/api/orders?visitor=%'), 200, 200],
  ['GET a 10 KB URL', get('/search?q=' + 'a'.repeat(10_000)), 200, 200],
  ['GET a 100 KB URL', get('/' + 'a'.repeat(100_000)), 431, 431],
  ['GET a target that is not a path', get('*'), 400, 400],
  ['DELETE /', get('/', 'DELETE'), 405, 405],
  ['OPTIONS /', get('/', 'OPTIONS'), 405, 405],
  ['an unknown method', get('/', 'BREW'), 400, 400],
  ['a garbage request line', 'HELLO\r\n\r\n', 400, 400],
  ['a bad header', 'GET / HTTP/1.1\r\nHost shop\r\n\r\n', 400, 400],
  ['POST a form as JSON', withBody('/cart/add', JSON_TYPE, '{"a":1}'), 415, 404],
  ['POST JSON as a form', withBody('/api/cart', FORM, 'a=1'), 404, 415],
  ['POST a garbled form', withBody('/cart/add', FORM, '%%%&&==&product_id=%zz'), 303, 404],
  ['POST broken JSON', withBody('/api/cart', JSON_TYPE, '{"handle": '), 404, 400],
  ['POST a JSON list', withBody('/api/checkout', JSON_TYPE, '[1]'), 404, 400],
  ['POST __proto__', withBody('/api/cart', JSON_TYPE, '{"__proto__": {"x": 1}}'), 404, 404],
  ['POST 100 KB of form', withBody('/checkout', FORM, 'a='.padEnd(100_000, 'x')), 413, 404],
  ['POST 100 KB of JSON', withBody('/api/cart', JSON_TYPE, '"'.padEnd(100_000, 'x')), 404, 413],
  ['POST a cut-off form', withBody('/checkout', FORM, 'a=1', 500), null, 404],
  ['POST cut-off JSON', withBody('/api/checkout', JSON_TYPE, '{', 500), 404, null],
];

function suite(name: string, start: (log: (line: string) => void) => Promise<Served>): void {
  describe(`${name}: odd requests`, () => {
    let served: Served;
    const log: string[] = [];
    beforeAll(async () => {
      served = await start((line) => log.push(line));
    });
    afterAll(async () => {
      await served.close();
    });

    it.each(ODD)('%s is answered and the shop keeps serving', async (...[, bytes, a, b]) => {
      const expected = name === 'the shop' ? a : b;
      const cutOff = bytes.includes('Content-Length: 500');
      expect(await rawRequest(served.port, bytes, cutOff ? 100 : null)).toBe(expected);
      expect((await fetch(served.url + '/')).status).toBe(200);
    });

    it('logs a client that hangs up in one short line, and never a stack', async () => {
      const target = name === 'the shop' ? '/checkout' : '/api/checkout';
      const type = name === 'the shop' ? FORM : JSON_TYPE;
      await rawRequest(served.port, withBody(target, type, 'a', 500), 100);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(log).toContain(
        `${name === 'the shop' ? 'shop' : 'modern shop'}: client went away during POST ${target}`,
      );
      expect(log.filter((line) => /\n\s+at /.test(line))).toEqual([]);
    });
  });
}

suite('the shop', (log) => startShop({ port: 0, log }));
suite('the modern shop', (log) => startModernShop({ port: 0, apiLatencyMs: 0, log }));
