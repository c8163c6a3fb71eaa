import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * The plumbing shared by the provider test servers (openai-compatible-server.ts,
 * anthropic-compatible-server.ts): a real node:http server on 127.0.0.1 with an OS-chosen port,
 * JSON bodies, a record of every request, a FIFO of scripted replies per test, SSE writing.
 */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  readonly body: unknown;
}

export interface HttpReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
}

export type RouteHandler = (request: RecordedRequest, response: ServerResponse) => Promise<void>;

export class LoopbackHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly closing = new AbortController();
  private readonly server: Server;
  private port = 0;

  private constructor(handle: RouteHandler) {
    this.server = createServer((req, res) => {
      void receive(req)
        .then((request) => {
          this.requests.push(request);
          return handle(request, res);
        })
        .catch((error: unknown) => {
          if (!res.headersSent) sendJson(res, { status: 500, json: { error: { message: String(error) } } });
          else res.destroy();
        });
    });
  }

  /** Starts a server that answers every request with `handle` (after recording it). */
  static async start(handle: RouteHandler): Promise<LoopbackHttpServer> {
    const self = new LoopbackHttpServer(handle);
    await new Promise<void>((resolve) => self.server.listen(0, '127.0.0.1', resolve));
    self.port = (self.server.address() as AddressInfo).port;
    return self;
  }

  /** `http://127.0.0.1:<port>` */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Waits `ms` (a scripted delay); cut short, with an error, when the server closes. */
  wait(ms: number): Promise<void> {
    return delay(ms, undefined, { signal: this.closing.signal });
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

/**
 * A provider test server: a loopback server plus a FIFO of scripted replies (each request takes the
 * next one, after its `delayMs`). Dialects implement `handle`.
 */
export abstract class ScriptedServer<Script extends { readonly delayMs?: number }> {
  private http!: LoopbackHttpServer;
  private readonly scripts: Script[] = [];

  protected static async listen<T extends ScriptedServer<{ delayMs?: number }>>(server: T): Promise<T> {
    server.http = await LoopbackHttpServer.start((request, res) => server.handle(request, res));
    return server;
  }

  /** Every request received, in order (SDK retries included). */
  get requests(): readonly RecordedRequest[] {
    return this.http.requests;
  }

  /** Scripted replies not used yet (a test should usually end with 0). */
  get pendingReplies(): number {
    return this.scripts.length;
  }

  /** Queues replies for the next requests, in order. */
  reply(...scripts: Script[]): this {
    this.scripts.push(...scripts);
    return this;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  protected get origin(): string {
    return this.http.origin;
  }

  /** Lets the client read what was written (between streamed events); ends when the server closes. */
  protected pause(ms = 0): Promise<void> {
    return this.http.wait(ms);
  }

  /** The next scripted reply, once its delay has passed; undefined when none is left. */
  protected async nextScript(): Promise<Script | undefined> {
    const script = this.scripts.shift();
    if (script?.delayMs) await this.http.wait(script.delayMs);
    return script;
  }

  protected abstract handle(request: RecordedRequest, res: ServerResponse): Promise<void>;
}

export function sendJson(res: ServerResponse, reply: HttpReply): void {
  const body = reply.json === undefined ? '' : JSON.stringify(reply.json);
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

/** Opens a Server-Sent Events response. */
export function openEventStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
}

/** Writes one SSE event: an optional `event:` line, one `data:` line, a blank line. */
export function writeEvent(res: ServerResponse, data: unknown, event?: string): void {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  res.write(`${event ? `event: ${event}\n` : ''}data: ${text}\n\n`);
}

/** A scripted error answer, the same for every provider dialect (the body follows the dialect). */
export interface ScriptedHttpError {
  readonly type: 'error';
  /** 429, 500, 503, 529 (Anthropic's overloaded), 400… */
  readonly status: number;
  readonly message?: string;
  /** Sets `retry-after` (seconds), which the SDKs honour up to 60 s. */
  readonly retryAfterSeconds?: number;
  /** Sets `retry-after-ms`, which the SDKs prefer to `retry-after`. */
  readonly retryAfterMs?: number;
  /** Sets `x-should-retry`, which the SDKs obey over the status. */
  readonly shouldRetry?: boolean;
  readonly delayMs?: number;
}

/** Headers that make the official SDKs wait (`retry-after`, `retry-after-ms`) or not retry at all. */
export function retryHeaders(options: {
  retryAfterSeconds?: number;
  retryAfterMs?: number;
  shouldRetry?: boolean;
}): Record<string, string> {
  return {
    ...(options.retryAfterSeconds !== undefined ? { 'retry-after': String(options.retryAfterSeconds) } : {}),
    ...(options.retryAfterMs !== undefined ? { 'retry-after-ms': String(options.retryAfterMs) } : {}),
    ...(options.shouldRetry !== undefined ? { 'x-should-retry': String(options.shouldRetry) } : {}),
  };
}

/** Splits text into pieces of `size` characters (code points), for streamed deltas. */
export function pieces(text: string, size: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

async function receive(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], headers: req.headers, body: parse(raw) };
}

/** The JSON body; a body that is not JSON is kept as its text, for the dialect to refuse with a 400. */
function parse(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
