import { execFile } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');

/** `npm run docs:modules -- --check`, run as CI would (Prettier needs a real Node, not Jest's VM). */
async function checkModuleDocs(): Promise<{ code: number; output: string }> {
  const args = ['-r', './test/support/swc-register.cjs', 'tools/module-docs/main.ts', '--check'];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/**
 * The module map and the contract catalogues in docs/modules are generated from the code (Spring
 * Modulith's Documenter plays this part there): a change to a descriptor, a contract, its example
 * or who imports it must come with the regenerated pages.
 */
describe('architecture: the generated module docs', () => {
  it('are up to date with the code (else: run `npm run docs:modules`)', async () => {
    const { code, output } = await checkModuleDocs();
    if (code !== 0) throw new Error(output.trim());
  }, 120_000);

  it('fail the check, saying what to run, when a committed page is stale', async () => {
    const page = resolve(ROOT, 'docs/modules/contracts/cart.md');
    const committed = readFileSync(page, 'utf8');
    appendFileSync(page, '\nEdited by hand.\n');
    try {
      const { code, output } = await checkModuleDocs();
      expect(code).toBe(1);
      expect(output).toContain(
        'The module docs are stale (docs/modules/contracts/cart.md): run `npm run docs:modules` and commit the result.',
      );
    } finally {
      writeFileSync(page, committed);
    }
  }, 120_000);
});
