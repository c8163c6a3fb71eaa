import { AiDomainError } from './ai-domain-error';
import { formatNanos, formatUnits, parseCostNanos, parseDecimalUnits, parsePricePerMillion } from './decimal-amount';

describe('decimal amounts', () => {
  it.each([
    ['2.50', 2_500_000],
    ['0.075', 75_000],
    ['0.000001', 1],
    ['15', 15_000_000],
    [' 3.0 ', 3_000_000],
  ])('parses the price %s per 1M tokens into %i micro-units', (text, micros) => {
    expect(parsePricePerMillion(text)).toBe(micros);
  });

  it('parses costs and budgets into nano-units', () => {
    expect(parseCostNanos('0.000336900')).toBe(336_900);
    expect(parseCostNanos('250')).toBe(250_000_000_000);
  });

  it.each(['-1', '1e3', '1,5', '.5', '5.', '', 'abc', '0x10', '0.0000001'])('refuses "%s"', (text) => {
    expect(() => parsePricePerMillion(text)).toThrow(AiDomainError);
  });

  it('refuses a value past the safe integer range rather than rounding it', () => {
    expect(() => parseDecimalUnits('9007199254.740992', 6)).toThrow(AiDomainError);
    expect(parseDecimalUnits('9007199254.740991', 6)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('formats with every decimal, negative amounts included', () => {
    expect(formatNanos(336_900)).toBe('0.000336900');
    expect(formatNanos(18_150_000_000)).toBe('18.150000000');
    expect(formatNanos(0)).toBe('0.000000000');
    expect(formatNanos(-5)).toBe('-0.000000005');
    expect(formatUnits(42, 0)).toBe('42');
  });

  it('round-trips', () => {
    for (const text of ['0.000000001', '1.234567891', '1000.000000000'])
      expect(formatNanos(parseCostNanos(text))).toBe(text);
  });
});
