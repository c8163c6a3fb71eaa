import { costOf, priceCall } from './call-cost';
import { formatNanos } from './decimal-amount';
import { ModelPrice, TokenPrices } from './model-price-table';
import { fromAnthropicUsage, fromOpenAiUsage, TokenUsage } from './token-usage';

// Hand-computed: tokens × (micro-units per 1M tokens) = pico-units; ÷ 1000 = nano-units (rounded up).
describe('costOf — hand-computed values per token type', () => {
  const miniPrices: TokenPrices = { input: 150_000, cachedInput: 75_000, output: 600_000 }; // $0.15 / $0.075 / $0.60 per 1M

  it('OpenAI: cached tokens are a subset of prompt tokens and are not charged twice', () => {
    const { usage } = fromOpenAiUsage({
      prompt_tokens: 2006,
      completion_tokens: 300,
      prompt_tokens_details: { cached_tokens: 1920 },
    });
    const cost = costOf(miniPrices, usage);
    // input 86 × 150 000 = 12 900 000 p; cached 1920 × 75 000 = 144 000 000 p; output 300 × 600 000 = 180 000 000 p
    expect(cost.nanos).toEqual({ input: 12_900, cachedInput: 144_000, cacheWrite: 0, output: 180_000, reasoning: 0 });
    expect(cost.totalNanos).toBe(336_900);
    expect(formatNanos(cost.totalNanos)).toBe('0.000336900');
    expect(cost.totalNanos).not.toBe(624_900); // what prompt_tokens + cached_tokens (double counting) would give
  });

  it('OpenAI: reasoning tokens are a subset of completion tokens, priced as output by default', () => {
    const { usage } = fromOpenAiUsage({
      prompt_tokens: 1000,
      completion_tokens: 1500,
      completion_tokens_details: { reasoning_tokens: 1200 },
    });
    const cost = costOf({ input: 1_100_000, cachedInput: 550_000, output: 4_400_000 }, usage);
    // 1000 × 1 100 000 = 1.1e9 p; 300 × 4 400 000 = 1.32e9 p; 1200 × 4 400 000 = 5.28e9 p
    expect(cost.nanos).toEqual({
      input: 1_100_000,
      cachedInput: 0,
      cacheWrite: 0,
      output: 1_320_000,
      reasoning: 5_280_000,
    });
    expect(formatNanos(cost.totalNanos)).toBe('0.007700000');
  });

  it('uses a separate reasoning price when the table has one', () => {
    const usage: TokenUsage = { input: 1000, cachedInput: 0, cacheWrite: 0, output: 300, reasoning: 1200 };
    const cost = costOf({ input: 1_100_000, output: 4_400_000, reasoning: 8_000_000 }, usage);
    expect(cost.nanos.reasoning).toBe(9_600_000);
    expect(cost.totalNanos).toBe(12_020_000);
  });

  it('Anthropic: cache reads and cache writes are separate from input_tokens and priced on their own', () => {
    const { usage } = fromAnthropicUsage({
      input_tokens: 50,
      output_tokens: 500,
      cache_read_input_tokens: 10_000,
      cache_creation_input_tokens: 2000,
    });
    const sonnet = { input: 3_000_000, cacheWrite: 3_750_000, cachedInput: 300_000, output: 15_000_000 }; // $3 / $3.75 / $0.30 / $15
    const cost = costOf(sonnet, usage);
    expect(cost.nanos).toEqual({
      input: 150_000,
      cachedInput: 3_000_000,
      cacheWrite: 7_500_000,
      output: 7_500_000,
      reasoning: 0,
    });
    expect(formatNanos(cost.totalNanos)).toBe('0.018150000');
  });

  it('Anthropic: thinking tokens move to reasoning without changing the total at the default price', () => {
    const { usage } = fromAnthropicUsage({
      input_tokens: 50,
      output_tokens: 500,
      output_tokens_details: { thinking_tokens: 200 },
    });
    const cost = costOf({ input: 3_000_000, output: 15_000_000 }, usage);
    expect(cost.nanos).toMatchObject({ output: 4_500_000, reasoning: 3_000_000 });
    expect(cost.totalNanos).toBe(7_650_000);
  });

  it('falls back to the input price for cache reads and writes without a price of their own', () => {
    const usage: TokenUsage = { input: 10, cachedInput: 20, cacheWrite: 30, output: 0, reasoning: 0 };
    expect(costOf({ input: 1_000_000, output: 2_000_000 }, usage).totalNanos).toBe(60_000);
  });

  it('rounds each part up to the nano-unit and the parts sum to the total', () => {
    const usage: TokenUsage = { input: 3, cachedInput: 1, cacheWrite: 0, output: 1, reasoning: 0 };
    const cost = costOf({ input: 37_500, cachedInput: 18_750, output: 1 }, usage); // $0.0375, $0.01875, $0.000001 per 1M
    // 112 500 p → 113 n; 18 750 p → 19 n; 1 p → 1 n
    expect(cost.nanos).toEqual({ input: 113, cachedInput: 19, cacheWrite: 0, output: 1, reasoning: 0 });
    expect(cost.totalNanos).toBe(133);
  });

  it('charges nothing for no tokens', () => {
    expect(costOf(miniPrices, { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 }).totalNanos).toBe(0);
  });

  it('stays exact where floating point is not: 1M tokens at $0.1/1M ten times over', () => {
    const usage: TokenUsage = { input: 1_000_000, cachedInput: 0, cacheWrite: 0, output: 0, reasoning: 0 };
    const total = Array.from({ length: 10 }, () => costOf({ input: 100_000, output: 0 }, usage).totalNanos).reduce(
      (a, b) => a + b,
      0,
    );
    expect(total).toBe(1_000_000_000); // exactly $1; 0.1 summed ten times in floats is 0.9999999999999999
  });
});

describe('priceCall', () => {
  const table: ModelPrice[] = [
    {
      id: 'mini',
      modelName: 'gpt-4o-mini',
      matchPattern: '^gpt-4o-mini$',
      effectiveFrom: new Date('2026-01-01'),
      currency: 'USD',
      prices: { input: 150_000, output: 600_000 },
      source: 'default',
    },
  ];
  const usage: TokenUsage = { input: 1000, cachedInput: 0, cacheWrite: 0, output: 100, reasoning: 0 };

  it('names the price row used', () => {
    expect(priceCall(table, 'gpt-4o-mini', new Date('2026-05-01'), usage)).toMatchObject({
      priced: true,
      currency: 'USD',
      priceId: 'mini',
      totalNanos: 210_000,
    });
  });

  it('flags an unknown model as unpriced, with no total that could be read as free', () => {
    const cost = priceCall(table, 'gpt-9-preview', new Date('2026-05-01'), usage);
    expect(cost).toEqual({ priced: false, model: 'gpt-9-preview' });
    expect('totalNanos' in cost).toBe(false);
  });
});
