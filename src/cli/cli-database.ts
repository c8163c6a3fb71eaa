import { DataSource } from 'typeorm';
import { validateModuleSettings } from '../app.module';
import { BUSINESS_MODULES, MODULE_NAMES } from '../business-modules';
import { AppConfig, ConfigError, loadConfig } from '../platform/config';
import { DatabaseTarget, openModuleDataSource, resolveDatabaseTarget } from '../platform/database';

/** Runs a command-line task against the configured (or embedded) database, then cleans up. */
export async function withDatabase(task: (target: DatabaseTarget, config: AppConfig) => Promise<void>): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
    validateModuleSettings(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const target = await resolveDatabaseTarget(config.database);
  try {
    await task(target, config);
  } finally {
    await target.embedded?.stop();
  }
}

export function moduleNamed(name: string | undefined): string {
  if (name === undefined || !MODULE_NAMES.includes(name)) {
    console.error(`Name one module: ${MODULE_NAMES.join(', ')} (got "${name ?? ''}")`);
    process.exit(2);
  }
  return name;
}

export function openForCli(
  module: string,
  target: DatabaseTarget,
  config: AppConfig,
  migrationsRun: boolean,
): Promise<DataSource> {
  return openModuleDataSource(BUSINESS_MODULES[module].database, target, { ...config.database, migrationsRun });
}
