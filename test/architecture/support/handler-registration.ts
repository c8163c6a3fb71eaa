import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { INTEGRATION_EVENT_HANDLER } from '../../../src/platform/messaging/inbox/integration-event-handler';

/** Metadata keys of @nestjs/cqrs's @CommandHandler and @QueryHandler (its decorators/constants). */
const BUS_HANDLER_KEYS = ['__commandHandler__', '__queryHandler__', INTEGRATION_EVENT_HANDLER] as const;

type ModuleMetadataHolder = Function | { module?: Function; providers?: unknown[]; imports?: unknown[] };

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
    .map((e) => join(e.parentPath, e.name));
}

function isBusHandler(value: unknown): value is Function {
  return typeof value === 'function' && BUS_HANDLER_KEYS.some((key) => Reflect.getMetadata(key, value) !== undefined);
}

/** Every class a Nest module provides, through the modules it imports too. */
function providedClasses(module: ModuleMetadataHolder, seen = new Set<unknown>()): Set<Function> {
  const provided = new Set<Function>();
  if (seen.has(module)) return provided;
  seen.add(module);
  const metadata =
    typeof module === 'function'
      ? {
          providers: (Reflect.getMetadata('providers', module) as unknown[] | undefined) ?? [],
          imports: (Reflect.getMetadata('imports', module) as unknown[] | undefined) ?? [],
        }
      : { providers: module.providers ?? [], imports: module.imports ?? [] };
  for (const provider of metadata.providers) {
    if (typeof provider === 'function') provided.add(provider);
    const useClass = (provider as { useClass?: unknown } | null)?.useClass;
    if (typeof useClass === 'function') provided.add(useClass);
  }
  for (const imported of metadata.imports) {
    for (const cls of providedClasses(imported as ModuleMetadataHolder, seen)) provided.add(cls);
  }
  return provided;
}

/**
 * The bus handlers (command, query, event) declared in a module's folder that its Nest module does
 * not provide: Nest would never instantiate them, and nothing else would notice. `moduleDir` is
 * `src/modules/<m>`; its Nest module is the class exported by `<m>.module.ts`.
 */
export async function unregisteredHandlers(moduleDir: string): Promise<string[]> {
  const name = basename(moduleDir);
  const nestModule = Object.entries(
    (await import(join(moduleDir, `${name}.module.ts`))) as Record<string, unknown>,
  ).find(([exported, value]) => typeof value === 'function' && exported.endsWith('Module'))?.[1];
  if (!nestModule) throw new Error(`${name}.module.ts exports no Nest module`);
  const provided = providedClasses(nestModule as Function);
  const missing: string[] = [];
  for (const file of sourcesOf(moduleDir)) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (isBusHandler(value) && !provided.has(value)) missing.push(`${name}: ${value.name}`);
    }
  }
  return missing;
}
