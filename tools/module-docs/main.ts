import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { gatherModuleFacts, ROOT } from './module-facts';
import { renderCatalogue } from './render-catalogue';
import { renderModuleMap } from './render-map';

/** Where the generated pages go. */
export const MODULE_DOCS = join(ROOT, 'docs/modules');

/** Every generated page, by path, formatted as Prettier would (CI checks the format too). */
export async function generateModuleDocs(): Promise<Map<string, string>> {
  const facts = await gatherModuleFacts();
  const pages = new Map<string, string>([[join(MODULE_DOCS, 'module-map.md'), renderModuleMap(facts)]]);
  for (const module of facts.modules) {
    pages.set(join(MODULE_DOCS, 'contracts', `${module.descriptor.name}.md`), renderCatalogue(module));
  }
  for (const [path, text] of pages) {
    pages.set(path, await format(text, { ...(await resolveConfig(path)), filepath: path }));
  }
  return pages;
}

/**
 * The generated pages whose committed copy differs or is missing, and the committed catalogue pages
 * no module generates any more (relative paths); empty when the docs are up to date.
 */
export async function staleModuleDocs(): Promise<string[]> {
  const pages = await generateModuleDocs();
  const catalogues = join(MODULE_DOCS, 'contracts');
  const leftOver = existsSync(catalogues)
    ? readdirSync(catalogues)
        .map((name) => join(catalogues, name))
        .filter((path) => !pages.has(path))
    : [];
  return [...pages]
    .filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text)
    .map(([path]) => path)
    .concat(leftOver)
    .map((path) => relative(ROOT, path));
}

/** Writes the pages; with `--check`, writes nothing and fails when a committed page is stale. */
async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleModuleDocs();
    if (stale.length > 0) {
      console.error(
        `The module docs are stale (${stale.join(', ')}): run \`npm run docs:modules\` and commit the result.`,
      );
      process.exit(1);
    }
    console.log('The module docs are up to date.');
    return;
  }
  const pages = await generateModuleDocs();
  rmSync(join(MODULE_DOCS, 'contracts'), { recursive: true, force: true });
  for (const [path, text] of pages) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  console.log(`Wrote ${pages.size} pages under ${relative(ROOT, MODULE_DOCS)}/`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
