import { DatabaseConfig } from '../config';
import { RunningDatabase, startEmbeddedPostgres } from './embedded-postgres.server';

/** Where the modules' databases live: the configured server, or one this process started. */
export interface DatabaseTarget {
  /** URL of a user that may create schemas (and, where allowed, roles). */
  readonly url: string;
  readonly moduleUrls: Readonly<Record<string, string>>;
  readonly embedded: RunningDatabase | undefined;
  /** URL for one module: its `DATABASE_URL_<MODULE>` override, or the shared one. */
  urlFor(module: string): string;
}

export async function resolveDatabaseTarget(config: DatabaseConfig): Promise<DatabaseTarget> {
  const embedded = config.url ? undefined : await startEmbeddedPostgres(config.embedded);
  const url = config.url ?? embedded!.url;
  return {
    url,
    moduleUrls: config.moduleUrls,
    embedded,
    urlFor: (module) => config.moduleUrls[module] ?? url,
  };
}
