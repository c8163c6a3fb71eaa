import { AiDomainError } from './ai-domain-error';
import { ceilDiv } from './call-cost';
import { effectivePrices, TokenPrices } from './model-price-table';
import { RenderedPrompt } from './prompt-template';

/**
 * The most a call can cost, known BEFORE the call, for budget reservations (budget-reservation.ts).
 *
 * Input tokens are bounded without a tokenizer: OpenAI's tokenizers (tiktoken) are byte-level BPE,
 * where every token stands for at least one byte of text, so a text has at most as many tokens as
 * UTF-8 bytes. Anthropic does not publish its current tokenizer; its counts are far below one token
 * per byte in practice, but there the bound is an assumption (ADR 0105 says what a wrong bound costs).
 * To the bytes we add fixed allowances for what the provider adds around the text:
 * `MESSAGE_OVERHEAD_TOKENS` per message (role and delimiters; OpenAI documents 3–4),
 * `REQUEST_OVERHEAD_TOKENS` per request (priming), and `TOOLS_OVERHEAD_TOKENS` when tools are sent
 * (Anthropic documents a tool-use system prompt of a few hundred tokens). For English text the bound
 * is about 4× the real count: near the limit a budget refuses a little early, never late.
 * Text only: images and audio are not bounded here and must be refused by the gateway or priced
 * another way.
 *
 * Output is bounded by `maxOutputTokens`, which the gateway always sends (`max_tokens` /
 * `max_completion_tokens`; OpenAI counts reasoning inside it, Anthropic counts thinking inside
 * `max_tokens`). Each input token is priced at the dearest input type (a token may be a cache write)
 * and each output token at the dearer of output and reasoning. Both sides are rounded up, and
 * `ROUNDING_ALLOWANCE_NANOS` covers the actual cost's own rounding (it rounds each of five usage
 * types up, so it may exceed the exact sum by up to 2 nanos on the input side and 1 on the output
 * side): the estimate is never below the actual cost of a call within the bounds.
 */
export const MESSAGE_OVERHEAD_TOKENS = 8;
export const REQUEST_OVERHEAD_TOKENS = 16;
export const TOOLS_OVERHEAD_TOKENS = 1024;
export const ROUNDING_ALLOWANCE_NANOS = 3n;

const utf8 = new TextEncoder();

/**
 * Upper bound of the input tokens of a rendered prompt.
 * @param toolsJson the tool definitions exactly as sent (JSON), if any.
 */
export function inputTokenBound(prompt: RenderedPrompt, toolsJson?: string): number {
  const texts = prompt.type === 'text' ? [prompt.text] : prompt.messages.map((m) => m.content);
  const bytes = texts.reduce((sum, text) => sum + utf8.encode(text).length, 0);
  const tools = toolsJson ? utf8.encode(toolsJson).length + TOOLS_OVERHEAD_TOKENS : 0;
  return bytes + texts.length * MESSAGE_OVERHEAD_TOKENS + REQUEST_OVERHEAD_TOKENS + tools;
}

/**
 * Maximum cost of one call in nano-units.
 * @throws AiDomainError `invalid-estimate` unless both bounds are non-negative integers and
 *   `maxOutputTokens` is positive (a call without an output bound cannot be budgeted).
 */
export function maxCallCostNanos(prices: TokenPrices, inputTokensBound: number, maxOutputTokens: number): number {
  if (!Number.isSafeInteger(inputTokensBound) || inputTokensBound < 0) {
    throw new AiDomainError('invalid-estimate', 'the input token bound must be a non-negative integer');
  }
  if (!Number.isSafeInteger(maxOutputTokens) || maxOutputTokens < 1) {
    throw new AiDomainError('invalid-estimate', 'maxOutputTokens must be a positive integer');
  }
  const p = effectivePrices(prices);
  const inputPrice = BigInt(Math.max(p.input, p.cachedInput, p.cacheWrite));
  const outputPrice = BigInt(Math.max(p.output, p.reasoning));
  const nanos =
    ceilDiv(BigInt(inputTokensBound) * inputPrice, 1000n) +
    ceilDiv(BigInt(maxOutputTokens) * outputPrice, 1000n) +
    ROUNDING_ALLOWANCE_NANOS;
  if (nanos > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('estimate exceeds the safe range');
  return Number(nanos);
}
