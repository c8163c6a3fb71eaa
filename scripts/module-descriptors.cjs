// Reads every module's descriptor (src/modules/<m>/<m>.descriptor.ts) without starting the app, for
// tools that run outside it: dependency-cruiser's configuration reads the allowed dependencies here.
// A descriptor file holds one object literal and a type-only import (ModuleDescriptor), so it is
// transpiled on its own and evaluated with no access to anything else.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');

/** The descriptor of the module in `dir` (named after the folder), or undefined when it has none. */
function readDescriptor(dir, name) {
  const file = join(dir, `${name}.descriptor.ts`);
  if (!existsSync(file)) return undefined;
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const module = { exports: {} };
  const refuse = (what) => {
    throw new Error(`${file}: a descriptor imports nothing at run time (it imports ${what})`);
  };
  new Function('module', 'exports', 'require', outputText)(module, module.exports, refuse);
  const values = Object.values(module.exports);
  if (values.length !== 1 || values[0]?.name !== name) {
    throw new Error(`${file}: must export exactly one descriptor, whose name is "${name}"`);
  }
  return values[0];
}

/**
 * Every module folder under `<root>/src/modules` with its descriptor (undefined when the folder has
 * no `<m>.descriptor.ts`), by folder name.
 */
function moduleDescriptors(root = process.cwd()) {
  const modules = join(root, 'src/modules');
  if (!existsSync(modules)) return {};
  const found = {};
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (entry.isDirectory()) found[entry.name] = readDescriptor(join(modules, entry.name), entry.name);
  }
  return found;
}

module.exports = { moduleDescriptors };
