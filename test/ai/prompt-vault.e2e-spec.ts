import { MessageBus } from '../../src/platform/messaging';
import { CompleteChat, GetPrompt } from '../../src/modules/ai';
import { bearer } from '../support/auth';
import { createTestApp, TestApp } from '../support/test-app';

/** The prompt vault over HTTP and the bus: immutable versions, labels, rollback, history, sticky A/B. */
describe('ai: prompt vault', () => {
  let t: TestApp;
  let admin: { authorization: string };
  let bus: MessageBus;
  const adminId = '0190a000-0000-7000-8000-0000000000ad';

  beforeAll(async () => {
    t = await createTestApp({
      modules: ['ai'],
      env: { AI_PROMPT_CACHE_TTL_MS: '0', AI_PROMPT_CACHE_MAX_STALE_MS: '0' },
    });
    admin = bearer(t.app, ['admin'], adminId);
    bus = t.app.get(MessageBus);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const create = (name: string, body: object) => call('POST', '/ai/prompts', { name, ...body });
  const version = (text: string, message: string, labels?: string[]) => ({
    template: {
      type: 'chat',
      messages: [
        { role: 'system', content: 'You write copy.' },
        { role: 'user', content: text },
      ],
    },
    variables: ['title'],
    settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 300 },
    commitMessage: message,
    ...(labels ? { labels } : {}),
  });

  it('numbers immutable versions, moves labels, rolls back, and records every move with who and when', async () => {
    const v1 = await create('catalog.product-description', version('Describe {{title}}.', 'first', ['production']));
    expect(v1.statusCode).toBe(201);
    expect(v1.json().version).toMatchObject({ version: 1, variables: ['title'], createdBy: adminId });
    const v2 = await create('catalog.product-description', version('Sell {{title}}!', 'punchier'));
    expect(v2.json().version.version).toBe(2);

    const latest = await bus.query(new GetPrompt('catalog.product-description', 'latest'));
    expect(latest).toMatchObject({ version: 2, arm: 'main', settings: { model: 'gpt-4o-mini' } });
    expect((await bus.query(new GetPrompt('catalog.product-description', 'production'))).version).toBe(1);

    expect(
      (await call('PUT', '/ai/prompts/catalog.product-description/labels/production', { version: 2 })).statusCode,
    ).toBe(200);
    expect((await bus.query(new GetPrompt('catalog.product-description', 'production'))).version).toBe(2);
    const rollback = await call('PUT', '/ai/prompts/catalog.product-description/labels/production', {
      version: 1,
      reason: 'v2 too pushy',
    });
    expect(rollback.json().labels.production).toEqual({ version: 1 });
    expect((await bus.query(new GetPrompt('catalog.product-description', 'production'))).version).toBe(1);
    // A retried move changes nothing and records nothing.
    expect(
      (await call('PUT', '/ai/prompts/catalog.product-description/labels/production', { version: 1 })).json().move,
    ).toBeNull();

    const moves = (await call('GET', '/ai/prompts/catalog.product-description/label-moves')).json().items;
    expect(moves.map((m: { from: unknown; to: unknown }) => [m.from, m.to])).toEqual([
      [{ version: 2 }, { version: 1 }],
      [{ version: 1 }, { version: 2 }],
      [null, { version: 1 }],
    ]);
    expect(moves[0]).toMatchObject({ movedBy: adminId, reason: 'v2 too pushy', movedAt: expect.any(String) });

    const versions = (await call('GET', '/ai/prompts/catalog.product-description/versions?limit=1')).json();
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([2]);
    const next = await call(
      'GET',
      `/ai/prompts/catalog.product-description/versions?limit=1&cursor=${versions.nextCursor}`,
    );
    expect(next.json()).toMatchObject({ items: [{ version: 1 }], nextCursor: null });
  });

  it('refuses bad versions and labels with 4xx problems, and keeps the vault to admins', async () => {
    const undeclared = await create('bad.prompt', {
      ...version('Describe {{title}} in {{tone}}.', 'x'),
    });
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json()).toMatchObject({ type: '/problems/undeclared-variable', undeclared: ['tone'] });
    expect((await create('Bad Name', version('Describe {{title}}.', 'x'))).statusCode).toBe(400);
    expect(
      (await call('PUT', '/ai/prompts/catalog.product-description/labels/latest', { version: 1 })).statusCode,
    ).toBe(400);
    expect(
      (await call('PUT', '/ai/prompts/catalog.product-description/labels/staging', { version: 99 })).statusCode,
    ).toBe(400);
    expect((await call('PUT', '/ai/prompts/nope/labels/staging', { version: 1 })).statusCode).toBe(404);
    expect((await call('GET', '/ai/prompts/nope')).statusCode).toBe(404);
    const customer = bearer(t.app, ['customer']);
    expect(
      (await call('PUT', '/ai/prompts/catalog.product-description/labels/production', { version: 2 }, customer))
        .statusCode,
    ).toBe(403);
    await expect(bus.query(new GetPrompt('nope', 'production'))).rejects.toMatchObject({
      problem: { status: 404, type: 'prompt-not-found' },
    });
  });

  it('splits a label between two versions by a sticky key: the same user always gets the same version', async () => {
    await create('ab.prompt', version('A {{title}}', 'a', ['production']));
    await create('ab.prompt', version('B {{title}}', 'b'));
    const split = await call('PUT', '/ai/prompts/ab.prompt/labels/production', {
      version: 1,
      split: { version: 2, weightBps: 5000 },
    });
    expect(split.json().labels.production).toEqual({ version: 1, split: { version: 2, weightBps: 5000 } });
    const arms = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const user = `user-${i}`;
      const first = await bus.query(new GetPrompt('ab.prompt', 'production', user));
      const again = await bus.query(new GetPrompt('ab.prompt', 'production', user));
      expect(again.version).toBe(first.version);
      expect(first.arm).toBe(first.version === 2 ? 'split' : 'main');
      arms.set(first.arm, (arms.get(first.arm) ?? 0) + 1);
    }
    expect(arms.get('main')).toBeGreaterThan(60);
    expect(arms.get('split')).toBeGreaterThan(60);
    expect((await bus.query(new GetPrompt('ab.prompt', 'production'))).version).toBe(1);
  });

  it('says AI is disabled when no provider is configured: 503 problem, logged, and disabled in the admin view', async () => {
    await expect(
      bus.execute(
        new CompleteChat('catalog.description-drafts', 'catalog.product-description', 'production', { title: 'x' }),
      ),
    ).rejects.toMatchObject({ problem: { status: 503, type: 'ai-disabled' } });
    expect((await call('GET', '/ai/features')).json()).toMatchObject({ status: 'disabled' });
  });
});
