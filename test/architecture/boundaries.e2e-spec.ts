import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const DEPCRUISE = resolve(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = resolve(ROOT, '.dependency-cruiser.cjs');

async function cruise(cwd: string, paths: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(DEPCRUISE, [...paths, '--config', CONFIG, '--output-type', 'err'], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the import rule (dependency-cruiser)', () => {
  it('fires on a fixture that reaches into another module and a platform that imports a module', async () => {
    const { code, output } = await cruise(resolve(__dirname, '../fixtures/boundary-violation'), ['src']);
    expect(code).not.toBe(0);
    expect(output).toContain('module-internals');
    expect(output).toContain(
      'src/modules/cart/application/add-item.handler.ts → src/modules/catalog/domain/stock-level.ts',
    );
    expect(output).toContain('platform-knows-no-module');
    // Importing through index.ts is allowed, so that line must not be reported.
    expect(output).not.toMatch(/add-item\.handler\.ts → src\/modules\/catalog\/index\.ts/);
  });

  it('passes on the real source tree', async () => {
    const { code, output } = await cruise(ROOT, ['src', 'migrations']);
    expect({ code, output }).toEqual({ code: 0, output: expect.any(String) });
  });
});
