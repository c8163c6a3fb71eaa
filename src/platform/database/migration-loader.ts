import { existsSync, readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** The folder of a module's migrations; the same relative place in `src` and in the build. */
export function migrationsDirOf(module: string): string {
  return resolve(__dirname, '../../../migrations', module);
}

/**
 * Loads the migration classes of a module by requiring each file of its folder, which works the
 * same under ts-jest-like transforms and in the compiled build (no glob is handed to TypeORM).
 */
export function loadMigrations(module: string): Function[] {
  const dir = migrationsDirOf(module);
  if (!existsSync(dir)) return [];
  const ownExtension = extname(__filename);
  return readdirSync(dir)
    .filter((file) => extname(file) === ownExtension && !file.endsWith('.d.ts') && !file.includes('.spec.'))
    .sort()
    .flatMap((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = require(join(dir, file)) as Record<string, unknown>;
      return Object.values(exported).filter((value): value is Function => typeof value === 'function');
    });
}
