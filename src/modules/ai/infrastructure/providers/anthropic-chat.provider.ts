import Anthropic from '@anthropic-ai/sdk';
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { AiConfig, AiProviderConfig } from '../../ai.config';
import { ChatProvider, ProviderMessage, ProviderReply, ProviderRequest } from '../../application/gateway/chat-provider';
import { fromAnthropicUsage, readUsage } from '../../domain/token-usage';
import { countingAttempts, countingFetch } from './attempt-counting-fetch';
import { providerError } from './provider-errors';
import { serverOf } from './server-of';

const FINISH: Readonly<Record<string, string>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

/** Anthropic's Messages API through `@anthropic-ai/sdk`; system and developer messages become `system`. */
export class AnthropicChatProvider implements ChatProvider {
  readonly id = 'anthropic';
  readonly name: string;
  readonly server: ChatProvider['server'];
  private readonly client: Anthropic;

  constructor(provider: AiProviderConfig, config: AiConfig, fetchImpl: typeof fetch = countingFetch) {
    this.name = provider.name;
    this.client = new Anthropic({
      apiKey: provider.apiKey,
      baseURL: provider.baseURL,
      timeout: config.timeoutMs,
      maxRetries: config.maxRetries,
      fetch: fetchImpl,
    });
    this.server = serverOf(this.client.baseURL);
  }

  async complete(request: ProviderRequest): Promise<ProviderReply> {
    const system = request.messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map((m) => m.content ?? '')
      .join('\n\n');
    const outcome = await countingAttempts(() =>
      this.client.messages.create({
        model: request.model,
        max_tokens: request.maxOutputTokens,
        ...(system ? { system } : {}),
        messages: request.messages.flatMap(toAnthropic),
        ...(request.temperature !== undefined ? { temperature: Math.min(request.temperature, 1) } : {}),
        ...(request.topP !== undefined ? { top_p: request.topP } : {}),
        ...(request.tools?.length
          ? {
              tools: request.tools.map((t) => ({
                name: t.name,
                description: t.description,
                input_schema: { type: 'object' as const, ...t.parameters },
              })),
            }
          : {}),
      }),
    );
    if ('error' in outcome) throw providerError(outcome.error, outcome.attempts);
    const message = outcome.result;
    const usage = readUsage(message.usage, fromAnthropicUsage);
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    const toolCalls = message.content.flatMap((block) =>
      block.type === 'tool_use' ? [{ id: block.id, name: block.name, arguments: JSON.stringify(block.input) }] : [],
    );
    return {
      content: text || null,
      toolCalls,
      finishReason: FINISH[message.stop_reason ?? ''] ?? String(message.stop_reason),
      responseModel: message.model,
      responseId: message.id ?? null,
      usage: usage.usage,
      attempts: outcome.attempts,
      ...(usage.invalid ? { warnings: [usage.invalid] } : {}),
    };
  }
}

function toAnthropic(message: ProviderMessage): MessageParam[] {
  switch (message.role) {
    case 'system':
    case 'developer':
      return [];
    case 'tool':
      return [
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: message.toolCallId, content: message.content }] },
      ];
    case 'assistant': {
      const calls = 'toolCalls' in message ? (message.toolCalls ?? []) : [];
      if (!calls.length) return [{ role: 'assistant', content: message.content ?? '' }];
      return [
        {
          role: 'assistant',
          content: [
            ...(message.content ? [{ type: 'text' as const, text: message.content }] : []),
            ...calls.map((c) => ({
              type: 'tool_use' as const,
              id: c.id,
              name: c.name,
              input: parseInput(c.arguments),
            })),
          ],
        },
      ];
    }
    default:
      return [{ role: 'user', content: message.content }];
  }
}

function parseInput(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
