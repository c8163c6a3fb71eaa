/**
 * The AI gateway's overhead per call: `ai.CompleteChat` through the bus (prompt from the cache,
 * render, estimate, budget reservation, the SDK call, pricing, the call log row, the spend roll-up
 * and the budget settle) against a bare `openai` SDK call with the same messages to the same
 * loopback OpenAI-compatible server, in the same process and run, sequential (one call at a time),
 * alternating blocks so machine noise hits both. Two budgets apply (global and the feature's).
 * Run: node -r ./test/support/swc-register.cjs bench/ai-gateway-overhead.ts [--calls 1000] [--block 100] [--budgets 0]
 * (--budgets 0: no budget applies, so the reservation and the settle touch no usage row).
 */
import 'reflect-metadata';
import OpenAI from 'openai';
import { createApp } from '../src/create-app';
import { CompleteChat } from '../src/modules/ai';
import { loadConfig } from '../src/platform/config';
import { MessageBus, TransactionRunner } from '../src/platform/messaging/testing';
import { OpenAiCompatibleServer } from '../test/support/openai-compatible-server';
import { createBenchDatabase, percentile } from './support/bench-database';
import { PromptVault } from '../src/modules/ai/application/prompts/prompt-vault';
import { CostAdmin } from '../src/modules/ai/application/costs/cost-admin';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const ADMIN = { id: '0190a000-0000-7000-8000-0000000000ad', roles: ['admin'] as const };
const ANSWER = {
  type: 'completion' as const,
  content: 'A sturdy mug.',
  usage: { promptTokens: 30, completionTokens: 20 },
};

async function main(): Promise<void> {
  const calls = arg('calls', 1000);
  const block = arg('block', 100);
  const server = await OpenAiCompatibleServer.start();
  const database = await createBenchDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    LOG_LEVEL: 'warn',
    MODULES: 'ai',
    AI_OPENAI_BASE_URL: server.baseURL,
    AI_OPENAI_API_KEY: 'bench-key',
    AI_MAX_RETRIES: '0',
  });
  const app = await createApp(config, { database });
  try {
    await app.get(PromptVault).createVersion({
      name: 'bench.prompt',
      template: {
        type: 'chat',
        messages: [
          { role: 'system', content: 'You write product copy.' },
          { role: 'user', content: 'Describe {{item}} for {{customer}}.' },
        ],
      },
      variables: ['customer', 'item'],
      settings: { provider: 'openai', model: 'gpt-4o-mini', maxOutputTokens: 200 },
      commitMessage: 'bench',
      labels: ['production'],
      actor: { id: ADMIN.id, roles: [...ADMIN.roles] },
    });
    const costs = app.get(CostAdmin);
    if (arg('budgets', 2) > 0) {
      await costs.createBudget({ scope: 'global', period: 'month', limit: '1000000' }, ADMIN.id);
      await costs.createBudget(
        { scope: 'feature', feature: 'bench.feature', period: 'day', limit: '1000000' },
        ADMIN.id,
      );
    }
    const bus = app.get(MessageBus);
    const bare = new OpenAI({ baseURL: server.baseURL, apiKey: 'bench-key', maxRetries: 0 });
    const variables = { item: 'a stoneware mug', customer: 'Ann (ann@example.com)' };
    const messages = [
      { role: 'system' as const, content: 'You write product copy.' },
      { role: 'user' as const, content: `Describe ${variables.item} for ${variables.customer}.` },
    ];
    const viaGateway = () =>
      bus.execute(new CompleteChat('bench.feature', 'bench.prompt', 'production', variables, { userId: ADMIN.id }));
    const viaSdk = () => bare.chat.completions.create({ model: 'gpt-4o-mini', messages, max_completion_tokens: 200 });

    const time = async (fn: () => Promise<unknown>, n: number, into: number[]) => {
      for (let i = 0; i < n; i++) {
        server.reply(ANSWER);
        const started = performance.now();
        await fn();
        into.push(performance.now() - started);
      }
    };
    await time(viaGateway, 200, []); // warm-up: JIT, pools, caches
    await time(viaSdk, 200, []);
    // For scale: one transaction of the ai module with one statement, as the gateway runs two.
    const runner = app.get(TransactionRunner);
    const oneTransaction = () => runner.run('ai', (tx) => tx.manager.query('SELECT 1'));
    const gateway: number[] = [];
    const sdk: number[] = [];
    const transaction: number[] = [];
    for (let done = 0; done < calls; done += block) {
      await time(viaSdk, block, sdk);
      await time(viaGateway, block, gateway);
      for (let i = 0; i < block / 10; i++) {
        const started = performance.now();
        await oneTransaction();
        transaction.push(performance.now() - started);
      }
    }
    transaction.sort((a, b) => a - b);
    gateway.sort((a, b) => a - b);
    sdk.sort((a, b) => a - b);
    const f = (ms: number) => ms.toFixed(3);
    const row = (name: string, xs: number[]) =>
      `${name.padEnd(22)} p50 ${f(percentile(xs, 50))} ms  p99 ${f(percentile(xs, 99))} ms  (n=${xs.length})`;
    console.log(row('bare openai SDK', sdk));
    console.log(row('gateway (CompleteChat)', gateway));
    console.log(row('one ai transaction', transaction));
    console.log(
      `overhead per call: p50 +${f(percentile(gateway, 50) - percentile(sdk, 50))} ms, ` +
        `p99 +${f(percentile(gateway, 99) - percentile(sdk, 99))} ms`,
    );
  } finally {
    await app.close();
    await server.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
