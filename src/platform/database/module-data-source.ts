import { DataSource, DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { DatabaseConfig } from '../config';
import { DatabaseTarget } from './database-target';
import { loadMigrations } from './migration-loader';
import { bootstrapModuleSchema } from './module-schema.bootstrap';
import { PreparingClient } from './preparing-client';

/** What a business module tells the platform about its persistence. */
export interface ModuleDatabaseDefinition {
  /** Module name; also its schema name and the name of its DataSource. */
  readonly module: string;

  readonly entities: MixedList<Function | string | EntitySchema>;
}

export const MIGRATIONS_TABLE = 'migrations';

export function moduleDataSourceOptions(
  definition: ModuleDatabaseDefinition,
  url: string,
  config: Pick<DatabaseConfig, 'poolSize' | 'migrationsRun'> &
    Partial<Pick<DatabaseConfig, 'applicationName' | 'preparedStatements'>>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: definition.module,
    entities: definition.entities,
    migrations: loadMigrations(definition.module),
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    migrationsRun: config.migrationsRun,
    synchronize: false,
    applicationName: `${config.applicationName ?? 'arcade'}:${definition.module}`,
    poolSize: config.poolSize,
    extra: {
      options: `-c search_path=${definition.module}`,
      ...(config.preparedStatements ? { Client: PreparingClient } : {}),
    },
  };
}

const appliedAtOpen = new WeakMap<DataSource, readonly string[]>();

/**
 * Opens a DataSource and, when its options ask for it (`migrationsRun`), applies its pending
 * migrations, remembering their names for {@link migrationsAppliedAtOpen}.
 */
export async function initializeModuleDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  if (options.migrationsRun) {
    const applied = await dataSource.runMigrations({ transaction: options.migrationsTransactionMode ?? 'each' });
    appliedAtOpen.set(
      dataSource,
      applied.map((migration) => migration.name),
    );
  }
  return dataSource;
}

/** Names of the migrations applied when the DataSource was opened; undefined when none were run. */
export function migrationsAppliedAtOpen(dataSource: DataSource): readonly string[] | undefined {
  return appliedAtOpen.get(dataSource);
}

/** Creates the module's schema and role if needed, then opens (and migrates) its DataSource. */
export async function openModuleDataSource(
  definition: ModuleDatabaseDefinition,
  target: DatabaseTarget,
  config: Pick<DatabaseConfig, 'poolSize' | 'migrationsRun' | 'rolePassword'> &
    Partial<Pick<DatabaseConfig, 'applicationName' | 'preparedStatements'>>,
): Promise<DataSource> {
  const connection = await bootstrapModuleSchema(
    target.urlFor(definition.module),
    definition.module,
    config.rolePassword,
  );
  return initializeModuleDataSource(moduleDataSourceOptions(definition, connection.url, config));
}
