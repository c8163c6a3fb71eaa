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
