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
 * A real HTTP server on loopback that speaks the Anthropic Messages API well enough for the official
 * `@anthropic-ai/sdk`: `POST /v1/messages`, JSON or SSE events when `stream: true` (message_start,
 * content_block_start/delta/stop with text_delta and input_json_delta, message_delta with the final
 * usage, message_stop), usage with cache reads and writes, `tool_use` blocks, and errors in
 * Anthropic's shape (429 rate_limit_error, 529 overloaded_error, 500 api_error…). Same scripting
 * model as openai-compatible-server.ts.
 *
 *   const server = await AnthropicCompatibleServer.start();
 *   const client = new Anthropic({ baseURL: server.baseURL, apiKey: 'test' });
 */
export interface ScriptedToolUse {
  readonly id?: string;
  readonly name: string;
  readonly input: Record<string, unknown>;
}

export interface ScriptedAnthropicUsage {
  /** Uncached input tokens (cache reads and writes are NOT included, as in the real API). */
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheReadInputTokens?: number;
  readonly cacheCreationInputTokens?: number;
  /** `output_tokens_details.thinking_tokens`: a subset of outputTokens. */
  readonly thinkingTokens?: number;
}

export type AnthropicScript =
  | {
      readonly type: 'message';
      readonly text?: string;
      readonly toolUses?: readonly ScriptedToolUse[];
      /** Default: a rough count (JSON length ÷ 4) — script it whenever a test checks tokens or cost. */
      readonly usage?: ScriptedAnthropicUsage;
      readonly model?: string;
      /** Default: `tool_use` when there are tool uses, `end_turn` otherwise. */
      readonly stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';
      readonly delayMs?: number;
      /** Streaming: characters per delta (default 4). */
      readonly chunkSize?: number;
      /** Streaming: cut the connection after this many events. */
      readonly dropAfterEvents?: number;
    }
  | ScriptedHttpError;

type Message = Extract<AnthropicScript, { type: 'message' }>;

interface MessagesRequest {
  model: string;
  max_tokens: number;
  messages: unknown[];
  system?: unknown;
  stream?: boolean;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export class AnthropicCompatibleServer extends ScriptedServer<AnthropicScript> {
  private sequence = 0;

  static start(): Promise<AnthropicCompatibleServer> {
    return ScriptedServer.listen(new AnthropicCompatibleServer());
  }

  /** The `baseURL` for the SDK (it appends `/v1/messages`). */
  get baseURL(): string {
    return this.origin;
  }

  /** Bodies of the message requests received. */
  get messageRequests(): MessagesRequest[] {
    return this.requests.filter((r) => r.path === '/v1/messages').map((r) => r.body as MessagesRequest);
  }

  protected async handle(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const bearer = String(request.headers.authorization ?? '').startsWith('Bearer ');
    if (!request.headers['x-api-key'] && !bearer)
      return sendJson(res, error(401, 'x-api-key or a bearer token is required'));
    if (!request.headers['anthropic-version']) return sendJson(res, error(400, 'anthropic-version header is required'));
    if (request.method !== 'POST' || request.path !== '/v1/messages') {
      return sendJson(res, error(404, `Unknown route ${request.method} ${request.path}`));
    }
    const body = request.body as MessagesRequest;
    if (
      typeof body !== 'object' ||
      typeof body.model !== 'string' ||
      !Array.isArray(body.messages) ||
      !Number.isInteger(body.max_tokens)
    ) {
      return sendJson(res, error(400, 'A message needs "model", "messages" and "max_tokens"'));
    }
    const script = await this.nextScript();
    if (!script) return sendJson(res, error(400, 'anthropic-compatible test server: no scripted reply left'));
    if (script.type === 'error') {
      const reply = error(script.status, script.message ?? `Scripted ${script.status}`);
      return sendJson(res, { ...reply, headers: { ...reply.headers, ...retryHeaders(script) } });
    }
    const id = `msg_${String(++this.sequence).padStart(4, '0')}`;
    if (body.stream) return this.stream(res, id, body, script);
    const usage = usageOf(body, script);
    sendJson(res, {
      status: 200,
      json: { ...envelope(id, body, script), content: blocksOf(script), stop_reason: stopReason(script), usage },
    });
  }

  private async stream(res: ServerResponse, id: string, body: MessagesRequest, script: Message): Promise<void> {
    const usage = usageOf(body, script);
    const size = script.chunkSize ?? 4;
    const events: [string, object][] = [
      [
        'message_start',
        {
          type: 'message_start',
          message: {
            ...envelope(id, body, script),
            content: [],
            stop_reason: null,
            usage: { ...usage, output_tokens: 1 },
          },
        },
      ],
      ['ping', { type: 'ping' }],
    ];
    blocksOf(script).forEach((block, index) => {
      if (block.type === 'text') {
        events.push([
          'content_block_start',
          { type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: null } },
        ]);
        for (const text of pieces(block.text, size)) {
          events.push([
            'content_block_delta',
            { type: 'content_block_delta', index, delta: { type: 'text_delta', text } },
          ]);
        }
      } else {
        events.push([
          'content_block_start',
          { type: 'content_block_start', index, content_block: { ...block, input: {} } },
        ]);
        for (const partial_json of pieces(JSON.stringify(block.input), size)) {
          events.push([
            'content_block_delta',
            { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } },
          ]);
        }
      }
      events.push(['content_block_stop', { type: 'content_block_stop', index }]);
    });
    events.push([
      'message_delta',
      { type: 'message_delta', delta: { stop_reason: stopReason(script), stop_sequence: null }, usage },
    ]);
    events.push(['message_stop', { type: 'message_stop' }]);
    openEventStream(res);
    for (const [index, [event, data]] of events.entries()) {
      if (index === script.dropAfterEvents) {
        res.destroy();
        return;
      }
      writeEvent(res, data, event);
      await this.pause();
    }
    res.end();
  }
}

function envelope(id: string, body: MessagesRequest, script: Message) {
  return { id, type: 'message', role: 'assistant', model: script.model ?? body.model, stop_sequence: null };
}

function blocksOf(script: Message) {
  const text = script.text === undefined ? [] : [{ type: 'text' as const, text: script.text, citations: null }];
  const tools = (script.toolUses ?? []).map((use, i) => ({
    type: 'tool_use' as const,
    id: use.id ?? `toolu_${i + 1}`,
    name: use.name,
    input: use.input,
  }));
  return [...text, ...tools];
}

function stopReason(script: Message): string {
  return script.stopReason ?? (script.toolUses?.length ? 'tool_use' : 'end_turn');
}

function usageOf(body: MessagesRequest, script: Message) {
  const scripted = script.usage;
  const output = (script.text ?? '') + JSON.stringify(script.toolUses ?? []);
  return {
    input_tokens: scripted?.inputTokens ?? Math.ceil(JSON.stringify([body.system, body.messages]).length / 4),
    output_tokens: scripted?.outputTokens ?? Math.max(1, Math.ceil(output.length / 4)),
    cache_read_input_tokens: scripted?.cacheReadInputTokens ?? 0,
    cache_creation_input_tokens: scripted?.cacheCreationInputTokens ?? 0,
    ...(scripted?.thinkingTokens !== undefined
      ? { output_tokens_details: { thinking_tokens: scripted.thinkingTokens } }
      : {}),
    server_tool_use: null,
    service_tier: 'standard',
  };
}

function error(status: number, message: string) {
  return {
    status,
    headers: { 'request-id': `req_test_${status}` },
    json: { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } },
  };
}
