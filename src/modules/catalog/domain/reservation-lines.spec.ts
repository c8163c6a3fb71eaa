import { checkReservationLines } from './reservation-lines';

const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';
const unitPrice = { amount: 1999, currency: 'EUR' };

describe('checkReservationLines', () => {
  it('accepts well-formed lines and sorts them by variant id', () => {
    const { lines, problems } = checkReservationLines(
      [
        { variantId: B, quantity: 1, unitPrice },
        { variantId: A, quantity: 2, unitPrice },
      ],
      10,
    );
    expect(problems).toEqual([]);
    expect(lines.map((l) => l.variantId)).toEqual([A, B]);
  });

  it.each([0, -1, 1.5, 11, Number.NaN, '2', null])('rejects the quantity %p', (quantity) => {
    const { lines, problems } = checkReservationLines([{ variantId: A, quantity, unitPrice }], 10);
    expect(lines).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ variantId: A, reason: 'invalid_quantity' })]);
  });

  it('rejects a variant twice in one order', () => {
    const { lines, problems } = checkReservationLines(
      [
        { variantId: A, quantity: 1, unitPrice },
        { variantId: A, quantity: 2, unitPrice },
        { variantId: B, quantity: 1, unitPrice },
      ],
      10,
    );
    expect(problems).toEqual([expect.objectContaining({ variantId: A, reason: 'duplicate_line' })]);
    expect(lines).toEqual([{ variantId: B, quantity: 1, unitPrice }]);
  });

  it('calls an id that cannot be a variant unknown', () => {
    const { problems } = checkReservationLines([{ variantId: 'nope', quantity: 1, unitPrice }], 10);
    expect(problems).toEqual([expect.objectContaining({ reason: 'unknown_variant' })]);
  });

  it.each([undefined, null, { amount: 19.99, currency: 'EUR' }, { amount: -1, currency: 'EUR' }, { amount: 1999 }])(
    'rejects the unit price %p',
    (price) => {
      const { lines, problems } = checkReservationLines([{ variantId: A, quantity: 1, unitPrice: price }], 10);
      expect(lines).toEqual([]);
      expect(problems).toEqual([expect.objectContaining({ variantId: A, reason: 'invalid_price' })]);
    },
  );
});
