import { Body, Controller, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { createTestApp, TestApp } from '../support/test-app';

class EchoDto {
  @IsString() readonly name: string;
  @IsInt() @Min(1) @Max(99) readonly quantity: number;
}

@Controller('test-echo')
class EchoController {
  @Post()
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('HTTP conventions (platform)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: ['catalog'], extraModules: [EchoModule], env: { BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(() => t.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/test-echo',
      payload,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('accepts a valid body', async () => {
    const response = await post(JSON.stringify({ name: 'a', quantity: 2 }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ name: 'a', quantity: 2 });
  });

  it('rejects an unknown field with a problem listing it', async () => {
    const response = await post(JSON.stringify({ name: 'a', quantity: 2, price: 1 }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: '/problems/validation', status: 400 });
    expect(response.json().errors).toEqual([{ field: 'price', message: 'property price should not exist' }]);
  });

  it.each([['"1"'], ['0.5'], ['0'], ['null'], ['1e9']])('rejects quantity %s without coercing it', async (quantity) => {
    const response = await post(`{"name":"a","quantity":${quantity}}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('quantity');
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const response = await post('{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toMatch(/JSON/);
  });

  it('answers an oversized body with 413 problem+json', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(5000), quantity: 1 }));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers an unsupported content type with 415 problem+json', async () => {
    const response = await post('name=a', { 'content-type': 'text/plain' });
    expect(response.statusCode).toBe(415);
    expect(response.json().status).toBe(415);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it("echoes the caller's request id, in the header and in problems", async () => {
    const response = await post('{', { 'x-request-id': 'abc-123' });
    expect(response.headers['x-request-id']).toBe('abc-123');
    expect(response.json().requestId).toBe('abc-123');
  });

  it('makes a request id when none (or an unsafe one) is sent', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'bad id\n' },
    });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/live' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
