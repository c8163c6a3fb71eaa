/**
 * Outbox delivery: latency from commit to handler at a fixed rate, and events/s when flooded.
 * Run: node -r ./test/support/swc-register.cjs bench/outbox-delivery.ts [--rate 500] [--seconds 10] [--json]
 * (--json: one JSON line with the figures, for the benchmark runner, bench/scenarios/outbox.ts).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { createApp } from '../src/create-app';
import { loadConfig } from '../src/platform/config';
import {
  IntegrationEvent,
  IntegrationEventContract,
  IntegrationEventHandler,
  OnIntegrationEvent,
  TransactionRunner,
} from '../src/platform/messaging/testing';
import { createBenchDatabase, percentile } from './support/bench-database';

@IntegrationEventContract('catalog.BenchTick.v1', () => new BenchTick({ n: 0 }))
class BenchTick extends IntegrationEvent<{ n: number }> {}

const received = new Map<string, number>();

@OnIntegrationEvent(BenchTick, { module: 'cart', name: 'cart.RecordBenchTick' })
class RecordBenchTick implements IntegrationEventHandler<BenchTick> {
  async handle(event: BenchTick): Promise<void> {
    received.set(event.eventId, performance.now());
  }
}

@Module({ providers: [RecordBenchTick] })
class BenchModule {}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function waitFor(ids: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (ids.some((id) => !received.has(id))) {
    if (Date.now() > deadline)
      throw new Error(`only ${ids.filter((id) => received.has(id)).length}/${ids.length} delivered`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function main(): Promise<void> {
  const rate = arg('rate', 500);
  const seconds = arg('seconds', 10);
  const database = await createBenchDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    LOG_LEVEL: 'warn',
    MODULES: 'catalog,cart',
  });
  const app = await createApp(config, { database, extraModules: [BenchModule] });
  const runner = app.get(TransactionRunner);
  try {
    // Warm-up.
    const warm: string[] = [];
    for (let i = 0; i < 200; i++) {
      const event = new BenchTick({ n: i });
      warm.push(event.eventId);
      await runner.run('catalog', async (tx) => tx.publish(event));
    }
    await waitFor(warm, 30_000);

    // Open loop at a fixed rate: one transaction per event, latency from commit to handler.
    const committed = new Map<string, number>();
    const total = rate * seconds;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const event = new BenchTick({ n: i });
      inFlight.push(
        runner
          .run('catalog', async (tx) => tx.publish(event))
          .then(() => void committed.set(event.eventId, performance.now())),
      );
    }
    await Promise.all(inFlight);
    await waitFor([...committed.keys()], 60_000);
    const latencies = [...committed.entries()]
      .map(([id, at]) => Math.max(0, received.get(id)! - at))
      .sort((a, b) => a - b);

    // Closed loop: a flood of events written 100 per transaction, then delivered as fast as possible.
    const flood: string[] = [];
    const floodStart = performance.now();
    for (let batch = 0; batch < 100; batch++) {
      await runner.run('catalog', async (tx) => {
        for (let i = 0; i < 100; i++) {
          const event = new BenchTick({ n: i });
          flood.push(event.eventId);
          tx.publish(event);
        }
      });
    }
    await waitFor(flood, 120_000);
    const floodSeconds = (performance.now() - floodStart) / 1000;

    if (process.argv.includes('--json')) {
      console.log(
        JSON.stringify({
          rate,
          events: latencies.length,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          max: latencies[latencies.length - 1],
          floodPerSecond: flood.length / floodSeconds,
        }),
      );
      return;
    }
    console.log(`outbox delivery, commit → handler, ${rate} events/s for ${seconds} s (${latencies.length} events):`);
    console.log(
      `  p50 ${percentile(latencies, 50).toFixed(2)} ms   p99 ${percentile(latencies, 99).toFixed(2)} ms   max ${latencies[latencies.length - 1].toFixed(2)} ms`,
    );
    console.log(
      `flood of ${flood.length} events: ${(flood.length / floodSeconds).toFixed(0)} events/s delivered (written and delivered in ${floodSeconds.toFixed(2)} s)`,
    );
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
