import { ServerResponse } from 'node:http';
import {
  openEventStream,
  pieces,
  RecordedRequest,
  retryHeaders,
  ScriptedHttpError,
  ScriptedServer,
  sendJson,
  writeEvent,
} from './loopback-http-server';

/**
 * A real HTTP server on loopback that speaks the OpenAI Chat Completions API well enough for the
 * official `openai` SDK: `POST /v1/chat/completions` (JSON or SSE when `stream: true`, with the
 * usage chunk when `stream_options.include_usage`), `GET /v1/models`. Each test scripts the replies
 * in order with `reply(...)`; every request is recorded in `requests`. A request with no scripted
 * reply gets a 400 (not retried by the SDK) whose message says so.
 *
 *   const server = await OpenAiCompatibleServer.start();
 *   const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'test', maxRetries: 2 });
 *   server.reply({ type: 'error', status: 429, retryAfterSeconds: 0 }, { type: 'completion', content: 'Hi' });
 */
export interface ScriptedToolCall {
  readonly id?: string;
  readonly name: string;
  /** An object (serialised for you) or the raw arguments string, e.g. deliberately invalid JSON. */
  readonly arguments: Record<string, unknown> | string;
}

export interface ScriptedOpenAiUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** `prompt_tokens_details.cached_tokens`: a subset of promptTokens. */
  readonly cachedTokens?: number;
  /** `completion_tokens_details.reasoning_tokens`: a subset of completionTokens. */
  readonly reasoningTokens?: number;
}

export type OpenAiScript =
  | {
      readonly type: 'completion';
      readonly content?: string;
      readonly toolCalls?: readonly ScriptedToolCall[];
      /** Default: a rough count (JSON length ÷ 4) — script it whenever a test checks tokens or cost. */
      readonly usage?: ScriptedOpenAiUsage | 'omit';
      /** The model named in the response (default: the requested one), e.g. a dated snapshot. */
      readonly model?: string;
      /** Default: `tool_calls` when there are tool calls, `stop` otherwise. */
      readonly finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
      /** Wait before answering (for client timeouts). */
      readonly delayMs?: number;
      /** Streaming: characters per content delta (default 4). */
      readonly chunkSize?: number;
      /** Streaming: cut the connection after this many chunks (a dropped stream). */
      readonly dropAfterChunks?: number;
    }
  | ScriptedHttpError
  /** Any answer at all, for a misbehaving server: `body` as is (an object is sent as JSON). */
  | {
      readonly type: 'raw';
      readonly status?: number;
      readonly contentType?: string;
      readonly body: unknown;
      readonly delayMs?: number;
    };

type Completion = Extract<OpenAiScript, { type: 'completion' }>;

interface ChatRequest {
  model: string;
  messages: unknown[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  404: 'invalid_request_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error',
};

export class OpenAiCompatibleServer extends ScriptedServer<OpenAiScript> {
  private sequence = 0;

  static start(): Promise<OpenAiCompatibleServer> {
    return ScriptedServer.listen(new OpenAiCompatibleServer());
  }

  /** The `baseURL` for the SDK (it appends `/chat/completions`). */
  get baseURL(): string {
    return `${this.origin}/v1`;
  }

  /** Bodies of the chat completion requests received. */
  get chatRequests(): ChatRequest[] {
    return this.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => r.body as ChatRequest);
  }

  protected async handle(request: RecordedRequest, res: ServerResponse): Promise<void> {
    if (!String(request.headers.authorization ?? '').startsWith('Bearer ')) {
      return sendJson(res, error(401, 'Missing bearer authentication in header'));
    }
    if (request.method === 'GET' && request.path === '/v1/models') {
      return sendJson(res, {
        status: 200,
        json: { object: 'list', data: [{ id: 'test-model', object: 'model', created: 0, owned_by: 'arcade-tests' }] },
      });
    }
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
      return sendJson(res, error(404, `Unknown route ${request.method} ${request.path}`));
    }
    const body = request.body as ChatRequest;
    if (typeof body !== 'object' || typeof body.model !== 'string' || !Array.isArray(body.messages)) {
      return sendJson(res, error(400, 'A chat completion needs "model" and "messages"'));
    }
    const script = await this.nextScript();
    if (!script) return sendJson(res, error(400, 'openai-compatible test server: no scripted reply left'));
    if (script.type === 'error') {
      return sendJson(res, {
        ...error(script.status, script.message ?? `Scripted ${script.status}`),
        headers: retryHeaders(script),
      });
    }
    if (script.type === 'raw') {
      res.writeHead(script.status ?? 200, { 'content-type': script.contentType ?? 'application/json' });
      res.end(typeof script.body === 'string' ? script.body : JSON.stringify(script.body));
      return;
    }
    const id = `chatcmpl-${++this.sequence}`;
    if (body.stream) return stream(res, id, body, script, () => this.pause());
    sendJson(res, { status: 200, json: completion(id, body, script) });
  }
}

function completion(id: string, body: ChatRequest, script: Completion) {
  const toolCalls = toolCallsOf(script);
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: script.model ?? body.model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: script.content ?? null,
          refusal: null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: finishReason(script),
      },
    ],
    ...(script.usage === 'omit' ? {} : { usage: usageOf(body, script) }),
  };
}

async function stream(
  res: ServerResponse,
  id: string,
  body: ChatRequest,
  script: Completion,
  yieldToClient: () => Promise<void>,
): Promise<void> {
  const includeUsage = body.stream_options?.include_usage === true;
  const base = {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: script.model ?? body.model,
    system_fingerprint: null,
  };
  const chunk = (delta: object, finish: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const chunks: object[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of pieces(script.content ?? '', script.chunkSize ?? 4)) chunks.push(chunk({ content: piece }));
  toolCallsOf(script).forEach((call, index) => {
    chunks.push(
      chunk({
        tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }],
      }),
    );
    for (const piece of pieces(call.function.arguments, script.chunkSize ?? 4)) {
      chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  chunks.push(chunk({}, finishReason(script)));
  if (includeUsage && script.usage !== 'omit') chunks.push({ ...base, choices: [], usage: usageOf(body, script) });
  openEventStream(res);
  for (const [index, data] of chunks.entries()) {
    if (index === script.dropAfterChunks) {
      res.destroy();
      return;
    }
    writeEvent(res, data);
    await yieldToClient();
  }
  writeEvent(res, '[DONE]');
  res.end();
}

function toolCallsOf(script: Completion) {
  return (script.toolCalls ?? []).map((call, i) => ({
    id: call.id ?? `call_${i + 1}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
}

function finishReason(script: Completion): string {
  return script.finishReason ?? (script.toolCalls?.length ? 'tool_calls' : 'stop');
}

function usageOf(body: ChatRequest, script: Completion) {
  const scripted = script.usage === 'omit' ? undefined : script.usage;
  const promptTokens = scripted?.promptTokens ?? Math.ceil(JSON.stringify(body.messages).length / 4);
  const output =
    (script.content ?? '') +
    toolCallsOf(script)
      .map((c) => c.function.name + c.function.arguments)
      .join('');
  const completionTokens = scripted?.completionTokens ?? Math.max(1, Math.ceil(output.length / 4));
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: scripted?.cachedTokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: scripted?.reasoningTokens ?? 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function error(status: number, message: string) {
  return { status, json: { error: { message, type: ERROR_TYPES[status] ?? 'api_error', param: null, code: null } } };
}
