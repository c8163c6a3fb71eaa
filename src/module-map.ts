import { Type } from '@nestjs/common';
import { BUSINESS_MODULES, MODULE_NAMES } from './business-modules';
import { AppConfig } from './platform/config';
import {
  allContracts,
  contractTypeOf,
  INTEGRATION_EVENT_HANDLER,
  IntegrationEventHandlerMetadata,
} from './platform/messaging';
import { ModuleHost, ModuleMap } from './platform/modules';

/** The Nest providers a module class declares, and those of the modules it imports, recursively. */
function providersOf(moduleClass: Type, seen = new Set<Type>()): unknown[] {
  if (seen.has(moduleClass)) return [];
  seen.add(moduleClass);
  const providers = (Reflect.getMetadata('providers', moduleClass) as unknown[] | undefined) ?? [];
  const imports = (Reflect.getMetadata('imports', moduleClass) as unknown[] | undefined) ?? [];
  const nested = imports.filter((i): i is Type => typeof i === 'function').flatMap((i) => providersOf(i, seen));
  return [...providers, ...nested];
}

/** The event types a module's subscribers consume, from their `@OnIntegrationEvent` metadata. */
function subscriptionsOf(moduleClass: Type): string[] {
  const types = providersOf(moduleClass).flatMap((provider) => {
    if (typeof provider !== 'function') return [];
    const metadata = Reflect.getMetadata(INTEGRATION_EVENT_HANDLER, provider) as
      IntegrationEventHandlerMetadata | undefined;
    return metadata ? metadata.events.map((event) => contractTypeOf(event)) : [];
  });
  return [...new Set(types)].sort();
}

/**
 * The module map this process serves at `GET /admin/modules`: every registered module's descriptor,
 * the contracts it owns (events it publishes, commands it handles, queries it answers), the events
 * its subscribers consume, and where it runs: here (`hosted`), behind the gateway
 * (`GATEWAY_ROUTES`), over the broker only, or unreachable.
 */
export function buildModuleMap(config: AppConfig, hosted: readonly string[]): ModuleMap {
  const contracts = allContracts();
  const owned = (module: string, kind: 'event' | 'command' | 'query') =>
    contracts
      .filter((c) => c.owner === module && c.kind === kind)
      .map((c) => c.type)
      .sort();
  const hostOf = (module: string): ModuleHost => {
    if (hosted.includes(module)) return { kind: 'this-process' };
    const route = config.gateway.routes.find((r) => r.module === module);
    if (route) return { kind: 'gateway', upstream: withoutCredentials(route.upstream) };
    return config.broker.url ? { kind: 'broker' } : { kind: 'unreachable' };
  };
  return {
    hosted: [...hosted],
    transport: config.broker.url ? 'nats' : 'in-process',
    modules: MODULE_NAMES.map((name) => {
      const moduleClass = BUSINESS_MODULES[name];
      return {
        ...moduleClass.descriptor,
        publishes: owned(name, 'event'),
        handlesCommands: owned(name, 'command'),
        answersQueries: owned(name, 'query'),
        subscribesTo: subscriptionsOf(moduleClass),
        host: hostOf(name),
      };
    }),
  };
}

/** An upstream's URL as admins see it: credentials in it stay in the configuration. */
function withoutCredentials(upstream: string): string {
  const url = new URL(upstream);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/+$/, '');
}
