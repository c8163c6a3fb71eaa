/**
 * What an attacker (or a broken client) sends. Values are JSON *texts*, so that what JSON.stringify
 * would refuse or reshape (10,000 levels of nesting, lone surrogates, numbers beyond a double) is
 * sent exactly.
 */
export interface HostileValue {
  readonly name: string;
  readonly json: string;
}

const DEPTH = 10_000;

const deepArray = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const manyItems = (count: number, item: string): string => `[${new Array<string>(count).fill(item).join(',')}]`;

/** Sent in place of each field of a body, one at a time. */
export const FIELD_VALUES: readonly HostileValue[] = [
  { name: 'NUL in a string', json: '"a\\u0000b"' },
  { name: 'lone high surrogate', json: '"\\ud800"' },
  { name: 'lone low surrogate inside text', json: '"ab\\udfffcd"' },
  { name: 'null', json: 'null' },
  { name: 'empty string', json: '""' },
  { name: 'blank string', json: '"   "' },
  { name: 'long string', json: `"${'x'.repeat(20_000)}"` },
  { name: 'number as string', json: '"1"' },
  { name: 'true', json: 'true' },
  { name: 'zero', json: '0' },
  { name: 'negative', json: '-1' },
  { name: 'fraction', json: '0.5' },
  { name: 'past 2^53', json: '9007199254740993' },
  { name: 'past 2^63', json: '9223372036854775808' },
  { name: 'below -2^63', json: '-9223372036854775809' },
  { name: 'huge', json: '1e308' },
  { name: 'beyond a double', json: '1e400' },
  { name: 'empty object', json: '{}' },
  { name: 'object', json: '{"a":1}' },
  { name: 'empty array', json: '[]' },
  { name: 'array of null', json: '[null]' },
  { name: 'array of NUL strings', json: '["\\u0000"]' },
  { name: 'array of lone surrogates', json: '["\\ud800"]' },
  { name: 'array of objects', json: '[{}]' },
  { name: '2,000 items', json: manyItems(2_000, '{}') },
  { name: 'deeply nested arrays', json: deepArray(DEPTH) },
  { name: 'deeply nested objects', json: deepObject(DEPTH) },
];

/** Sent as a whole body (with `content-type: application/json` unless said otherwise). */
export const BODY_VALUES: readonly (HostileValue & { readonly contentType?: string })[] = [
  { name: 'empty body', json: '' },
  { name: 'null body', json: 'null' },
  { name: 'array body', json: '[]' },
  { name: 'string body', json: '"x"' },
  { name: 'number body', json: '1' },
  { name: 'empty object body', json: '{}' },
  { name: 'malformed JSON', json: '{"a":' },
  { name: 'prototype pollution', json: '{"__proto__":{"admin":true}}' },
  { name: 'constructor pollution', json: '{"constructor":{"prototype":{"admin":true}}}' },
  { name: 'NUL key', json: '{"\\u0000":1}' },
  { name: 'lone surrogate key', json: '{"\\ud800":1}' },
  { name: '100,000 invalid items', json: manyItems(100_000, '{"x":null}') },
  { name: '10,000 unknown fields', json: `{${Array.from({ length: 10_000 }, (_, i) => `"f${i}":1`).join(',')}}` },
  { name: 'deeply nested array body', json: deepArray(DEPTH) },
  { name: 'deeply nested object body', json: deepObject(DEPTH) },
  { name: 'text/plain body', json: 'hello', contentType: 'text/plain' },
  { name: 'form body', json: 'a=1', contentType: 'application/x-www-form-urlencoded' },
];

/** Sent as each path parameter (already URL-encoded). */
export const PATH_VALUES: readonly string[] = [
  'not-a-uuid',
  '1',
  '-1',
  '1.5',
  '99999999999999999999999',
  'null',
  'undefined',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%80',
  '%FF',
  '%',
  '%20',
  '..%2F..%2Fetc',
  'x'.repeat(5000),
  '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5bx',
  '0190a1b2c3d47e5f8a9b0c1d2e3f4a5b',
  '{0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
];

/**
 * Cursors as a client can forge them: the shapes the lists write, holding values JavaScript accepts
 * and PostgreSQL refuses (a February 30, year 0, a rank that underflows a real).
 */
const forged = (position: object): string => Buffer.from(JSON.stringify(position)).toString('base64url');
const SOME_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const FORGED_CURSORS: readonly string[] = [
  forged({ createdAt: '2026-02-30T00:00:00Z', id: SOME_ID }),
  forged({ createdAt: '0000-01-01T00:00:00Z', id: SOME_ID }),
  forged({ s: 'relevance', r: 1e-320, id: SOME_ID }),
  forged({ s: 'price', p: Number.MAX_SAFE_INTEGER, id: SOME_ID }),
  forged({ id: '00000000-0000-0000-0000-000000000000' }),
];

/** Sent as each query parameter (already URL-encoded). */
export const QUERY_VALUES: readonly string[] = [
  ...FORGED_CURSORS,
  '',
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '%',
  'null',
  '-1',
  '0',
  '0.5',
  '1e309',
  '9223372036854775808',
  'NaN',
  'x'.repeat(5000),
  "'%3B--",
  'not-a-uuid',
];
