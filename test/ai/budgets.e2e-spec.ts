import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { CompleteChat } from '../../src/modules/ai';
import { BudgetLedger } from '../../src/modules/ai/infrastructure/budget-ledger';
import { MessageBus } from '../../src/platform/messaging';
import { bearer } from '../support/auth';
import { OpenAiCompatibleServer } from '../support/openai-compatible-server';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Budgets are enforced BEFORE the call (reserve the call's maximum cost, settle at what the provider
 * billed): 20 concurrent calls near a limit never take spend past it; a refused call is a 429
 * problem the caller's fallback answers, and is logged as refused_budget; the soft limit publishes
 * its event once. Prices are edited with history, and old calls keep the price they were made at.
 */
describe('ai: cost manager and budgets', () => {
  let server: OpenAiCompatibleServer;
  let t: TestApp;
  let bus: MessageBus;
  let db: Client;
  let admin: { authorization: string };
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: admin, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ask = (feature: string) =>
    bus.execute(new CompleteChat(feature, 'budget.prompt', 'production', { item: 'a mug' }));
  const nanos = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    server = await OpenAiCompatibleServer.start();
    t = await createTestApp({
      modules: ['ai'],
      env: { AI_OPENAI_BASE_URL: server.baseURL, AI_OPENAI_API_KEY: 'test-key', AI_MAX_RETRIES: '0' },
    });
    bus = t.app.get(MessageBus);
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    admin = bearer(t.app, ['admin']);
    const created = await call('POST', '/ai/prompts', {
      name: 'budget.prompt',
      template: { type: 'text', text: 'Describe {{item}}.' },
      variables: ['item'],
      settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 100 },
      commitMessage: 'first',
      labels: ['production'],
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await db.end();
    await t.close();
    await server.close();
  });

  // 20 prompt tokens at $0.15/1M = 3 000 nanos, 100 output tokens at $0.60/1M = 60 000 nanos: 63 000 a call,
  // within its estimate (the prompt's 15 bytes + allowances = 39 input tokens, and max_tokens 100).
  const cost = 63_000;
  const answer = { type: 'completion' as const, content: 'A mug.', usage: { promptTokens: 20, completionTokens: 100 } };

  it('keeps 20 concurrent calls within a hard limit: spend never passes it, refusals are 429 and logged', async () => {
    server.reply(answer);
    await ask('calibration');
    const estimate = await nanos(`SELECT estimate_nanos AS n FROM ai.calls WHERE feature = 'calibration'`).catch(
      () => 0,
    );
    // No budget applied to the calibration call, so it reserved nothing; compute its estimate from a budget.
    expect(estimate).toBe(0);
    const wide = await call('POST', '/ai/budgets', {
      scope: 'feature',
      feature: 'calibration',
      period: 'day',
      limit: '1',
    });
    expect(wide.statusCode).toBe(201);
    server.reply(answer);
    await ask('calibration');
    const e = await nanos(`SELECT max(estimate_nanos) AS n FROM ai.calls WHERE feature = 'calibration'`);
    expect(e).toBeGreaterThanOrEqual(cost);

    // Room for 4 reservations and a bit: at most a handful run, however the 20 interleave.
    const limit = 4 * e + Math.floor(e / 2);
    const budget = await call('POST', '/ai/budgets', {
      scope: 'feature',
      feature: 'racing',
      period: 'month',
      limit: (limit / 1e9).toFixed(9),
      softLimit: (cost / 1e9).toFixed(9),
    });
    expect(budget.statusCode).toBe(201);
    server.reply(...Array.from({ length: 20 }, () => answer));
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => ask('racing')));
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.flatMap((r) =>
      r.status === 'rejected'
        ? [r.reason as { problem: { status: number; type: string; extensions: { retryAfterSeconds: number } } }]
        : [],
    );
    expect(ok).toBeGreaterThanOrEqual(4);
    expect(refused.length).toBeGreaterThan(0);
    expect(ok + refused.length).toBe(20);
    for (const r of refused) {
      expect(r.problem).toMatchObject({ status: 429, type: 'ai-budget-exhausted' });
      expect(r.problem.extensions.retryAfterSeconds).toBeGreaterThan(0);
    }
    const usage = (
      await db.query(`SELECT spent_nanos, reserved_nanos FROM ai.budget_usage WHERE budget_id = $1`, [budget.json().id])
    ).rows[0];
    expect(Number(usage.reserved_nanos)).toBe(0);
    expect(Number(usage.spent_nanos)).toBe(ok * cost);
    expect(Number(usage.spent_nanos)).toBeLessThanOrEqual(limit);
    expect(
      await nanos(`SELECT count(*) AS n FROM ai.calls WHERE feature = 'racing' AND outcome = 'refused_budget'`),
    ).toBe(refused.length);
    expect(await nanos(`SELECT coalesce(sum(charged_nanos), 0) AS n FROM ai.calls WHERE feature = 'racing'`)).toBe(
      ok * cost,
    );
    // The soft limit (one call's cost) was crossed once: one event, whatever the number of calls past it.
    expect(await nanos(`SELECT count(*) AS n FROM ai.outbox WHERE type = 'ai.BudgetSoftLimitReached.v1'`)).toBe(1);
    const listed = (await call('GET', '/ai/budgets'))
      .json()
      .items.find((b: { id: string }) => b.id === budget.json().id);
    expect(listed).toMatchObject({ window: { spent: ((ok * cost) / 1e9).toFixed(9), reserved: '0.000000000' } });
    expect(listed.softAlertedAt).not.toBeNull();
    while (server.pendingReplies > 0) await ask('drain'); // the answers the refused calls never asked for
  });

  it('prices with the row in force when the call started: a new price applies to new calls only', async () => {
    const before = await call('GET', '/ai/prices');
    expect(before.json().items.length).toBeGreaterThanOrEqual(8);
    const added = await call('POST', '/ai/prices', {
      modelName: 'house-model',
      matchPattern: '^house-model$',
      currency: 'USD',
      input: '1',
      output: '2',
      effectiveFrom: '2020-01-01T00:00:00.000Z',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      source: 'admin',
      perMillionTokens: { input: '1.000000', output: '2.000000' },
    });
    const later = await call('POST', '/ai/prices', {
      modelName: 'house-model',
      matchPattern: '^house-model$',
      currency: 'USD',
      input: '3',
      output: '4',
      effectiveFrom: '2999-01-01T00:00:00.000Z',
    });
    expect(later.statusCode).toBe(201);
    expect(
      (
        await call('POST', '/ai/prices', {
          modelName: 'x',
          matchPattern: 'gpt',
          currency: 'USD',
          input: '1',
          output: '1',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call('POST', '/ai/prices', {
          modelName: 'x',
          matchPattern: '^x$',
          currency: 'USD',
          input: '-1',
          output: '1',
        })
      ).statusCode,
    ).toBe(400);
    server.reply({ ...answer, model: 'house-model' });
    // The row in force (2020) prices it: 20 × $1/1M + 100 × $2/1M = 0.000220000; the 2999 row is not in force yet.
    expect((await ask('pricing')).cost).toEqual({ priced: true, amount: '0.000220000', currency: 'USD' });
    const history = (await call('GET', '/ai/prices'))
      .json()
      .items.filter((p: { modelName: string }) => p.modelName === 'house-model');
    expect(history).toHaveLength(2);
  });

  it('rolls spend up per day x feature x provider x model', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const spend = (await call('GET', `/ai/spend?from=${today}&to=${tomorrow}&feature=racing`)).json();
    // Priced calls and refused ones (no cost, no currency) are separate rows of the same day, feature, model.
    expect(spend.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          day: today,
          feature: 'racing',
          provider: 'openai',
          model: 'gpt-4o-mini',
          currency: 'USD',
          refusedCalls: 0,
        }),
        expect.objectContaining({ day: today, feature: 'racing', provider: 'openai', currency: '', okCalls: 0 }),
      ]),
    );
    expect(spend.totals.USD.cost).toMatch(/^0\.\d{9}$/);
    expect((await call('GET', '/ai/spend?from=2026-13-01&to=2026-12-01')).statusCode).toBe(400);
  });

  it('settles at its estimate a reservation whose call never ended (the process died mid-call)', async () => {
    const budget = (
      await call('POST', '/ai/budgets', { scope: 'feature', feature: 'crashy', period: 'day', limit: '1' })
    ).json();
    const windowStart = budget.window.start;
    await db.query(`INSERT INTO ai.budget_usage (budget_id, window_start, reserved_nanos) VALUES ($1, $2, 5000)`, [
      budget.id,
      windowStart,
    ]);
    await db.query(
      `INSERT INTO ai.budget_reservations (call_id, budget_id, window_start, amount_nanos, expires_at)
       VALUES ('0190a000-0000-7000-8000-00000000dead', $1, $2, 5000, now() - interval '1 minute')`,
      [budget.id, windowStart],
    );
    expect(await t.app.get(BudgetLedger).settleExpired(new Date())).toBe(1);
    const listed = (await call('GET', '/ai/budgets')).json().items.find((b: { id: string }) => b.id === budget.id);
    expect(listed.window).toMatchObject({ spent: '0.000005000', reserved: '0.000000000' });
  });
  it("lists a budget's change history: who changed its limit, soft limit, period or active flag, and when", async () => {
    const [me, them] = [uuidv7(), uuidv7()];
    const mine = bearer(t.app, ['admin'], me);
    const other = bearer(t.app, ['admin'], them);
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/ai/budgets',
        headers: mine,
        payload: { scope: 'feature', feature: 'history', period: 'day', limit: '5' },
      })
    ).json();
    const put = (payload: object, headers = mine) =>
      t.app.inject({ method: 'PUT', url: `/ai/budgets/${created.id}`, headers, payload });
    expect(
      (await put({ scope: 'feature', feature: 'history', period: 'day', limit: '8', softLimit: '6' })).statusCode,
    ).toBe(200);
    expect(
      (await put({ scope: 'feature', feature: 'history', period: 'month', limit: '8', softLimit: '6' }, other))
        .statusCode,
    ).toBe(200);
    expect(
      (await put({ scope: 'feature', feature: 'history', period: 'month', limit: '8', active: false })).statusCode,
    ).toBe(200);

    const history = await call('GET', `/ai/budgets/${created.id}/changes`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items as { changed: string[]; changedBy: string; changedAt: string }[];
    expect(items.map((v) => v.changed)).toEqual([
      ['softLimit', 'active'],
      ['period'],
      ['limit', 'softLimit'],
      ['created'],
    ]);
    expect(items[0]).toMatchObject({
      period: 'month',
      limit: '8.000000000',
      softLimit: null,
      active: false,
      currency: 'USD',
    });
    expect(items[3]).toMatchObject({ period: 'day', limit: '5.000000000', softLimit: null, active: true });
    expect(items.map((v) => v.changedBy)).toEqual([me, them, me, me]);
    expect(Date.parse(items[0].changedAt)).toBeGreaterThanOrEqual(Date.parse(items[3].changedAt));

    expect((await call('GET', '/ai/budgets/0190a000-0000-7000-8000-000000000000/changes')).statusCode).toBe(404);
    expect((await call('GET', '/ai/budgets/not-an-id/changes')).statusCode).toBe(400);
    const customer = bearer(t.app);
    expect(
      (await t.app.inject({ method: 'GET', url: `/ai/budgets/${created.id}/changes`, headers: customer })).statusCode,
    ).toBe(403);
  });
});
