import { checkReservationLines } from './reservation-lines';

const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';

describe('checkReservationLines', () => {
  it('accepts well-formed lines and sorts them by variant id', () => {
    const { lines, problems } = checkReservationLines(
      [
        { variantId: B, quantity: 1 },
        { variantId: A, quantity: 2 },
      ],
      10,
    );
    expect(problems).toEqual([]);
    expect(lines.map((l) => l.variantId)).toEqual([A, B]);
  });

  it.each([0, -1, 1.5, 11, Number.NaN, '2', null])('rejects the quantity %p', (quantity) => {
    const { lines, problems } = checkReservationLines([{ variantId: A, quantity }], 10);
    expect(lines).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ variantId: A, reason: 'invalid_quantity' })]);
  });

  it('rejects a variant twice in one order', () => {
    const { lines, problems } = checkReservationLines(
      [
        { variantId: A, quantity: 1 },
        { variantId: A, quantity: 2 },
        { variantId: B, quantity: 1 },
      ],
      10,
    );
    expect(problems).toEqual([expect.objectContaining({ variantId: A, reason: 'duplicate_line' })]);
    expect(lines).toEqual([{ variantId: B, quantity: 1 }]);
  });

  it('calls an id that cannot be a variant unknown', () => {
    const { problems } = checkReservationLines([{ variantId: 'nope', quantity: 1 }], 10);
    expect(problems).toEqual([expect.objectContaining({ reason: 'unknown_variant' })]);
  });
});
