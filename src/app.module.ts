import { DynamicModule, Module, Type } from '@nestjs/common';
import { accessStatusSource } from './access-status.source';
import { AdminConsoleModule } from './platform/admin-console';
import { BUSINESS_MODULES, MODULE_NAMES } from './business-modules';
import { AuthModule } from './platform/auth';
import { AppConfig, ConfigError, ConfigModule } from './platform/config';
import { DatabaseModule, DatabaseTarget } from './platform/database';
import { LimitsModule } from './platform/limits';
import { MessagingModule } from './platform/messaging/kernel';
import { ModuleMapModule } from './platform/modules';
import { LoggerModule, ObservabilityModule } from './platform/observability';
import { buildModuleMap } from './module-map';

export interface AppModuleOptions {
  readonly config: AppConfig;
  readonly database: DatabaseTarget;
  /** Stop the embedded server with the app (false when a test owns the database). */
  readonly stopEmbeddedOnShutdown?: boolean;
  readonly extraModules?: (Type | DynamicModule)[];
}

/** Names of the modules this process hosts, validated against the known ones. */
export function selectedModules(config: AppConfig): string[] {
  const selected = [...(config.modules ?? MODULE_NAMES)];
  const unknown = selected.filter((name) => !MODULE_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      'MODULES',
      `names unknown modules: ${unknown.join(', ')} (known: ${MODULE_NAMES.join(', ')})`,
    );
  }
  return selected;
}

/**
 * Reads every hosted module's settings once, before anything starts (the embedded database
 * included), so that a bad setting stops the process with its one-line ConfigError.
 */
export function validateModuleSettings(config: AppConfig): void {
  for (const name of selectedModules(config)) BUSINESS_MODULES[name].settings(config);
}

/** The composition root: the platform, then the business modules named in `MODULES`. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const selected = selectedModules(options.config);
    const modules: Type[] = selected.map((name) => BUSINESS_MODULES[name]);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggerModule.forRoot(options.config),
        DatabaseModule.forRoot(options.database, { stopEmbeddedOnShutdown: options.stopEmbeddedOnShutdown ?? true }),
        ObservabilityModule,
        AuthModule.forRoot(accessStatusSource),
        LimitsModule,
        MessagingModule.forRoot(selected),
        ModuleMapModule.forRoot(buildModuleMap(options.config, selected)),
        ...modules,
        AdminConsoleModule,
        ...(options.extraModules ?? []),
      ],
    };
  }
}
