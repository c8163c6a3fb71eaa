/**
 * One Arcade process for the benchmark runner, started as a child so that the load generator
 * never shares its event loop. Talks to the runner over IPC: `ready` (with the port) once it
 * listens, then answers `rss`, `seed` and `stop`.
 *
 * Environment: BENCH_DATABASE_URL (a database the runner created), MODULES, BROKER_URL, and any
 * other Arcade setting, passed through.
 */
// First: tracing (when OTEL_* asks for it, the tracing scenario) patches `http` and `pg` before they load.
import '../../src/platform/observability/tracing/register';
import 'reflect-metadata';
import { AddressInfo, createServer } from 'node:net';
import { createApp } from '../../src/create-app';
import { seedCatalog, productCount } from '../../src/modules/catalog/infrastructure/seed/catalog-seeder';
import { loadConfig } from '../../src/platform/config';
import { ModuleDataSources } from '../../src/platform/database';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { GetVariantSnapshots, ReleaseStock } from '../../src/modules/catalog';
import { MessageBus } from '../../src/platform/messaging/testing';
import { stopTracing } from '../../src/platform/observability/tracing';
import { BENCH_ENV } from './bench-env';

export type AppRequest = { id: number } & (
  | { type: 'rss' }
  | { type: 'seed'; count: number }
  | { type: 'round-trip'; count: number; variantId: string }
  | { type: 'stop' }
);

/** Latencies (ms) of `count` sequential calls of `call`, after a short warm-up. */
async function timed(count: number, call: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 200; i++) await call();
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await call();
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/** A port nobody listens on now, so the config (the sandbox's webhook address) can name it up front. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return port;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL!;
  const port = await freePort();
  const config = loadConfig({ ...process.env, ...BENCH_ENV, DATABASE_URL: url, PORT: String(port) });
  const app = await createApp(config, {
    database: { url, moduleUrls: {}, embedded: undefined, urlFor: () => url },
  });
  await app.listen(port, '127.0.0.1');
  const reply = (id: number, body: unknown) => process.send!({ id, ...(body as object) });
  process.on('message', (message: AppRequest) => {
    void (async () => {
      try {
        if (message.type === 'rss') {
          global.gc?.();
          reply(message.id, { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
        } else if (message.type === 'seed') {
          const db = app.get(ModuleDataSources).get('catalog') as DataSource;
          const existing = await productCount(db);
          if (existing < message.count)
            await seedCatalog(db, { count: message.count, batchSize: 2000, announce: false });
          await db.query('ANALYZE');
          reply(message.id, { products: await productCount(db) });
        } else if (message.type === 'round-trip') {
          // A query (catalog's GetVariantSnapshots) and a command (catalog's ReleaseStock of an
          // order that holds nothing: a no-op) through the bus, wherever catalog runs.
          const bus = app.get(MessageBus);
          const query = await timed(message.count, () => bus.query(new GetVariantSnapshots([message.variantId])));
          const command = await timed(message.count, () => bus.execute(new ReleaseStock(uuidv7(), 'bench')));
          reply(message.id, { query, command });
        } else if (message.type === 'stop') {
          await app.close();
          await stopTracing();
          reply(message.id, {});
          process.exit(0);
        }
      } catch (error) {
        reply(message.id, { error: String((error as Error).stack ?? error) });
      }
    })();
  });
  process.send!({ type: 'ready', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
