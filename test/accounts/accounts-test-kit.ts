import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Cheap argon2 parameters: tests hash dozens of passwords on a 2-core machine (allowed only with NODE_ENV=test). */
export const FAST_HASHING = { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' };

export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, unknown>;
  json<T = Record<string, unknown>>(): T;
}

/** Sends JSON requests to the app and keeps every answer, so a test can scan them all. */
export class Client {
  readonly replies: Reply[] = [];
  private counter = 0;

  constructor(private readonly app: NestFastifyApplication) {}

  /** A distinct client address per call unless one is given, so the per-address limit stays out of the way. */
  async call(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string>; address?: string } = {},
  ): Promise<Reply> {
    this.counter += 1;
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: options.address ?? `10.0.${Math.floor(this.counter / 250)}.${this.counter % 250}`,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      payload: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const reply: Reply = {
      status: response.statusCode,
      body: response.body,
      headers: response.headers,
      json: <T>() => JSON.parse(response.body) as T,
    };
    this.replies.push(reply);
    return reply;
  }

  async signUp(email: string, password = 'violet-kettle-harbour-42', name = 'Test User'): Promise<{ id: string }> {
    const reply = await this.call('POST', '/accounts/signup', { body: { email, password, name } });
    if (reply.status !== 201) throw new Error(`sign-up failed: ${reply.status} ${reply.body}`);
    return reply.json<{ id: string }>();
  }

  async logIn(email: string, password = 'violet-kettle-harbour-42'): Promise<Tokens> {
    const reply = await this.call('POST', '/accounts/login', { body: { email, password } });
    if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.body}`);
    return reply.json<Tokens>();
  }
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}
