import fc from 'fast-check';
import { AiDomainError } from './ai-domain-error';
import { costOf } from './call-cost';
import {
  inputTokenBound,
  maxCallCostNanos,
  MESSAGE_OVERHEAD_TOKENS,
  REQUEST_OVERHEAD_TOKENS,
  TOOLS_OVERHEAD_TOKENS,
} from './cost-estimate';
import { TokenPrices } from './model-price-table';

describe('inputTokenBound', () => {
  it('counts UTF-8 bytes plus the per-message and per-request allowances', () => {
    expect(inputTokenBound({ type: 'text', text: 'Hello' })).toBe(
      5 + MESSAGE_OVERHEAD_TOKENS + REQUEST_OVERHEAD_TOKENS,
    );
    expect(inputTokenBound({ type: 'text', text: 'héllo ✓' })).toBe(10 + 8 + 16); // h, l, l, o, space: 1 byte each; é: 2; ✓: 3
  });

  it('adds every message and the tool definitions', () => {
    const chat = {
      type: 'chat' as const,
      messages: [
        { role: 'system' as const, content: 'abc' },
        { role: 'user' as const, content: 'de' },
      ],
    };
    expect(inputTokenBound(chat)).toBe(5 + 2 * 8 + 16);
    expect(inputTokenBound(chat, '{"name":"x"}')).toBe(5 + 2 * 8 + 16 + 12 + TOOLS_OVERHEAD_TOKENS);
  });
});

describe('maxCallCostNanos', () => {
  const prices: TokenPrices = { input: 150_000, cachedInput: 75_000, output: 600_000 };

  it('prices every input token at the dearest input type and every output token at the dearer output type', () => {
    // 29 × 150 000 p = 4350 n; 100 × 600 000 p = 60 000 n; + 3 n rounding allowance
    expect(maxCallCostNanos(prices, 29, 100)).toBe(64_353);
    // a cache-write price above input (Anthropic: 1.25×) bounds the input tokens instead
    expect(maxCallCostNanos({ input: 3_000_000, cacheWrite: 3_750_000, output: 15_000_000 }, 10, 1)).toBe(
      37_500 + 15_000 + 3,
    );
  });

  it('refuses a call without an output bound', () => {
    expect(() => maxCallCostNanos(prices, 10, 0)).toThrow(AiDomainError);
    expect(() => maxCallCostNanos(prices, -1, 10)).toThrow(AiDomainError);
  });

  it('is never below the cost of any usage within the bounds', () => {
    // small values exercise the rounding of sub-nano parts; large ones the magnitude
    const price = fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 100_000_000 }));
    const tokens = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 200_000 }));
    fc.assert(
      fc.property(
        fc.record({ input: price, output: price, cachedInput: price, cacheWrite: price, reasoning: price }),
        fc.tuple(tokens, tokens, tokens, tokens, tokens),
        (p, [input, cachedInput, cacheWrite, output, reasoning]) => {
          const usage = { input, cachedInput, cacheWrite, output, reasoning };
          const estimate = maxCallCostNanos(p, input + cachedInput + cacheWrite, Math.max(1, output + reasoning));
          return costOf(p, usage).totalNanos <= estimate;
        },
      ),
      { seed: 20261124, numRuns: 500 },
    );
  });
});
