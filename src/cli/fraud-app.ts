import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { userInfo } from 'node:os';
import { AppModule, validateModuleSettings } from '../app.module';
import { ConfigError, loadConfig } from '../platform/config';
import { resolveDatabaseTarget } from '../platform/database';
import { ProblemException } from '../platform/http';

/**
 * Runs a fraud command-line task inside payments alone (no HTTP, no relay, no sweepers): the same
 * services the admin routes use, against the configured (or embedded) database, migrations applied.
 */
export async function withPayments(
  task: (app: INestApplicationContext, actor: string) => Promise<void>,
): Promise<void> {
  const config = loadConfig({
    ...process.env,
    MODULES: 'payments',
    OUTBOX_RELAY: 'false',
    SANDBOX_WEBHOOK_DELIVERY: 'false',
    FRAUD_REVIEW_SWEEP_INTERVAL_MS: '0',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    DEV_ADMIN: 'false',
  });
  validateModuleSettings(config);
  const database = await resolveDatabaseTarget(config.database);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, database }), {
    logger: ['error'],
  });
  try {
    await task(app, `cli:${userInfo().username}`);
  } finally {
    await app.close();
  }
}

/** Prints what went wrong in one line and exits with status 1. */
export function failed(error: unknown): never {
  if (error instanceof ConfigError || error instanceof RangeError) console.error(error.message);
  else if (error instanceof ProblemException) console.error(error.problem.detail);
  else console.error(error);
  process.exit(1);
}
