import { AiDomainError } from './ai-domain-error';
import { fromAnthropicUsage, fromOpenAiUsage, inputTokens, outputTokens } from './token-usage';

describe('fromOpenAiUsage', () => {
  it('takes cached tokens out of prompt_tokens and reasoning out of completion_tokens (they are subsets)', () => {
    const { usage, warnings } = fromOpenAiUsage({
      prompt_tokens: 2006,
      completion_tokens: 1500,
      prompt_tokens_details: { cached_tokens: 1920 },
      completion_tokens_details: { reasoning_tokens: 1200 },
    });
    expect(usage).toEqual({ input: 86, cachedInput: 1920, cacheWrite: 0, output: 300, reasoning: 1200 });
    expect(inputTokens(usage)).toBe(2006);
    expect(outputTokens(usage)).toBe(1500);
    expect(warnings).toEqual([]);
  });

  it('reads cache_write_tokens as a subset of prompt_tokens too', () => {
    const { usage } = fromOpenAiUsage({
      prompt_tokens: 5000,
      completion_tokens: 10,
      prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 3000 },
    });
    expect(usage).toEqual({ input: 1000, cachedInput: 1000, cacheWrite: 3000, output: 10, reasoning: 0 });
  });

  it('accepts a local server that sends no details (or nulls)', () => {
    expect(fromOpenAiUsage({ prompt_tokens: 12, completion_tokens: 3 }).usage).toEqual({
      input: 12,
      cachedInput: 0,
      cacheWrite: 0,
      output: 3,
      reasoning: 0,
    });
    const nulls = {
      prompt_tokens: 1,
      completion_tokens: 1,
      prompt_tokens_details: null,
      completion_tokens_details: { reasoning_tokens: null },
    };
    expect(fromOpenAiUsage(nulls).usage.reasoning).toBe(0);
  });

  it('ignores a breakdown larger than its total, with a warning, so nothing is under-charged', () => {
    const { usage, warnings } = fromOpenAiUsage({
      prompt_tokens: 100,
      completion_tokens: 5,
      prompt_tokens_details: { cached_tokens: 150 },
      completion_tokens_details: { reasoning_tokens: 9 },
    });
    expect(usage).toEqual({ input: 100, cachedInput: 0, cacheWrite: 0, output: 5, reasoning: 0 });
    expect(warnings).toHaveLength(2);
  });

  it.each([-1, 1.5, Number.NaN, '12'])('refuses %p as a count', (bad) => {
    expect(() => fromOpenAiUsage({ prompt_tokens: bad as number, completion_tokens: 1 })).toThrow(AiDomainError);
  });
});

describe('fromAnthropicUsage', () => {
  it('keeps cache reads and cache writes as their own buckets (input_tokens excludes them)', () => {
    const { usage } = fromAnthropicUsage({
      input_tokens: 50,
      output_tokens: 500,
      cache_read_input_tokens: 10_000,
      cache_creation_input_tokens: 2000,
    });
    expect(usage).toEqual({ input: 50, cachedInput: 10_000, cacheWrite: 2000, output: 500, reasoning: 0 });
    expect(inputTokens(usage)).toBe(12_050);
  });

  it('takes thinking tokens out of output_tokens (a subset)', () => {
    const { usage } = fromAnthropicUsage({
      input_tokens: 10,
      output_tokens: 500,
      output_tokens_details: { thinking_tokens: 200 },
    });
    expect(usage).toMatchObject({ output: 300, reasoning: 200 });
  });

  it('treats null cache fields as zero', () => {
    const raw = {
      input_tokens: 10,
      output_tokens: 1,
      cache_read_input_tokens: null,
      cache_creation_input_tokens: null,
    };
    expect(fromAnthropicUsage(raw).usage).toEqual({
      input: 10,
      cachedInput: 0,
      cacheWrite: 0,
      output: 1,
      reasoning: 0,
    });
  });
});
