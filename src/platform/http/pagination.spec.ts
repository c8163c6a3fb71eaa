import { decodeCursor, encodeCursor } from './pagination';
import { ProblemException } from './problem.exception';

describe('keyset cursors', () => {
  it('round-trips a position', () => {
    const cursor = encodeCursor({ price: 1999, id: 'abc' });
    expect(decodeCursor(cursor, { price: 'number', id: 'string' })).toEqual({ price: 1999, id: 'abc' });
  });

  it.each([
    ['not base64!'],
    [encodeCursor({ price: 'x', id: 'abc' })],
    [encodeCursor({ id: 'abc' })],
    [Buffer.from('[1]').toString('base64url')],
    [''],
    [encodeCursor({ price: 1999, id: 'a\u0000b' })],
    [encodeCursor({ price: 1e300, id: 'abc' })],
  ])('rejects a malformed cursor %p with a 400 problem', (cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor, { price: 'number', id: 'string' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(400);
  });
});

describe('cursor field kinds', () => {
  const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
  const at = '2026-01-02T03:04:05.678Z';

  it('accepts each kind in its own form', () => {
    const shape = { i: 'integer', u: 'uuid', t: 'timestamp', n: 'number|null', r: 'real' } as const;
    expect(decodeCursor(encodeCursor({ i: 42, u: id, t: at, n: null, r: 0.0607927 }), shape)).toEqual({
      i: 42,
      u: id,
      t: at,
      n: null,
      r: 0.0607927,
    });
    expect(
      decodeCursor(encodeCursor({ t: '2026-01-02T03:04:05.678901Z', r: 0 }), { t: 'timestamp', r: 'real' }),
    ).toEqual({ t: '2026-01-02T03:04:05.678901Z', r: 0 });
  });

  it.each([
    [{ v: 1.5 }, 'integer'],
    [{ v: 2 ** 60 }, 'integer'],
    [{ v: 'not-a-uuid' }, 'uuid'],
    [{ v: `${id}x` }, 'uuid'],
    [{ v: 'yesterday' }, 'timestamp'],
    [{ v: '2026-13-45T00:00:00Z' }, 'timestamp'],
    [{ v: '2026-02-30T00:00:00Z' }, 'timestamp'],
    [{ v: '2026-01-01T24:00:00Z' }, 'timestamp'],
    [{ v: '0000-01-01T00:00:00Z' }, 'timestamp'],
    [{ v: 1e-320 }, 'real'],
    [{ v: -1e-50 }, 'real'],
    [{ v: 1e39 }, 'real'],
    [{ v: 'x' }, 'real'],
    [{ v: null }, 'uuid'],
  ] as const)('refuses %j as %s', (position, kind) => {
    expect(() => decodeCursor(encodeCursor(position), { v: kind })).toThrow(ProblemException);
  });
});
