import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { BUSINESS_MODULES, MODULE_NAMES } from '../../src/business-modules';
import { allContracts, ContractKind } from '../../src/platform/messaging/contracts';
import { ModuleDescriptor } from '../../src/platform/modules';

/** The repository's root. */
export const ROOT = resolve(__dirname, '../..');

/** One published contract, as the docs show it. */
export interface ContractFact {
  readonly kind: ContractKind;
  readonly type: string;
  readonly owner: string;
  readonly className: string;
  /** The class's JSDoc, one paragraph. */
  readonly doc: string;
  /** Whether the relay orders its messages by a key the contract declares. */
  readonly keyed: boolean;
  /** The contract's example as JSON (an event's metadata fixed, so the docs stay stable). */
  readonly example: unknown;
  /** The modules whose code imports it (sending, asking or subscribing). */
  readonly usedBy: readonly string[];
}

/** What the docs know of one registered module. */
export interface ModuleFact {
  readonly descriptor: ModuleDescriptor;
  readonly contracts: readonly ContractFact[];
  /** The other modules' contracts its code imports. */
  readonly uses: readonly ContractFact[];
}

/** The modules, their contracts and how they use each other; the processes of the split deployment. */
export interface ModuleFacts {
  readonly modules: readonly ModuleFact[];
  /** Modules with a folder and a descriptor but not registered yet (no database, no contracts). */
  readonly shells: readonly ModuleDescriptor[];
  /** `docker compose --profile split`: each service that runs the app, with the modules it hosts. */
  readonly splitProcesses: Readonly<Record<string, readonly string[]>>;
}

const FIXED_EVENT_METADATA = {
  eventId: '01900000-0000-7000-8000-000000000000',
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: '01900000-0000-7000-8000-000000000000',
  causationId: null,
};

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** `{ module, name }` for every name a module's file imports from another module's index. */
function importsOfOtherModules(module: string): { from: string; name: string }[] {
  const modulesDir = join(ROOT, 'src/modules');
  return sourcesOf(join(modulesDir, module)).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
    return source.statements.flatMap((statement) => {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
      const target = relative(modulesDir, resolve(dirname(file), statement.moduleSpecifier.text)).replace(
        /\/index$/,
        '',
      );
      const bindings = statement.importClause?.namedBindings;
      if (target.includes('/') || target.startsWith('.') || target === module || !bindings) return [];
      if (!ts.isNamedImports(bindings)) return [];
      return bindings.elements.map((e) => ({ from: target, name: (e.propertyName ?? e.name).text }));
    });
  });
}

const docsByModule = new Map<string, Map<string, string>>();

/** The JSDoc of every class in a module's contracts/, by class name. */
function contractDocs(module: string): Map<string, string> {
  const known = docsByModule.get(module);
  if (known) return known;
  const docs = new Map<string, string>();
  docsByModule.set(module, docs);
  for (const file of sourcesOf(join(ROOT, 'src/modules', module, 'contracts'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      const comment = ts.getJSDocCommentsAndTags(statement).find(ts.isJSDoc)?.comment;
      docs.set(statement.name.text, (ts.getTextOfJSDocComment(comment) ?? '').replace(/\s+/g, ' ').trim());
    }
  }
  return docs;
}

function exampleOf(kind: ContractKind, build: () => object): unknown {
  const json = JSON.parse(JSON.stringify(build())) as Record<string, unknown>;
  return kind === 'event' ? { ...json, ...FIXED_EVENT_METADATA } : json;
}

/** The modules each app service of docker-compose.yml's split profile hosts. */
function splitProcesses(): Record<string, string[]> {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { profiles?: string[]; environment?: Record<string, string> }>;
  };
  const processes: Record<string, string[]> = {};
  for (const [name, service] of Object.entries(compose.services)) {
    const modules = service.environment?.MODULES;
    if (service.profiles?.includes('split') && modules) processes[name] = modules.split(',').map((m) => m.trim());
  }
  return processes;
}

/** Loads every module's contracts and reads the sources for who uses which. */
export async function gatherModuleFacts(): Promise<ModuleFacts> {
  for (const name of MODULE_NAMES) await import(join(ROOT, 'src/modules', name, 'contracts'));
  const imports = new Map(MODULE_NAMES.map((name) => [name, importsOfOtherModules(name)]));
  const contracts = allContracts()
    .filter((c) => MODULE_NAMES.includes(c.owner))
    .sort((a, b) => a.type.localeCompare(b.type))
    .map((c): ContractFact => {
      const className = c.target.name;
      return {
        kind: c.kind,
        type: c.type,
        owner: c.owner,
        className,
        doc: contractDocs(c.owner).get(className) ?? '',
        keyed: c.key !== undefined,
        example: exampleOf(c.kind, c.example),
        usedBy: MODULE_NAMES.filter((m) => imports.get(m)!.some((i) => i.from === c.owner && i.name === className)),
      };
    });
  const registered = new Set(MODULE_NAMES);
  return {
    modules: MODULE_NAMES.map((name) => ({
      descriptor: BUSINESS_MODULES[name].descriptor,
      contracts: contracts.filter((c) => c.owner === name),
      uses: contracts.filter((c) => c.usedBy.includes(name)),
    })),
    shells: readdirSync(join(ROOT, 'src/modules'))
      .filter((name) => !registered.has(name))
      .sort()
      .map((name) => moduleDescriptorOf(name)),
    splitProcesses: splitProcesses(),
  };
}

function moduleDescriptorOf(name: string): ModuleDescriptor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { moduleDescriptors } = require('../../scripts/module-descriptors.cjs') as {
    moduleDescriptors: (root: string) => Record<string, ModuleDescriptor>;
  };
  return moduleDescriptors(ROOT)[name];
}
