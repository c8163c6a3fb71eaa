import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config';
import { DatabaseTarget } from './database-target';
import { initializeModuleDataSource, ModuleDatabaseDefinition, moduleDataSourceOptions } from './module-data-source';
import { ModuleDataSources } from './module-data-sources.registry';
import { bootstrapModuleSchema } from './module-schema.bootstrap';

/** Injection token of the resolved {@link DatabaseTarget}. */
export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
    private readonly dataSources: ModuleDataSources,
    @Inject('STOP_EMBEDDED') private readonly stopEmbedded: boolean,
  ) {}

  // Pools are closed before the embedded server stops, whatever order Nest runs the hooks in.
  async onApplicationShutdown(): Promise<void> {
    for (const [, dataSource] of this.dataSources.entries()) {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
    if (this.stopEmbedded) await this.target.embedded?.stop();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(target: DatabaseTarget, options: { stopEmbeddedOnShutdown: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_TARGET, useValue: target },
        { provide: 'STOP_EMBEDDED', useValue: options.stopEmbeddedOnShutdown },
        ModuleDataSources,
        DatabaseShutdown,
      ],
      exports: [DATABASE_TARGET, ModuleDataSources],
    };
  }
}

/** A business module's own DataSource (named after the module): its schema, role and migrations. */
@Module({})
export class ModuleDatabaseModule {
  static register(definition: ModuleDatabaseDefinition): DynamicModule {
    return {
      module: ModuleDatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          name: definition.module,
          inject: [APP_CONFIG, DATABASE_TARGET],
          useFactory: async (config: AppConfig, target: DatabaseTarget) => {
            const { rolePassword } = config.database;
            const connection = await bootstrapModuleSchema(
              target.urlFor(definition.module),
              definition.module,
              rolePassword,
            );
            return moduleDataSourceOptions(definition, connection.url, config.database);
          },
          dataSourceFactory: (options) => initializeModuleDataSource(options!),
        }),
      ],
      providers: [
        {
          provide: `${definition.module}:data-source-registration`,
          inject: [getDataSourceToken(definition.module), ModuleDataSources],
          useFactory: (dataSource: DataSource, registry: ModuleDataSources) =>
            registry.register(definition.module, dataSource),
        },
      ],
      exports: [TypeOrmModule],
    };
  }
}
