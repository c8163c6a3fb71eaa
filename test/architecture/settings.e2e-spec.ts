import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return (
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      // A peer's own packages (bench/peers/<name>/node_modules, installed by the peer runner) are not ours.
      .filter((entry) => !entry.parentPath.split(/[\\/]/).includes('node_modules'))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
  );
}

/** Variables the app reads through the config readers: `readInt(env, 'PORT', …)` and the like. */
function settingsReadBy(dir: string): Set<string> {
  const names = new Set<string>();
  for (const source of sources(dir)) {
    for (const [, name] of source.matchAll(/read\w*\((?:env|\{[^}]*\}), '([A-Z][A-Z0-9_]+)'/g)) names.add(name);
  }
  return names;
}

/** Variables tests and benchmarks read from process.env. */
function environmentReadBy(dir: string): Set<string> {
  const names = new Set<string>();
  for (const source of sources(dir)) {
    for (const [, name] of source.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) names.add(name);
  }
  return names;
}

describe('.env.example', () => {
  const documented = new Set(
    [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]),
  );

  it('lists every setting the app reads', () => {
    const read = settingsReadBy('src');
    expect(read.size).toBeGreaterThan(80);
    // A name may be a prefix read as a group (SIGNUP_MAX_PER_EMAIL, SIGNUP_MAX_PER_ADDRESS…).
    const isDocumented = (name: string) =>
      documented.has(name) || [...documented].some((d) => d.startsWith(`${name}_`));
    expect([...read].filter((name) => !isDocumented(name))).toEqual([]);
  });

  it('lists the settings of the tests and benchmarks too', () => {
    // Internal hand-offs between a test and the child it starts are not settings.
    const internal = new Set([
      'DATABASE_POOL_SIZE',
      'UV_THREADPOOL_SIZE',
      'CRASH_POINT',
      'CRASH_AT',
      'NATS_OUTAGE_SIGNAL',
      'NATS_OUTAGE_SECONDS',
    ]);
    const read = new Set([...environmentReadBy('test'), ...environmentReadBy('bench')]);
    expect([...read].filter((name) => !documented.has(name) && !internal.has(name))).toEqual([]);
  });
});

describe('npm scripts', () => {
  it('read .env in every script that runs the app or one of its tools (npm run start:dev included)', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const running = Object.entries(scripts).filter(([, command]) => /dist\/src\/|nest start/.test(command));
    expect(running.map(([name]) => name)).toEqual(
      expect.arrayContaining(['start', 'start:dev', 'seed', 'admin:create']),
    );
    for (const [name, command] of running) {
      expect({ name, command }).toEqual({ name, command: expect.stringContaining('node -r ./scripts/load-env.cjs') });
    }
  });
});
