import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const MODULES = join(ROOT, 'src/modules');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const moduleNames = readdirSync(MODULES).filter((name) => statSync(join(MODULES, name)).isDirectory());
const sources = filesUnder(MODULES).filter((f) => !f.endsWith('.spec.ts'));
const rel = (f: string) => relative(ROOT, f);

/**
 * Names say what things are (kgrzybek's architecture tests): a newcomer finds each kind in one
 * obvious place. The roles inside a module (handlers, use cases, repositories…) are checked in both
 * directions by grammar.e2e-spec.ts; the layers by dependency-cruiser (boundaries.e2e-spec.ts).
 */
describe('architecture: names and places', () => {
  it('gives every module an index.ts that exposes only its contracts (the root imports <m>.module.ts)', () => {
    for (const module of moduleNames) {
      const index = readFileSync(join(MODULES, module, 'index.ts'), 'utf8');
      const exports = index.split('\n').filter((line) => line.startsWith('export'));
      expect({ module, exports }).toEqual({
        module,
        exports: [`export * from './contracts';`],
      });
    }
  });

  it('names contract files after what they carry', () => {
    const misnamed = sources
      .filter((f) => f.includes('/contracts/'))
      .filter((f) => !/(\.command|\.query|\.integration-event|\/index)\.ts$/.test(f));
    expect(misnamed.map(rel)).toEqual([]);
  });

  it('never relates entities across schemas (ids only)', () => {
    const related = sources.filter((f) => /@(ManyToOne|OneToMany|OneToOne|ManyToMany)\(/.test(readFileSync(f, 'utf8')));
    // Relations inside one module are allowed; the import rule already stops entities of other modules being imported.
    for (const file of related) {
      const module = rel(file).split('/')[2];
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect({
        file: rel(file),
        crossModule: imports.filter((i) => /^\.\.\/\.\.\/\.\.\/(?!platform)/.test(i) && !i.includes(`/${module}/`)),
      }).toEqual({
        file: rel(file),
        crossModule: [],
      });
    }
  });
});
