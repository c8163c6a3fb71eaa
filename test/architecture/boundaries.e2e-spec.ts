import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { GRAMMAR_RULES } from './support/grammar-rules';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const DEPCRUISE = resolve(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = resolve(ROOT, '.dependency-cruiser.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const offenders = require('./todays-offenders.cjs') as Record<string, string[]>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(CONFIG) as { forbidden: { name: string }[] };

/** The layer rules whose offenders of today may be listed in todays-offenders.cjs. */
const LAYER_RULES = [
  'domain-is-pure',
  'http-not-infrastructure',
  'http-calls-use-cases',
  'application-not-http',
  'orm-entities-stay-in-infrastructure',
];

async function cruise(
  cwd: string,
  paths: string[],
  options: { allowlist?: boolean; outputType?: string } = {},
): Promise<{ code: number; output: string }> {
  const env = { ...process.env, ARCADE_ARCH_ALLOWLIST: options.allowlist === false ? 'off' : 'on' };
  const args = [...paths, '--config', CONFIG, '--output-type', options.outputType ?? 'err'];
  try {
    const { stdout, stderr } = await run(DEPCRUISE, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
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

  it('fires on a module that imports another its descriptor does not allow, even through index.ts', async () => {
    const { output } = await cruise(resolve(__dirname, '../fixtures/boundary-violation'), ['src']);
    expect(output).toContain(
      'module-dependencies-declared: src/modules/reviews/application/rate-product.handler.ts → src/modules/catalog/index.ts',
    );
    // cart's descriptor allows catalog.
    expect(output).not.toMatch(/module-dependencies-declared: src\/modules\/cart\//);
  });

  it('passes on the real source tree', async () => {
    const { code, output } = await cruise(ROOT, ['src', 'migrations']);
    expect({ code, output }).toEqual({ code: 0, output: expect.any(String) });
  });
});

describe('the layer rules inside a module (dependency-cruiser)', () => {
  let fixture: string;
  beforeAll(async () => {
    ({ output: fixture } = await cruise(resolve(__dirname, '../fixtures/architecture'), ['src'], { allowlist: false }));
  });

  it('keeps domain code pure transitively: a domain file that reaches Nest through another file', () => {
    // widget.ts imports only widget-price.ts, which takes Money from the messaging barrel.
    expect(fixture).toMatch(
      /domain-is-pure: src\/modules\/widgets\/domain\/widget\.ts → \S*node_modules\/@nestjs\/common/,
    );
    expect(fixture).toContain('domain-is-pure: src/modules/widgets/domain/widget.ts → src/platform/messaging/index.ts');
  });

  it.each([
    ['http-not-infrastructure', 'http/widgets.controller.ts → src/modules/widgets/infrastructure/widget.repository.ts'],
    [
      'http-calls-use-cases',
      'http/widgets.controller.ts → src/modules/widgets/application/paint-widget/paint-widget.handler.ts',
    ],
    [
      'application-not-http',
      'application/paint-widget/paint-widget.handler.ts → src/modules/widgets/http/widget.dto.ts',
    ],
    [
      'orm-entities-stay-in-infrastructure',
      'application/paint-widget/paint-widget.handler.ts → src/modules/widgets/infrastructure/widget.orm-entity.ts',
    ],
  ])('fires %s on the fixture', (rule, edge) => {
    expect(fixture).toContain(`${rule}: src/modules/widgets/${edge}`);
  });

  it.each([
    ['http/reports.controller.ts', 'a controller that injects the DataSource'],
    ['application/count-widgets/count-widgets.use-case.ts', 'a use case that queries the DataSource'],
  ])('fires persistence-stays-in-infrastructure on %s (%s)', (file) => {
    expect(fixture).toMatch(
      new RegExp(
        `persistence-stays-in-infrastructure: src/modules/widgets/${file.replace(/\./g, '\\.')} → \\S*node_modules/typeorm/`,
      ),
    );
  });

  it('lets the module file register its ORM entities', () => {
    expect(fixture).not.toContain('widgets.module.ts → src/modules/widgets/infrastructure/widget.orm-entity.ts');
  });

  it('keeps modules on the module entry of messaging, and the testing entry out of the app', () => {
    expect(fixture).toContain(
      'modules-use-the-module-entry-of-messaging: src/modules/widgets/infrastructure/widget-delivery.ts → src/platform/messaging/kernel.ts',
    );
    expect(fixture).toContain(
      'testing-entry-is-for-tests: src/platform/jobs/flush-now.ts → src/platform/messaging/testing.ts',
    );
    // The module entry (index.ts) and contracts/ are what modules use.
    expect(fixture).not.toMatch(/modules-use-the-module-entry-of-messaging: \S+ → src\/platform\/messaging\/index\.ts/);
  });

  it('fires messaging-knows-no-http on the fixture', () => {
    expect(fixture).toContain(
      'messaging-knows-no-http: src/platform/messaging/index.ts → src/platform/http/problem.ts',
    );
  });

  it('lists in todays-offenders.cjs exactly the files that break a layer rule today', async () => {
    const { output } = await cruise(ROOT, ['src', 'migrations'], { allowlist: false, outputType: 'json' });
    const violations = (JSON.parse(output) as { summary: { violations: { rule: { name: string }; from: string }[] } })
      .summary.violations;
    const found: Record<string, string[]> = {};
    for (const { rule, from } of violations) {
      expect(LAYER_RULES).toContain(rule.name); // any other rule has no allowlist at all
      found[rule.name] = [...new Set([...(found[rule.name] ?? []), from])].sort();
    }
    for (const rule of LAYER_RULES)
      expect({ rule, files: found[rule] ?? [] }).toEqual({ rule, files: offenders[rule] ?? [] });
  });

  it('names only known rules in todays-offenders.cjs', () => {
    const known = [...LAYER_RULES, ...Object.keys(GRAMMAR_RULES)];
    expect(Object.keys(offenders).filter((rule) => !known.includes(rule))).toEqual([]);
    expect(LAYER_RULES.filter((rule) => !config.forbidden.some((r) => r.name === rule))).toEqual([]);
  });
});
