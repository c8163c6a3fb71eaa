/**
 * What a business module says about itself, in one place beside its database definition (Spring
 * Modulith's `@ApplicationModule(allowedDependencies = …)` plays the same part). The composition
 * root, the gateway, the import check (`.dependency-cruiser.cjs`) and the generated module docs
 * all read it, so none of them keeps its own list.
 *
 * A descriptor file (`src/modules/<m>/<m>.descriptor.ts`) holds nothing but this object literal and
 * a type-only import, so that tools outside the app (dependency-cruiser) can read it too.
 */
export interface ModuleDescriptor {
  /** The module's name: its folder, its schema, its name in `MODULES` and `GATEWAY_ROUTES`. */
  readonly name: string;
  /** What the module owns, in one sentence (shown in the generated module map). */
  readonly summary: string;
  /**
   * The first path segments of every HTTP route the module serves (`reviews` serves `/reviews` and
   * `/reviews/...`). A gateway routes exactly these to the process that hosts the module.
   */
  readonly urlPrefixes: readonly string[];
  /**
   * The modules whose contracts this module may import (send their commands, ask their queries,
   * subscribe to their events). Any other import of a module fails `npm run lint:arch`.
   */
  readonly allowedDependencies: readonly string[];
}

/** URL prefixes the platform serves in every process; no module may claim them. */
export const PLATFORM_URL_PREFIXES: readonly string[] = ['admin', 'health', 'metrics', 'docs', 'docs-json'];

/**
 * The problems of a set of descriptors, one line each: a malformed name or prefix, a prefix claimed
 * twice or by the platform, a dependency on an unknown module or on itself. Empty when all is well.
 */
export function descriptorProblems(descriptors: readonly ModuleDescriptor[]): string[] {
  const names = descriptors.map((d) => d.name);
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const d of descriptors) {
    if (!/^[a-z][a-z0-9_]*$/.test(d.name)) problems.push(`"${d.name}" is not a module name (lower case, digits, _)`);
    for (const prefix of d.urlPrefixes) {
      if (!/^[a-z][a-z0-9_-]*$/.test(prefix)) problems.push(`${d.name}: "${prefix}" is not a URL prefix (one segment)`);
      if (PLATFORM_URL_PREFIXES.includes(prefix)) problems.push(`${d.name}: the platform serves /${prefix}`);
      const owner = owners.get(prefix);
      if (owner !== undefined) problems.push(`${d.name}: /${prefix} is ${owner}'s URL prefix already`);
      owners.set(prefix, d.name);
    }
    for (const dependency of d.allowedDependencies) {
      if (dependency === d.name) problems.push(`${d.name}: a module does not depend on itself`);
      else if (!names.includes(dependency)) problems.push(`${d.name}: may depend on an unknown module "${dependency}"`);
    }
  }
  return problems;
}
