import { DynamicModule, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawnSync } from 'node:child_process';
import { connect, NatsConnection } from 'nats';
import { createApp } from '../../../src/create-app';
import { loadConfig } from '../../../src/platform/config';
import { TestDatabase } from '../../support/test-database';

export const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/**
 * Whether a NATS server answers, decided before the suite is declared. Outside CI a missing broker
 * skips the suite with a message; in CI it fails it, so the split topology is always proven there.
 */
export function natsAvailable(what = 'the NATS transport suite'): boolean {
  const { hostname, port } = new URL(NATS_URL);
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const s=require('net').connect(${Number(port) || 4222},'${hostname}');` +
        `s.setTimeout(1500);s.on('data',()=>process.exit(0));s.on('timeout',()=>process.exit(1));s.on('error',()=>process.exit(1));`,
    ],
    { timeout: 3000 },
  );
  if (probe.status === 0) return true;
  if (process.env.CI === 'true')
    throw new Error(`No NATS server answers at ${NATS_URL}; CI must run it (nats-server -js)`);
  console.warn(`Skipping ${what}: no NATS server answers at ${NATS_URL} (start one with nats-server -js)`);
  return false;
}

/** Boots one process of a split topology (some modules only) on a shared test database. */
export async function startSplitApp(options: {
  readonly database: TestDatabase;
  readonly modules: readonly string[];
  readonly prefix: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly extraModules?: (Type | DynamicModule)[];
}): Promise<NestFastifyApplication> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: options.database.url,
    MODULES: options.modules.join(','),
    BROKER_URL: NATS_URL,
    BROKER_PREFIX: options.prefix,
    ...options.env,
  });
  const app = await createApp(config, { database: options.database, extraModules: options.extraModules });
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** A connection of the test's own, to look at (and clean up) what the apps left on the broker. */
export function observerConnection(): Promise<NatsConnection> {
  return connect({ servers: NATS_URL, name: 'arcade-test-observer' });
}

/**
 * Deletes the JetStream streams a deployment with this `BROKER_PREFIX` created (its events and
 * their dead letters): the machine's broker outlives every test run, so each suite removes its own.
 */
export async function removeStreamsOf(prefix: string): Promise<void> {
  const nc = await observerConnection();
  try {
    const jsm = await nc.jetstreamManager();
    const stream = `${prefix.toUpperCase()}_EVENTS`;
    await Promise.allSettled([jsm.streams.delete(stream), jsm.streams.delete(`${stream}_DEAD_LETTERS`)]);
  } finally {
    await nc.close();
  }
}
