import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { AiConfig, AiProviderConfig } from '../../ai.config';
import { ChatProvider, ProviderMessage, ProviderReply, ProviderRequest } from '../../application/gateway/chat-provider';
import { fromOpenAiUsage } from '../../domain/token-usage';
import { countingAttempts, countingFetch } from './attempt-counting-fetch';
import { providerError } from './provider-errors';
import { serverOf } from './server-of';

/** OpenAI and every OpenAI-compatible server (Ollama, vLLM, LM Studio) through the `openai` SDK. */
export class OpenAiChatProvider implements ChatProvider {
  readonly id = 'openai';
  readonly name: string;
  readonly server: ChatProvider['server'];
  private readonly client: OpenAI;

  constructor(provider: AiProviderConfig, config: AiConfig, fetchImpl: typeof fetch = countingFetch) {
    this.name = provider.name;
    this.client = new OpenAI({
      apiKey: provider.apiKey,
      baseURL: provider.baseURL,
      timeout: config.timeoutMs,
      maxRetries: config.maxRetries,
      fetch: fetchImpl,
    });
    this.server = serverOf(this.client.baseURL);
  }

  async complete(request: ProviderRequest): Promise<ProviderReply> {
    const outcome = await countingAttempts(() =>
      this.client.chat.completions.create({
        model: request.model,
        messages: request.messages.map(toOpenAi),
        max_completion_tokens: request.maxOutputTokens,
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(request.topP !== undefined ? { top_p: request.topP } : {}),
        ...(request.tools?.length ? { tools: request.tools.map(toTool) } : {}),
      }),
    );
    if ('error' in outcome) throw providerError(outcome.error, outcome.attempts);
    const response = outcome.result;
    const choice = response.choices[0];
    const toolCalls = (choice?.message.tool_calls ?? []).flatMap((call) =>
      call.type === 'function' ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
    );
    return {
      content: choice?.message.content ?? null,
      toolCalls,
      finishReason: choice?.finish_reason ?? 'unknown',
      responseModel: response.model,
      responseId: response.id ?? null,
      usage: response.usage ? fromOpenAiUsage(response.usage) : null,
      attempts: outcome.attempts,
    };
  }
}

function toOpenAi(message: ProviderMessage): ChatCompletionMessageParam {
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  if (message.role === 'assistant') {
    const calls = 'toolCalls' in message ? (message.toolCalls ?? []) : [];
    return {
      role: 'assistant',
      content: message.content,
      ...(calls.length
        ? {
            tool_calls: calls.map((c) => ({
              id: c.id,
              type: 'function' as const,
              function: { name: c.name, arguments: c.arguments },
            })),
          }
        : {}),
    };
  }
  return { role: message.role, content: message.content };
}

function toTool(tool: { name: string; description: string; parameters: Readonly<Record<string, unknown>> }) {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: { ...tool.parameters } },
  } satisfies ChatCompletionTool;
}
