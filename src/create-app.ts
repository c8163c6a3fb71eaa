import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, selectedModules, validateModuleSettings } from './app.module';
import { gatewayRoutes } from './gateway-routes';
import { AppConfig } from './platform/config';
import { DatabaseTarget, databaseUnusable, resolveDatabaseTarget } from './platform/database';
import { configureHttp, createFastifyAdapter } from './platform/http';
import { AppLogger } from './platform/observability';

export interface CreateAppOptions {
  /** A database the caller owns (tests); otherwise resolved from the configuration. */
  readonly database?: DatabaseTarget;
  /** Nest modules added beside the business modules (test-only controllers). */
  readonly extraModules?: (Type | DynamicModule)[];
}

/** Builds the whole application, ready to `listen()` or to `inject()` requests into. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  validateModuleSettings(config);
  // GATEWAY_ROUTES names modules: an unknown one stops the start here, in one line, before anything opens.
  const routes = gatewayRoutes(config, selectedModules(config));
  const database = options.database ?? (await resolveDatabaseTarget(config.database));
  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({
        config,
        database,
        stopEmbeddedOnShutdown: options.database === undefined,
        extraModules: options.extraModules,
      }),
      createFastifyAdapter(config),
      // A failed start is reported once by the caller, not also by Nest's console logger with the
      // buffered module-loading lines.
      { bufferLogs: true, autoFlushLogs: false, abortOnError: false, rawBody: true },
    );
    app.useLogger(app.get(AppLogger));
    app.flushLogs();
    await configureHttp(app, config, routes);
    await app.init();
    return app;
  } catch (error) {
    // A check at start-up failed (a WiringError…): close what was opened (pools, the broker) first.
    await app?.close().catch(() => undefined);
    if (options.database === undefined) await database.embedded?.stop();
    throw databaseUnusable(error, database) ?? error;
  }
}
