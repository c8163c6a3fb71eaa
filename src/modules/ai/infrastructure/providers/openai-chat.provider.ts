import OpenAI from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import { AiConfig, AiProviderConfig } from '../../ai.config';
import { ChatProvider, ProviderMessage, ProviderReply, ProviderRequest } from '../../application/gateway/chat-provider';
import { fromOpenAiUsage, readUsage } from '../../domain/token-usage';
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
    if (request.stream) return this.completeStreamed(request);
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
    const usage = readUsage(response.usage, fromOpenAiUsage);
    const toolCalls = (choice?.message.tool_calls ?? []).flatMap((call) =>
      call.type === 'function' ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
    );
    return {
      content: choice?.message.content ?? null,
      toolCalls,
      finishReason: choice?.finish_reason ?? 'unknown',
      responseModel: response.model,
      responseId: response.id ?? null,
      usage: usage.usage,
      attempts: outcome.attempts,
      ...(usage.invalid ? { warnings: [usage.invalid] } : {}),
    };
  }

  /**
   * `stream: true` with `stream_options.include_usage`: the SDK retries the request as usual (429,
   * 5xx before the stream starts); the deltas are assembled here (content, and tool calls by their
   * index), the time to the first token is measured from the request, and the usage is read from the
   * final chunk (its `choices` are empty). A stream that breaks off is a failed call (`connection`).
   */
  private async completeStreamed(request: ProviderRequest): Promise<ProviderReply> {
    const started = performance.now();
    const outcome = await countingAttempts(async () => {
      const stream = await this.client.chat.completions.create({
        model: request.model,
        messages: request.messages.map(toOpenAi),
        max_completion_tokens: request.maxOutputTokens,
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(request.topP !== undefined ? { top_p: request.topP } : {}),
        ...(request.tools?.length ? { tools: request.tools.map(toTool) } : {}),
        stream: true,
        stream_options: { include_usage: true },
      });
      const answer = new StreamedAnswer();
      for await (const chunk of stream) answer.add(chunk, () => Math.round(performance.now() - started));
      return answer;
    });
    if ('error' in outcome) throw providerError(outcome.error, outcome.attempts);
    const answer = outcome.result;
    const usage = readUsage(answer.usage, fromOpenAiUsage);
    return {
      content: answer.content,
      toolCalls: answer.toolCalls(),
      finishReason: answer.finishReason ?? 'unknown',
      responseModel: answer.model ?? request.model,
      responseId: answer.id,
      usage: usage.usage,
      attempts: outcome.attempts,
      streamed: true,
      ttftMs: answer.ttftMs,
      ...(usage.invalid ? { warnings: [usage.invalid] } : {}),
    };
  }
}

/** A streamed chat completion put back together, chunk by chunk. */
class StreamedAnswer {
  content: string | null = null;
  finishReason: string | null = null;
  model: string | null = null;
  id: string | null = null;
  usage: ChatCompletionChunk['usage'] = null;
  ttftMs: number | null = null;
  private readonly calls = new Map<number, { id: string; name: string; arguments: string }>();

  add(chunk: ChatCompletionChunk, elapsedMs: () => number): void {
    this.model ??= chunk.model || null;
    this.id ??= chunk.id || null;
    if (chunk.usage) this.usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta ?? {};
      if (this.ttftMs === null && (delta.content || delta.tool_calls?.length)) this.ttftMs = elapsedMs();
      if (delta.content) this.content = (this.content ?? '') + delta.content;
      for (const part of delta.tool_calls ?? []) {
        const call = this.calls.get(part.index) ?? { id: '', name: '', arguments: '' };
        if (part.id) call.id = part.id;
        if (part.function?.name) call.name += part.function.name;
        if (part.function?.arguments) call.arguments += part.function.arguments;
        this.calls.set(part.index, call);
      }
      if (choice.finish_reason) this.finishReason = choice.finish_reason;
    }
  }

  toolCalls(): { id: string; name: string; arguments: string }[] {
    return [...this.calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
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
