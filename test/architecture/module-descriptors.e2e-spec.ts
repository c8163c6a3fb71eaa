import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUSINESS_MODULES, MODULE_NAMES } from '../../src/business-modules';
import { descriptorProblems, ModuleDescriptor } from '../../src/platform/modules';

const ROOT = join(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { moduleDescriptors } = require('../../scripts/module-descriptors.cjs') as {
  moduleDescriptors: (root: string) => Record<string, ModuleDescriptor | undefined>;
};

/** The controllers a Nest module declares, and the path each is mounted at (`@Controller('x/y')`). */
function controllerPaths(module: Function): { controller: string; path: string }[] {
  const controllers = (Reflect.getMetadata('controllers', module) ?? []) as Function[];
  return controllers.map((c) => ({ controller: c.name, path: String(Reflect.getMetadata('path', c) ?? '') }));
}

describe('architecture: modules describe themselves', () => {
  const onDisk = moduleDescriptors(ROOT);

  it('gives every module folder a descriptor named after it', () => {
    const folders = readdirSync(join(ROOT, 'src/modules'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.length).toBeGreaterThan(7);
    expect(folders.filter((f) => onDisk[f.name]?.name !== f.name).map((f) => f.name)).toEqual([]);
  });

  it('has descriptors that agree with each other: known dependencies, one owner per URL prefix', () => {
    expect(descriptorProblems(Object.values(onDisk) as ModuleDescriptor[])).toEqual([]);
  });

  it('gives each registered module the descriptor the import check reads, beside its database', () => {
    for (const name of MODULE_NAMES) {
      const module = BUSINESS_MODULES[name];
      expect({ name, descriptor: module.descriptor, schema: module.database.module }).toEqual({
        name,
        descriptor: onDisk[name],
        schema: name,
      });
    }
  });

  it('serves HTTP only under the URL prefixes a module declares (the gateway routes exactly those)', () => {
    const outside = MODULE_NAMES.flatMap((name) =>
      controllerPaths(BUSINESS_MODULES[name])
        .filter(({ path }) => !BUSINESS_MODULES[name].descriptor.urlPrefixes.includes(path.split('/')[0]))
        .map(({ controller, path }) => `${name}: ${controller} at /${path}`),
    );
    expect(outside).toEqual([]);
    // Every declared prefix is served by some controller.
    const unserved = MODULE_NAMES.flatMap((name) =>
      BUSINESS_MODULES[name].descriptor.urlPrefixes
        .filter((prefix) => !controllerPaths(BUSINESS_MODULES[name]).some(({ path }) => path.split('/')[0] === prefix))
        .map((prefix) => `${name}: /${prefix}`),
    );
    expect(unserved).toEqual([]);
  });
});
