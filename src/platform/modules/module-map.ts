import type { ModuleDescriptor } from './module-descriptor';

/**
 * Where a module runs, as this process sees it: here; behind the gateway at an upstream
 * (`GATEWAY_ROUTES`); in another process reached over the broker only (its messages, not its
 * HTTP); or nowhere this process can reach.
 */
export type ModuleHost =
  | { readonly kind: 'this-process' }
  | { readonly kind: 'gateway'; readonly upstream: string }
  | { readonly kind: 'broker' }
  | { readonly kind: 'unreachable' };

/** One module of the map: its descriptor, the contracts it owns and consumes, and where it runs. */
export interface ModuleMapEntry extends ModuleDescriptor {
  /** Integration event types it publishes (it owns them), e.g. `reviews.ReviewPosted.v1`. */
  readonly publishes: readonly string[];
  /** Command types it handles (it owns them). */
  readonly handlesCommands: readonly string[];
  /** Query types it answers (it owns them). */
  readonly answersQueries: readonly string[];
  /** Integration event types its subscribers consume (other modules' and its own). */
  readonly subscribesTo: readonly string[];
  readonly host: ModuleHost;
}

/** The module map as the composition root builds it from the code (descriptors, contracts, subscribers). */
export interface ModuleMap {
  /** Modules this process hosts. */
  readonly hosted: readonly string[];
  /** `in-process`, or `nats` when a broker connects the processes. */
  readonly transport: 'in-process' | 'nats';
  readonly modules: readonly ModuleMapEntry[];
}

/** Nest token of the {@link ModuleMap}. */
export const MODULE_MAP = Symbol('MODULE_MAP');
