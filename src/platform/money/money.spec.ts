import { MAX_MINOR_UNITS, minorUnits } from './money';

describe('minorUnits', () => {
  it('reads bigint strings as exact numbers, far beyond 32 bits', () => {
    expect(minorUnits('3000000000')).toBe(3_000_000_000);
    expect(minorUnits(String(MAX_MINOR_UNITS))).toBe(MAX_MINOR_UNITS);
    expect(minorUnits(42)).toBe(42);
  });

  it('throws rather than round an amount a number cannot hold exactly', () => {
    expect(() => minorUnits('9007199254740993')).toThrow(RangeError);
    expect(() => minorUnits('12.5')).toThrow(RangeError);
    expect(() => minorUnits('abc')).toThrow(RangeError);
  });
});
