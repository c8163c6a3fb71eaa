import { request } from '../../api';

/** Where a module runs as the answering process sees it. */
export interface ModuleHost {
  /** this-process; gateway: HTTP forwarded to `upstream`; broker: another process, messages only; unreachable. */
  readonly kind: 'this-process' | 'gateway' | 'broker' | 'unreachable';
  readonly upstream?: string;
}

/** One module of the map generated from the code. */
export interface ModuleMapEntry {
  readonly name: string;
  readonly summary: string;
  readonly urlPrefixes: readonly string[];
  readonly allowedDependencies: readonly string[];
  readonly publishes: readonly string[];
  readonly handlesCommands: readonly string[];
  readonly answersQueries: readonly string[];
  readonly subscribesTo: readonly string[];
  readonly host: ModuleHost;
}

/** GET /admin/modules. */
export interface ModuleMap {
  /** Modules the answering process hosts. */
  readonly hosted: readonly string[];
  readonly transport: 'in-process' | 'nats';
  readonly modules: readonly ModuleMapEntry[];
}

/** The module map and where each module is hosted now (admin). */
export const modulesApi = { map: () => request<ModuleMap>('/admin/modules') };
