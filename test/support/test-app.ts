import { DynamicModule, Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/create-app';
import { AppConfig, loadConfig } from '../../src/platform/config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Modules to host (default: all). */
  readonly modules?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Extra Nest modules, e.g. a controller that only a test needs. */
  readonly extraModules?: (Type | DynamicModule)[];
}

/** Boots the real application on a fresh database; requests go through `app.inject()`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    MODULES: options.modules?.join(',') ?? 'all',
    // Injected requests all come from 127.0.0.1, and suites sign up dozens of shoppers: the
    // per-address sign-up limit is lifted unless a test sets it (test/accounts/abuse-limits does).
    SIGNUP_MAX_PER_ADDRESS: '1000000',
    ...options.env,
  });
  try {
    const app = await createApp(config, { database, extraModules: options.extraModules });
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      config,
      database,
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
