import { AiDomainError } from './ai-domain-error';
import { checkModelPrice, conservativePrices, findModelPrice, ModelPrice } from './model-price-table';

function row(overrides: Partial<ModelPrice> & Pick<ModelPrice, 'id'>): ModelPrice {
  return {
    modelName: 'gpt-4o-mini',
    matchPattern: '^gpt-4o-mini(-\\d{4}-\\d{2}-\\d{2})?$',
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    currency: 'USD',
    prices: { input: 150_000, output: 600_000, cachedInput: 75_000 },
    source: 'default',
    ...overrides,
  };
}

const mini2026 = row({ id: 'mini-2026' });
const miniRaise = row({
  id: 'mini-raise',
  effectiveFrom: new Date('2026-06-01T00:00:00Z'),
  prices: { input: 200_000, output: 800_000 },
});
const gpt4o = row({
  id: '4o',
  modelName: 'gpt-4o',
  matchPattern: '^gpt-4o$',
  prices: { input: 2_500_000, output: 10_000_000 },
});
const table = [mini2026, miniRaise, gpt4o];

describe('findModelPrice', () => {
  it('prices a call with the row in force at its time: old calls keep their price', () => {
    expect(findModelPrice(table, 'gpt-4o-mini', new Date('2026-03-01T00:00:00Z'))?.id).toBe('mini-2026');
    expect(findModelPrice(table, 'gpt-4o-mini', new Date('2026-06-01T00:00:00Z'))?.id).toBe('mini-raise');
  });

  it('matches dated snapshots and ignores case; anchoring keeps gpt-4o from pricing gpt-4o-mini', () => {
    expect(findModelPrice(table, 'GPT-4o-mini-2026-07-18', new Date('2026-07-01'))?.id).toBe('mini-raise');
    expect(findModelPrice(table, 'gpt-4o', new Date('2026-07-01'))?.id).toBe('4o');
  });

  it('returns nothing for an unknown model, or before any row is in force', () => {
    expect(findModelPrice(table, 'llama3.2:3b', new Date('2026-07-01'))).toBeUndefined();
    expect(findModelPrice(table, 'gpt-4o-mini', new Date('2025-12-31T23:59:59Z'))).toBeUndefined();
  });

  it('prefers an admin row to a shipped default, even an older one', () => {
    const adminOld = row({ id: 'admin', source: 'admin', effectiveFrom: new Date('2025-06-01') });
    expect(findModelPrice([...table, adminOld], 'gpt-4o-mini', new Date('2026-07-01'))?.id).toBe('admin');
  });

  it('breaks a tie on date by the longer (more specific) pattern, then by id', () => {
    const broad = row({ id: 'a-broad', matchPattern: '^gpt-4o.*$' });
    expect(findModelPrice([broad, mini2026], 'gpt-4o-mini', new Date('2026-02-01'))?.id).toBe('mini-2026');
    const twin = row({ id: 'a-twin' });
    expect(findModelPrice([mini2026, twin], 'gpt-4o-mini', new Date('2026-02-01'))?.id).toBe('a-twin');
  });
});

describe('checkModelPrice', () => {
  it('accepts a well-formed row', () => {
    expect(() => checkModelPrice(mini2026)).not.toThrow();
  });

  it.each([
    ['matchPattern', { matchPattern: 'gpt-4o' }],
    ['matchPattern', { matchPattern: '^gpt-(4o$' }],
    ['currency', { currency: 'usd' }],
    ['effectiveFrom', { effectiveFrom: new Date('nope') }],
    ['prices.input', { prices: { input: -1, output: 1 } }],
    ['prices.output', { prices: { input: 1, output: 0.5 } }],
    ['prices', { prices: { input: 1 } as never }],
    ['modelName', { modelName: ' ' }],
  ])('refuses a bad %s', (field, overrides) => {
    try {
      checkModelPrice(row({ id: 'x', ...(overrides as Partial<ModelPrice>) }));
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(AiDomainError);
      expect((error as AiDomainError).details).toEqual({ field });
    }
  });
});

describe('conservativePrices', () => {
  it('takes the dearest price of each type among the rows in force, fallbacks applied', () => {
    expect(conservativePrices(table, 'USD', new Date('2026-07-01'))).toEqual({
      input: 2_500_000,
      cachedInput: 2_500_000,
      cacheWrite: 2_500_000,
      output: 10_000_000,
      reasoning: 10_000_000,
    });
    expect(conservativePrices(table, 'EUR', new Date('2026-07-01'))).toBeUndefined();
  });
});
